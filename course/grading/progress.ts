/**
 * Where a student stands: each exercise function done, failing or not started, and the next one.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { CALL_TIMEOUT } from '../../tests/student';
import { rangeOption } from '../cli/flags';
import { exerciseFile, exerciseName, type Exercise } from './exercises';
import type { FunctionGrade, GradeReport } from './grader';
import { ROOT } from '../targets';

/** watch's and progress's --timeout: the per-call limit the suites apply (tests/student.ts), in its range. */
export const callTimeoutOption = () =>
  rangeOption('timeout', CALL_TIMEOUT.minSeconds, CALL_TIMEOUT.maxSeconds, 'seconds one call to your code may take before it counts as an endless loop', CALL_TIMEOUT.defaultSeconds);

export type Status = 'done' | 'failing' | 'not started';

export function statusOf(grade: FunctionGrade): Status {
  if (grade.total > 0 && grade.passed === grade.total) return 'done';
  if ((grade.firstFailure ?? '').includes('not implemented yet')) return 'not started';
  return 'failing';
}

/** The 1-based line of `export function <name>` in the exercise file, for "file:line". */
export function stubLocation(exercise: Exercise, root = ROOT): string {
  const lines = readFileSync(path.join(root, exerciseFile(exercise)), 'utf8').split('\n');
  const line = lines.findIndex((l) => new RegExp(`^export function ${exercise.function}\\b`).test(l));
  return `${exerciseFile(exercise)}:${line + 1}`;
}

/** The test command for one function: `npm test -- neuron -t updateWeights`. */
export function testCommand(exercise: Exercise): string {
  return `npm test -- ${exercise.module} -t ${exercise.function}`;
}

const MARK: Record<Status, string> = { done: '✓', failing: '✗', 'not started': '·' };

/** The progress list, "k of n done" and what to do next. */
export function progressReport(report: GradeReport): { text: string; next?: Exercise } {
  const width = Math.max(...report.functions.map((f) => exerciseName(f.exercise).length));
  const done = report.functions.filter((f) => statusOf(f) === 'done').length;
  const lines = [`Neural-network lab: ${done} of ${report.functions.length} functions done`];
  let part = 0;
  for (const f of report.functions) {
    if (f.exercise.part !== part) {
      part = f.exercise.part;
      lines.push('', `Part ${part}`);
    }
    const status = statusOf(f);
    const detail = status === 'failing' ? ` (${f.passed}/${f.total} tests pass): ${(f.firstFailure ?? '').slice(0, 120)}` : status === 'done' ? ` (${f.total} tests)` : '';
    lines.push(`  ${MARK[status]} ${exerciseName(f.exercise).padEnd(width)}  ${status}${detail}`);
  }
  const next = report.functions.find((f) => statusOf(f) !== 'done')?.exercise;
  lines.push('');
  if (next) {
    lines.push(`Next: ${next.function} in ${stubLocation(next)}`, `  run its tests:  ${testCommand(next)}`, `  get a hint:     npm run hint -- ${next.module}.${next.function}`);
  } else {
    lines.push(`Every function is done. ${nextStepLine()}`);
  }
  return { text: lines.join('\n'), next };
}

/**
 * What to do once everything passes. `npm run demo` alone trains reference/ where there is one (the
 * course repository), so name the student's own code explicitly: right in both repositories.
 */
export function nextStepLine(): string {
  return 'Train your models and look at the plots: npm run demo -- --target exercises';
}

/** Finds an exercise by "updateWeights" or "network.updateWeights" (module-qualified). */
export function findExercise(exercises: Exercise[], query: string): { exercise?: Exercise; others: Exercise[] } {
  const [module, name] = query.includes('.') ? query.split('.', 2) : [undefined, query];
  const matches = exercises.filter((e) => e.function === name && (module === undefined || e.module === module));
  return { exercise: matches[0], others: matches.slice(1) };
}
