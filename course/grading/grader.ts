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
import { exerciseName, loadExercises, testFile, testNamePattern, type Exercise } from './exercises';
import { firstLine, runJest, type JestRun, type TestOutcome } from './jest-report';
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
  /** Heap limit of one jest process, in MiB. */
  memoryMb?: number;
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

type Settings = Required<Omit<GradeOptions, 'only' | 'exercise'>>;

/** One jest process over the exercise suites, in band, so that killing it stops every test. */
function runExerciseSuites(args: string[], settings: Settings): JestRun {
  return runJest(['--selectProjects', 'exercises', '--ci', '--runInBand', ...args], {
    env: { [TARGET_ENV]: settings.target.dir },
    timeoutSeconds: settings.timeoutSeconds,
    memoryMb: settings.memoryMb,
  });
}

function belongsTo(test: TestOutcome, exercise: Exercise): boolean {
  return test.file === testFile(exercise) && test.ancestors[0] === exercise.function;
}

function gradeFunction(exercise: Exercise, tests: TestOutcome[], failure?: string): FunctionGrade {
  const own = tests.filter((t) => belongsTo(t, exercise));
  if (failure !== undefined || own.length === 0) {
    return { exercise, passed: 0, total: own.length, points: 0, firstFailure: failure ?? 'no test of this function ran' };
  }
  const passed = own.filter((t) => t.status === 'passed').length;
  const failing = own.find((t) => t.status !== 'passed');
  const message = failing ? firstLine(failing.failureMessages[0] ?? failing.status) : undefined;
  return {
    exercise,
    passed,
    total: own.length,
    points: (exercise.points * passed) / own.length,
    firstFailure: failing ? `${failing.title}: ${(message ?? '').slice(0, MAX_MESSAGE)}` : undefined,
  };
}

export function grade(options: GradeOptions = {}): GradeReport {
  const settings: Settings = {
    target: options.target ?? { name: 'exercises', dir: path.join(ROOT, 'exercises') },
    timeoutSeconds: options.timeoutSeconds ?? 120,
    memoryMb: options.memoryMb ?? 1024,
  };
  const focus = options.exercise;
  const exercises = focus ? [focus] : loadExercises().filter((e) => options.only === undefined || options.only.includes(e.module));
  const files = [...new Set(exercises.map(testFile))];
  const notes: string[] = [];

  const fast = runExerciseSuites(focus ? [testFile(focus), '-t', testNamePattern(focus)] : files, settings);
  const broken = fast.brokenSuites.map((b) => b.file);
  const suspect = new Set(fast.failure !== undefined ? files : broken);
  if (fast.failure !== undefined) notes.push(`The test run ${fast.failure}; every function was graded again in a process of its own.`);
  for (const file of broken) notes.push(`${file} could not run as a whole; its functions were graded again one by one.`);

  const functions = exercises.map((exercise) => {
    if (!suspect.has(testFile(exercise))) return gradeFunction(exercise, fast.tests);
    const alone = runExerciseSuites([testFile(exercise), '-t', testNamePattern(exercise)], { ...settings, timeoutSeconds: Math.min(settings.timeoutSeconds, 60) });
    return gradeFunction(exercise, alone.tests, alone.failure ?? (alone.brokenSuites.length > 0 ? 'its test file could not run (see npm test)' : undefined));
  });
  const score = functions.reduce((sum, f) => sum + f.points, 0);
  const maxScore = exercises.reduce((sum, e) => sum + e.points, 0);
  return { functions, score, maxScore, notes };
}

const round = (value: number): number => Math.round(value * 100) / 100;

/** The report as Markdown: per part and function, passed tests, points and the first failure. */
export function markdownReport(report: GradeReport, flaggedFiles: string[] = []): string {
  const lines = [`# Grade: ${round(report.score)} / ${report.maxScore} points`, ''];
  if (flaggedFiles.length > 0) {
    lines.push('> **Protected files changed in this pull request.** They were restored from the base commit before grading:', ...flaggedFiles.map((f) => `> - \`${f}\``), '');
  }
  for (const part of [...new Set(report.functions.map((f) => f.exercise.part))]) {
    const inPart = report.functions.filter((f) => f.exercise.part === part);
    const points = inPart.reduce((sum, f) => sum + f.points, 0);
    const max = inPart.reduce((sum, f) => sum + f.exercise.points, 0);
    lines.push(`## Part ${part}: ${round(points)} / ${max}`, '', '| function | tests passed | points | first failure |', '| --- | --- | --- | --- |');
    for (const f of inPart) {
      const failure = (f.firstFailure ?? '').replace(/\|/g, '\\|').replace(/\n/g, ' ');
      lines.push(`| \`${exerciseName(f.exercise)}\` | ${f.total === 0 ? "–" : `${f.passed} / ${f.total}`} | ${round(f.points)} / ${f.exercise.points} | ${failure} |`);
    }
    lines.push('');
  }
  for (const note of report.notes) lines.push(`_${note}_`, '');
  return lines.join('\n');
}

/** The report in Gradescope's results.json shape. */
export function gradescopeReport(report: GradeReport, flaggedFiles: string[] = []): Record<string, unknown> {
  return {
    score: round(report.score),
    max_score: report.maxScore,
    output: [...(flaggedFiles.length > 0 ? [`Protected files changed (restored before grading): ${flaggedFiles.join(', ')}`] : []), ...report.notes].join('\n'),
    visibility: 'visible',
    tests: report.functions.map((f) => ({
      name: `Part ${f.exercise.part}: ${exerciseName(f.exercise)}`,
      score: round(f.points),
      max_score: f.exercise.points,
      output: f.firstFailure === undefined ? `${f.passed} of ${f.total} tests passed` : `${f.passed} of ${f.total} tests passed. First failure: ${f.firstFailure}`,
      visibility: 'visible',
    })),
  };
}
