/**
 * Takes a submission in: from a student's repository checkout (hostile), only the exercise files the
 * metadata names, each a regular file (no symlink, in a folder that is no symlink either) under a
 * size cap, copied into a staged folder of this pristine course checkout. Nothing else of the
 * submission is read: no package files, no config, no tests, no .npmrc.
 */
import { copyFileSync, existsSync, lstatSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { UsageError } from '../cli/errors';
import { loadExercises } from './exercises';
import { STAGE_PREFIX } from './stage';
import { grade, type GradeOptions, type GradeReport } from './grader';
import { removeStage } from './stage';
import { ROOT, type Target } from '../targets';

/** An exercise file larger than this is not taken (the stubs are about 2 KB, the solutions 4 KB). */
export const MAX_EXERCISE_BYTES = 256 * 1024;

export interface Submission {
  /** the staged folder of modules, inside the repository */
  target: Target;
  /** modules not taken, with the reason (missing, a symlink, too large): their functions score 0 */
  rejected: Map<string, string>;
}

/** Why `file` cannot be taken, or undefined when it can. */
function refusal(file: string, shownAs: string): string | undefined {
  if (!existsSync(file) && !isLink(file)) return `${shownAs} is missing from the submission`;
  const stat = lstatSync(file);
  if (stat.isSymbolicLink()) return `${shownAs} is a symbolic link; only regular files are graded`;
  if (!stat.isFile()) return `${shownAs} is not a regular file`;
  if (stat.size > MAX_EXERCISE_BYTES) return `${shownAs} is larger than ${MAX_EXERCISE_BYTES / 1024} KiB`;
  return undefined;
}

function isLink(file: string): boolean {
  try {
    return lstatSync(file).isSymbolicLink();
  } catch {
    return false;
  }
}

/**
 * Copies the submission's exercise modules into `.stage-<name>/`. A module that cannot be taken is
 * replaced by one that throws, so its functions score 0 (with the reason, through `rejected`).
 */
export function stageSubmission(dir: string, name: string): Submission {
  const source = path.resolve(dir);
  if (!existsSync(source) || !lstatSync(source).isDirectory()) throw new UsageError(`--submission ${dir}: no such folder`);
  const staged = path.join(ROOT, `${STAGE_PREFIX}${name}`);
  rmSync(staged, { recursive: true, force: true });
  mkdirSync(staged);
  const folder = path.join(source, 'exercises');
  const folderIsLink = isLink(folder);
  const rejected = new Map<string, string>();
  for (const module of [...new Set(loadExercises().map((e) => e.module))]) {
    const shownAs = `exercises/${module}.ts`;
    const why = folderIsLink ? 'exercises/ is a symbolic link; only regular files are graded' : refusal(path.join(folder, `${module}.ts`), shownAs);
    if (why === undefined) copyFileSync(path.join(folder, `${module}.ts`), path.join(staged, `${module}.ts`));
    else {
      rejected.set(module, why);
      writeFileSync(path.join(staged, `${module}.ts`), `throw new Error(${JSON.stringify(why)});\n`);
    }
  }
  return { target: { name: path.basename(staged), dir: staged }, rejected };
}

let staged = 0;

/**
 * The trusted grade of a submission folder (a student's repository checkout; this checkout's own
 * working tree when none is given): its exercise files staged, compiled here, run in the sandbox.
 */
export function gradeSubmission(dir: string | undefined, options: Omit<GradeOptions, 'target' | 'sandbox' | 'unavailable'> = {}): GradeReport {
  staged += 1;
  const submission = stageSubmission(dir ?? ROOT, `submission-${process.pid}-${staged}`);
  try {
    return grade({ ...options, target: submission.target, sandbox: true, unavailable: submission.rejected });
  } finally {
    removeStage(submission.target);
  }
}
