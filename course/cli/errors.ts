/**
 * Errors the scripts turn into one clear line and a non-zero exit, never a stack trace.
 */
import { NotImplementedError } from '../../lib/errors';

/** Bad command-line input: a flag out of range, an unknown target, an unwritable directory. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** A data file that is missing or malformed; the message names the file and line. */
export class DataError extends Error {
  override name = 'DataError';
}

/** Training produced a non-finite loss. */
export class DivergenceError extends Error {
  override name = 'DivergenceError';
}

/** The one line a script prints for an error it expects; undefined for a bug (let it crash). */
export function describeExpectedError(error: unknown): string | undefined {
  if (error instanceof NotImplementedError) {
    const suite = error.file.replace(/^exercises\//, '').replace(/\.ts$/, '');
    return `${error.message} (its tests: npm test -- ${suite} -t ${error.functionName})`;
  }
  if (error instanceof UsageError || error instanceof DataError || error instanceof DivergenceError) {
    return error.message;
  }
  return undefined;
}
