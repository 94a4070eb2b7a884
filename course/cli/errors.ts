/**
 * Errors the scripts turn into one clear line and a non-zero exit, never a stack trace.
 */
import path from 'node:path';
import { NotImplementedError } from '../../lib/errors';

/** Bad command-line input: a flag out of range, an unknown target, an unwritable directory. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** A data file that is missing or malformed; the message names the file and line. */
export class DataError extends Error {
  override name = 'DataError';
}

/** Training produced a non-finite loss or non-finite (or absurdly large) parameters. */
export class DivergenceError extends Error {
  override name = 'DivergenceError';
}

/** An output that could not be written (a full disk, a folder in the way); nothing was left half-made. */
export class OutputError extends Error {
  override name = 'OutputError';
}

/** A command ran but part of it failed, each part already reported; the message sums it up. */
export class CommandFailed extends Error {
  override name = 'CommandFailed';
}

/** The student's code failed: it does not compile, throws at import, or returns the wrong shape. */
export class StudentCodeError extends Error {
  override name = 'StudentCodeError';
  constructor(
    readonly file: string,
    detail: string,
  ) {
    super(`your code in ${file}: ${detail}`);
  }
}

/** The one line a script prints for an error it expects; undefined for a bug (let it crash). */
export function describeExpectedError(error: unknown): string | undefined {
  if (error instanceof NotImplementedError) {
    const suite = error.file.replace(/^exercises\//, '').replace(/\.ts$/, '');
    return `${error.message} (its tests: npm test -- ${suite} -t ${error.functionName})`;
  }
  if (error instanceof UsageError || error instanceof DataError || error instanceof DivergenceError || error instanceof OutputError || error instanceof StudentCodeError || error instanceof CommandFailed) {
    return error.message;
  }
  return undefined;
}

const ROOT = path.resolve(__dirname, '..', '..');

/** Folders of the course itself: a failure there is the repository's; anywhere else beside them, the student's. */
const COURSE_FOLDERS = new Set(['course', 'lib', 'scripts', 'instructor', 'tests', 'reference', 'node_modules']);

/** The student module (exercises/X.ts or a --target folder's) that a path names, relative to the repository. */
function studentFile(text: string): string | undefined {
  for (const match of text.matchAll(/(?:file:\/\/)?(\/[^\s:()'"]+\.ts)\b/g)) {
    const relative = path.relative(ROOT, match[1]);
    const parts = relative.split(path.sep);
    if (parts.length === 2 && !relative.startsWith('..') && !COURSE_FOLDERS.has(parts[0])) return relative;
  }
  return undefined;
}

/** The first line of an error that says what went wrong, with the absolute paths made relative. */
function detail(error: Error, file: string): string {
  const lines = error.message.split('\n').map((l) => l.trim()).filter((l) => l !== '');
  const line = lines.find((l) => l.includes(file) && l !== lines[0]) ?? lines[0] ?? error.name;
  return line.split(`${ROOT}${path.sep}`).join('').replace(`${file}:`, 'line ');
}

/**
 * An error this repository did not expect, blamed on the student's module when that module is where
 * it happened (the top of its stack, or a compile error naming it): `your code in exercises/X.ts: …`.
 * Undefined when it is a bug of the repository.
 */
export function describeUnexpectedError(error: unknown): string | undefined {
  return studentCodeError(error)?.message;
}

/** The StudentCodeError for an unexpected error that happened in a student's module, if it did. */
export function studentCodeError(error: unknown, fallbackFile?: string): StudentCodeError | undefined {
  if (!(error instanceof Error) || describeExpectedError(error) !== undefined) return undefined;
  const file = studentFile(error.message) ?? studentFile(firstFrame(error.stack ?? ''));
  if (file !== undefined) return new StudentCodeError(file, detail(error, file));
  // not thrown inside the student's module, but while the course used what it returned
  if (fallbackFile !== undefined) return new StudentCodeError(fallbackFile, `it returned something the course cannot use (${error.message.split('\n')[0]})`);
  return undefined;
}

/** The stack's first frame: where the error was thrown. */
function firstFrame(stack: string): string {
  return stack.split('\n').find((l) => /^\s+at /.test(l)) ?? '';
}
