/**
 * The grader: runs the exercise suites against a folder of exercise modules and turns the outcome
 * into points per function (course/exercises.toml), with the first failure of each.
 *
 * Fault isolation. The suites first run in one jest process, in band, with a wall-clock timeout and
 * a capped heap. If that process does not finish cleanly (an endless loop, process.exit, memory
 * exhausted, a suite that cannot load), each function of the affected files is graded again in a
 * process of its own, so that a broken function costs only its own points.
 */
import path from 'node:path';
import { buildBox, removeBox } from './sandbox/box';
import { STAGE_PREFIX, removeDeadStages } from './stage';
import { exerciseName, loadExercises, testFile, testNamePattern, type Exercise } from './exercises';
import { firstLine, runJest, visibleText, type JestRun, type TestOutcome } from './jest-report';
import { ROOT, TARGET_ENV, type Target } from '../targets';

export interface GradeOptions {
  /** Whose modules to grade (default: exercises/). */
  target?: Target;
  /** Only these modules (neuron, network, …); default: all. */
  only?: string[];
  /** Only this one function (watch mode re-runs just the current exercise). */
  exercise?: Exercise;
  /** Wall-clock limit of one jest process, in seconds. */
  timeoutSeconds?: number;
  /** Heap limit of one jest process (and of the sandbox), in MiB. */
  memoryMb?: number;
  /**
   * Run the student's code in the sandbox (course/grading/sandbox): compiled and type-checked here,
   * executed in a locked-down process of its own, the suites and verdicts in this one. The trusted
   * grade (npm run grade, class grading, Gradescope) always does; progress and watch import directly.
   */
  sandbox?: boolean;
  /** Time one call of a student's function may take in the sandbox, in seconds (default 10). */
  callTimeoutSeconds?: number;
  /** Type-check the modules before grading (sandbox only; default true). */
  typecheck?: boolean;
  /** Modules not taken from the submission, with the reason: their functions score 0 unrun. */
  unavailable?: Map<string, string>;
}

export interface FunctionGrade {
  exercise: Exercise;
  passed: number;
  total: number;
  points: number;
  /** Why points were lost: the first failing test and its message, cut short. */
  firstFailure?: string;
}

export interface GradeReport {
  functions: FunctionGrade[];
  score: number;
  maxScore: number;
  /** What the grader had to do beyond the fast path (isolated reruns and why). */
  notes: string[];
}

const MAX_MESSAGE = 300;

interface Settings {
  target: Target;
  timeoutSeconds: number;
  memoryMb: number;
  /** the folder jest's exercises project maps @target to: the modules, or their sandbox proxies */
  mapped: string;
  /**
   * The suites' own limit on one call (tests/student.ts, LAB_CALL_TIMEOUT), in seconds. Under the
   * sandbox it is set past the sandbox's own per-call limit, so that the sandbox's fires first.
   */
  suiteCallSeconds?: number;
}

/** One jest process over the exercise suites, in band, so that killing it stops every test. */
function runExerciseSuites(args: string[], settings: Settings): JestRun {
  return runJest(['--selectProjects', 'exercises', '--ci', '--runInBand', ...args], {
    env: { [TARGET_ENV]: settings.mapped, ...(settings.suiteCallSeconds === undefined ? {} : { LAB_CALL_TIMEOUT: String(settings.suiteCallSeconds) }) },
    timeoutSeconds: settings.timeoutSeconds,
    memoryMb: settings.memoryMb,
  });
}

function belongsTo(test: TestOutcome, exercise: Exercise): boolean {
  return test.file === testFile(exercise) && test.ancestors[0] === exercise.function;
}

/**
 * A function's `properties` block (tests/exercises/*.test.ts) holds what a harmless wrong function
 * can have too: the right shapes, unchanged inputs, invariance under repeating the batch, a value
 * at one special point. A function that returns a constant or takes no step passes them, so they
 * earn their share only beside a passing test of its values.
 */
export const PROPERTIES = 'properties';
const isProperty = (test: TestOutcome): boolean => test.ancestors[1] === PROPERTIES;

function gradeFunction(exercise: Exercise, tests: TestOutcome[], failure?: string): FunctionGrade {
  const own = tests.filter((t) => belongsTo(t, exercise));
  if (failure !== undefined || own.length === 0) {
    return { exercise, passed: 0, total: own.length, points: 0, firstFailure: failure ?? 'no test of this function ran' };
  }
  const passing = own.filter((t) => t.status === 'passed');
  const passed = passing.length;
  const credited = passing.some((t) => !isProperty(t)) ? passed : 0;
  const failing = own.find((t) => t.status !== 'passed');
  const message = failing ? firstLine(failing.failureMessages[0] ?? failing.status) : undefined;
  return {
    exercise,
    passed,
    total: own.length,
    points: (exercise.points * credited) / own.length,
    firstFailure: failing ? `${failing.title}: ${(message ?? '').slice(0, MAX_MESSAGE)}` : undefined,
  };
}

let boxes = 0;

export function grade(options: GradeOptions = {}): GradeReport {
  const target = options.target ?? { name: 'exercises', dir: path.join(ROOT, 'exercises') };
  const timeoutSeconds = options.timeoutSeconds ?? 120;
  const memoryMb = options.memoryMb ?? 1024;
  const focus = options.exercise;
  const exercises = focus ? [focus] : loadExercises().filter((e) => options.only === undefined || options.only.includes(e.module));
  if (!options.sandbox) return gradeWith(exercises, { target, timeoutSeconds, memoryMb, mapped: target.dir }, focus, new Map());
  const modules = new Map<string, string[]>();
  for (const e of loadExercises()) if (exercises.some((x) => x.module === e.module)) modules.set(e.module, [...(modules.get(e.module) ?? []), e.function]);
  boxes += 1;
  removeDeadStages();
  const callSeconds = options.callTimeoutSeconds ?? Math.min(10, timeoutSeconds / 4);
  const box = buildBox(target.dir, modules, path.join(ROOT, `${STAGE_PREFIX}proxies-${process.pid}-${boxes}`), {
    callTimeoutMs: callSeconds * 1000,
    memoryMb: Math.min(memoryMb, 1024),
    typecheck: options.typecheck ?? true,
  });
  try {
    const report = gradeWith(exercises, { target, timeoutSeconds, memoryMb, mapped: box.proxies, suiteCallSeconds: callSeconds + 5 }, focus, new Map([...box.compileErrors, ...(options.unavailable ?? [])]));
    if (box.isolation.prefix.length === 0) report.notes.push(`The sandbox had no isolation at the OS level: ${box.isolation.description}. This grade is a preview.`);
    return report;
  } finally {
    removeBox(box);
  }
}

/** Runs the suites of `exercises` (fast path, then isolated reruns); modules that do not compile score 0 unrun. */
function gradeWith(exercises: Exercise[], settings: Settings, focus: Exercise | undefined, compileErrors: Map<string, string>): GradeReport {
  const runnable = exercises.filter((e) => !compileErrors.has(e.module));
  const files = [...new Set(runnable.map(testFile))];
  const notes: string[] = [];
  if (files.length === 0) {
    const functions = exercises.map((exercise) => gradeFunction(exercise, [], compileErrors.get(exercise.module)));
    return { functions, score: 0, maxScore: exercises.reduce((sum, e) => sum + e.points, 0), notes };
  }

  const fast = runExerciseSuites(focus ? [testFile(focus), '-t', testNamePattern(focus)] : files, settings);
  const broken = fast.brokenSuites.map((b) => b.file);
  const suspect = new Set(fast.failure !== undefined ? files : broken);
  if (fast.failure !== undefined) notes.push(`The test run ${fast.failure}; every function was graded again in a process of its own.`);
  for (const file of broken) notes.push(`${file} could not run as a whole; its functions were graded again one by one.`);

  const functions = exercises.map((exercise) => {
    const compileError = compileErrors.get(exercise.module);
    if (compileError !== undefined) return gradeFunction(exercise, [], compileError);
    if (!suspect.has(testFile(exercise))) return gradeFunction(exercise, fast.tests);
    const alone = runExerciseSuites([testFile(exercise), '-t', testNamePattern(exercise)], { ...settings, timeoutSeconds: Math.min(settings.timeoutSeconds, 60) });
    return gradeFunction(exercise, alone.tests, alone.failure ?? (alone.brokenSuites.length > 0 ? 'its test file could not run (see npm test)' : undefined));
  });
  const score = functions.reduce((sum, f) => sum + f.points, 0);
  const maxScore = exercises.reduce((sum, e) => sum + e.points, 0);
  return { functions, score, maxScore, notes };
}

const round = (value: number): number => Math.round(value * 100) / 100;

/** Text from file names, messages and student output, safe inside Markdown (and a table cell). */
export function escapeMarkdown(text: string): string {
  return visibleText(text.replace(/[\r\n\t]+/g, ' '))
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/[\\`*_{}[\]()#+!|~$]/g, (c) => `\\${c}`);
}

export interface ReportLabels {
  /** files outside exercises/ that the pull request changed (restored before grading) */
  flaggedFiles?: string[];
  /** a preview the student can influence (the pull-request workflow), not the authoritative grade */
  preview?: boolean;
}

/** The report as Markdown: per part and function, passed tests, points and the first failure. */
export function markdownReport(report: GradeReport, labels: ReportLabels = {}): string {
  const flaggedFiles = labels.flaggedFiles ?? [];
  const lines = [`# ${labels.preview ? 'Preview grade' : 'Grade'}: ${round(report.score)} / ${report.maxScore} points`, ''];
  if (labels.preview) {
    lines.push('> This is a **preview**, computed in your own repository. The grade that counts is the course\'s class grading (or Gradescope), run from the course\'s own copy of every file but your exercise modules.', '');
  }
  if (flaggedFiles.length > 0) {
    lines.push('> **Files outside exercises/ changed in this pull request.** They were restored from the template before grading:', ...flaggedFiles.map((f) => `> - ${escapeMarkdown(f)}`), '');
  }
  for (const part of [...new Set(report.functions.map((f) => f.exercise.part))]) {
    const inPart = report.functions.filter((f) => f.exercise.part === part);
    const points = inPart.reduce((sum, f) => sum + f.points, 0);
    const max = inPart.reduce((sum, f) => sum + f.exercise.points, 0);
    lines.push(`## Part ${part}: ${round(points)} / ${max}`, '', '| function | tests passed | points | first failure |', '| --- | --- | --- | --- |');
    for (const f of inPart) {
      // module and function names are identifiers (exercises.ts checks), safe in a code span
      lines.push(`| \`${exerciseName(f.exercise)}\` | ${f.total === 0 ? '–' : `${f.passed} / ${f.total}`} | ${round(f.points)} / ${f.exercise.points} | ${escapeMarkdown(f.firstFailure ?? '')} |`);
    }
    lines.push('');
  }
  for (const note of report.notes) lines.push(`_${escapeMarkdown(note)}_`, '');
  return lines.join('\n');
}

/**
 * The report as Gradescope's results.json: only fields of its specification (top level: score,
 * execution_time, output, output_format, visibility, stdout_visibility, tests; per test: name,
 * score, max_score, status, output, output_format, visibility).
 */
export function gradescopeReport(report: GradeReport, labels: ReportLabels & { executionSeconds?: number } = {}): Record<string, unknown> {
  const flaggedFiles = labels.flaggedFiles ?? [];
  const output = [
    ...(labels.preview ? ['Preview grade: the authoritative grade is the course\'s class grading.'] : []),
    ...(flaggedFiles.length > 0 ? [`Files outside exercises/ changed (restored before grading): ${flaggedFiles.map(escapeMarkdown).join(', ')}`] : []),
    ...report.notes.map(escapeMarkdown),
  ].join('\n\n');
  return {
    score: round(report.score),
    ...(labels.executionSeconds === undefined ? {} : { execution_time: Math.round(labels.executionSeconds) }),
    output,
    output_format: 'md',
    visibility: 'visible',
    stdout_visibility: 'hidden',
    tests: report.functions.map((f) => ({
      name: `Part ${f.exercise.part}: ${exerciseName(f.exercise)}`,
      score: round(f.points),
      max_score: f.exercise.points,
      status: f.points === f.exercise.points ? 'passed' : 'failed',
      output: escapeMarkdown(f.firstFailure === undefined ? `${f.passed} of ${f.total} tests passed` : `${f.passed} of ${f.total} tests passed. First failure: ${f.firstFailure}`),
      output_format: 'md',
      visibility: 'visible',
    })),
  };
}
