/**
 * What every script shares: strict number parsing for flags, the target and output flags, one-line
 * errors, writable outputs.
 */
import { accessSync, constants, existsSync, mkdirSync, statSync } from 'node:fs';
import path from 'node:path';
import Table from 'cli-table3';
import type { Argv } from 'yargs';
import { UsageError, describeExpectedError } from './errors';
import { resolveTarget, type Target } from '../targets';

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

function parseNumber(flag: string, raw: unknown): number {
  if (Array.isArray(raw)) throw new UsageError(`--${flag} was given more than once`);
  const text = String(raw).trim();
  if (!NUMBER.test(text)) throw new UsageError(`--${flag} must be a number, got "${text}"`);
  return Number(text);
}

/** A yargs `coerce` for a whole number in [min, max]. */
export function integerFlag(flag: string, min: number, max: number): (raw: unknown) => number {
  return (raw) => {
    const value = parseNumber(flag, raw);
    if (!Number.isInteger(value) || value < min || value > max) {
      throw new UsageError(`--${flag} must be a whole number from ${min} to ${max}, got ${String(raw)}`);
    }
    return value;
  };
}

/** A yargs `coerce` for a finite number greater than zero. */
export function positiveFlag(flag: string): (raw: unknown) => number {
  return (raw) => {
    const value = parseNumber(flag, raw);
    if (!Number.isFinite(value) || value <= 0) {
      throw new UsageError(`--${flag} must be a finite number greater than 0, got ${String(raw)}`);
    }
    return value;
  };
}

/** A yargs `coerce` for `--target exercises|reference|DIR`, resolved once here. */
function targetFlag(raw: unknown): Target {
  if (Array.isArray(raw)) throw new UsageError('--target was given more than once');
  return resolveTarget(String(raw));
}

/** Where a run's code comes from and where its results go. */
export interface OutputArgs {
  target: Target;
  out: string;
  json?: string;
  quiet: boolean;
  plots: boolean;
}

/** Adds the flags every trainer shares: --target --out --json --quiet --plots. */
export function withOutputFlags<T>(parser: Argv<T>, defaultTarget = 'exercises') {
  return parser
    .option('target', { type: 'string', default: defaultTarget, coerce: targetFlag, describe: 'whose code to run: exercises (yours), reference or a folder' })
    .option('out', { type: 'string', default: 'plots', describe: 'directory for the PNG plots' })
    .option('json', { type: 'string', describe: 'also write a JSON summary to this file' })
    .option('quiet', { type: 'boolean', default: false, describe: 'print nothing but errors' })
    .option('plots', { type: 'boolean', default: true, describe: 'draw the PNG plots (--no-plots to skip them)' });
}

/** Makes yargs report a bad flag as one UsageError line instead of the help text. */
export function failWithUsageError<T>(parser: Argv<T>): Argv<T> {
  return parser
    .fail((message, error) => {
      if (error instanceof UsageError) throw error;
      const oneLine = (message ?? error.message).replace(/\s*\n\s*/g, ' '); // yargs splits some messages over lines
      throw new UsageError(`${oneLine} (see --help)`);
    })
    .strict()
    .help()
    .alias('h', 'help')
    .version(false)
    .wrap(Math.min(110, process.stdout.columns || 110));
}

/**
 * Creates `dir` if needed, one level at a time, and proves it writable, before any long work
 * starts. (A recursive mkdirSync never returns under /proc, so the levels are made one by one.)
 */
export function ensureWritableDirectory(dir: string, flag = 'out'): string {
  if (dir.trim() === '') throw new UsageError(`--${flag} needs a directory, got an empty string`);
  const resolved = path.resolve(dir);
  const missing: string[] = [];
  let existing = resolved;
  while (!existsSync(existing)) {
    missing.unshift(existing);
    existing = path.dirname(existing);
  }
  try {
    if (!statSync(existing).isDirectory()) throw new Error(`${existing} is not a directory`);
    for (const level of missing) mkdirSync(level);
    accessSync(resolved, constants.W_OK);
    if (existing.startsWith('/proc/') || existing === '/proc' || existing.startsWith('/sys/') || existing === '/sys') throw new Error('a kernel file system');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw new UsageError(`--${flag} ${dir}: cannot write to this directory (${reason})`);
  }
  return resolved;
}

/** The output directory (created, proven writable) and, if a JSON file is asked for, its folder too. */
export function prepareOutputs(out: string, json?: string): string {
  const outDir = ensureWritableDirectory(out);
  if (json !== undefined) ensureWritableDirectory(path.dirname(path.resolve(json)), 'json');
  return outDir;
}

/** Runs a script's main; an expected error becomes `error: <one line>` and exit code 1. */
export function runMain(main: () => void | Promise<void>): void {
  Promise.resolve()
    .then(main)
    .catch((error: unknown) => {
      const line = describeExpectedError(error);
      if (line === undefined) {
        console.error(error);
        process.exitCode = 70; // a bug in this repository, not in the input: keep the stack
        return;
      }
      console.error(`error: ${line}`);
      process.exitCode = 1;
    });
}

/** A compact table for terminal output: no rules between rows, no colours. */
export function makeTable(head: string[], colAligns?: ('left' | 'right' | 'center')[]): Table.Table {
  return new Table({
    head,
    ...(colAligns ? { colAligns } : {}),
    style: { head: [], border: [] },
    chars: { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' },
  });
}
