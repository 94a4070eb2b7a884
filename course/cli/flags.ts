/**
 * The one flag layer every command shares: strict numbers (decimal only, finite, in range), a flag
 * given at most once, a value for every flag that takes one, booleans that are true or false,
 * no unknown flags or positionals; one-line errors, writable outputs, and runMain.
 *
 * yargs alone lets several of these through: it merges a repeated boolean, turns
 * `--linearly-separable=maybe` into false, parses hex into numbers and keeps whatever follows `--`.
 * So a command's raw arguments are checked token by token (checkTokens) against the options the
 * parser declares, before yargs parses them; yargs then does the rest (strict, choices, coerce).
 */
import { accessSync, constants, existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import Table from 'cli-table3';
import yargs, { type Argv, type Options } from 'yargs';
import { UsageError, describeExpectedError, describeUnexpectedError } from './errors';
import { inTheWay } from './output';
import { resolveTarget, type Target } from '../targets';

/** Decimal numbers only: no hex, octal, binary, separators, NaN or Infinity. */
const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/** The raw text of a flag's value; a repeat, a missing value or a --no- form is a UsageError. */
export function flagValue(flag: string, raw: unknown): string {
  if (Array.isArray(raw)) throw new UsageError(`--${flag} was given more than once`);
  if (raw === undefined || raw === true || raw === false) throw new UsageError(`--${flag} needs a value`);
  const text = String(raw);
  if (text.trim() === '') throw new UsageError(`--${flag} needs a value, got an empty string`);
  return text;
}

function parseNumber(flag: string, raw: unknown): number {
  if (typeof raw === 'number') return raw; // a default from the code, never typed by a user
  const text = flagValue(flag, raw).trim();
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

/** A yargs `coerce` for a number in [min, max]. */
export function rangeFlag(flag: string, min: number, max: number): (raw: unknown) => number {
  return (raw) => {
    const value = parseNumber(flag, raw);
    if (!(value >= min && value <= max)) throw new UsageError(`--${flag} must be a number from ${min} to ${max}, got ${String(raw)}`);
    return value;
  };
}

/*
 * Option declarations. Every value-taking option is declared as a yargs string, so yargs never
 * parses a number itself (it would read 0x10 as 16); the coerce does, strictly.
 */

/** Adds a default to an option, typed so that yargs knows the value is always there. */
function withDefault<O extends Options, D>(options: O, defaultValue: D | undefined): O & { default: D } {
  return (defaultValue === undefined ? options : { ...options, default: defaultValue }) as O & { default: D };
}

/** A whole number in [min, max]. */
export function integerOption(flag: string, min: number, max: number, describe: string): { type: 'string'; coerce: (raw: unknown) => number; describe: string };
export function integerOption(flag: string, min: number, max: number, describe: string, defaultValue: number): { type: 'string'; coerce: (raw: unknown) => number; describe: string; default: number };
export function integerOption(flag: string, min: number, max: number, describe: string, defaultValue?: number) {
  return withDefault({ type: 'string' as const, coerce: integerFlag(flag, min, max), describe }, defaultValue);
}

/** A finite number > 0. */
export function positiveOption(flag: string, describe: string): { type: 'string'; coerce: (raw: unknown) => number; describe: string };
export function positiveOption(flag: string, describe: string, defaultValue: number): { type: 'string'; coerce: (raw: unknown) => number; describe: string; default: number };
export function positiveOption(flag: string, describe: string, defaultValue?: number) {
  return withDefault({ type: 'string' as const, coerce: positiveFlag(flag), describe }, defaultValue);
}

/** A number in [min, max], with a default. */
export function rangeOption(flag: string, min: number, max: number, describe: string, defaultValue: number) {
  return withDefault({ type: 'string' as const, coerce: rangeFlag(flag, min, max), describe }, defaultValue);
}

/** A non-empty string (a path, a name). */
export const stringOption = (flag: string, describe: string) => ({ type: 'string', coerce: (raw: unknown) => flagValue(flag, raw), describe }) as const satisfies Options;

/** A string with a default. */
export const stringDefaultOption = (flag: string, describe: string, defaultValue: string) => ({ ...stringOption(flag, describe), default: defaultValue }) as const satisfies Options;

/** true or false (checkTokens rejects any other value). */
export const booleanOption = (describe: string, defaultValue: boolean) => ({ type: 'boolean', default: defaultValue, describe }) as const satisfies Options;

/** A value parsed by `parse` from the flag's non-empty text (lists, ranges). */
export const parsedOption = <V>(flag: string, parse: (text: string) => V, describe: string) =>
  ({ type: 'string', coerce: (raw: unknown): V => parse(flagValue(flag, raw)), describe }) as const satisfies Options;

/** A yargs `coerce` for `--target exercises|reference|DIR`, resolved once here. */
function targetFlag(raw: unknown): Target {
  return resolveTarget(flagValue('target', raw));
}

/** `--target`: whose code a command runs. */
export const targetOption = (defaultTarget: string, describe = 'whose code to run: exercises (yours), reference or a folder') =>
  ({ type: 'string', default: defaultTarget, coerce: targetFlag, describe }) as const satisfies Options;

/** `--out DIR`: where the plots go. */
export const outOption = (describe = 'directory for the PNG plots', defaultValue = 'plots') => stringDefaultOption('out', describe, defaultValue);

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
  return withTargetAndQuiet(parser, defaultTarget)
    .option('out', outOption())
    .option('json', stringOption('json', 'also write a JSON summary to this file'))
    .option('plots', booleanOption('draw the PNG plots (--no-plots to skip them)', true));
}

/** --target and --quiet, for commands that train but write nothing (sweep). */
export function withTargetAndQuiet<T>(parser: Argv<T>, defaultTarget = 'exercises') {
  return parser.option('target', targetOption(defaultTarget)).option('quiet', booleanOption('print nothing but errors', false));
}

/** Makes yargs report a bad flag as one UsageError line instead of the help text. */
export function failWithUsageError<T>(parser: Argv<T>): Argv<T> {
  return parser
    .parserConfiguration({ 'duplicate-arguments-array': true, 'parse-numbers': false, 'parse-positional-numbers': false })
    .fail((message, error) => {
      if (error instanceof UsageError) throw error;
      const oneLine = (message ?? error.message).replace(/\s*\n\s*/g, ' '); // yargs splits some messages over lines
      throw new UsageError(`${oneLine} (see --help)`);
    })
    .middleware(rejectRepeats(parser as Argv<unknown>), true)
    .strict()
    .help()
    .alias('h', 'help')
    .version(false)
    .wrap(Math.min(110, process.stdout.columns || 110));
}

/**
 * yargs collects a repeated option into an array: for the commands that do not check their tokens
 * (checkTokens), any array where an option was not declared as one is a repeat.
 */
function rejectRepeats(parser: Argv<unknown>) {
  return (argv: Record<string, unknown>) => {
    const declared = (parser as unknown as { getOptions(): DeclaredOptions & { array: string[] } }).getOptions();
    for (const [key, value] of Object.entries(argv)) {
      if (key === '_' || key === '$0' || !Array.isArray(value) || declared.array.includes(key)) continue;
      throw new UsageError(`--${kebab(key)} was given more than once`);
    }
  };
}

/** What a yargs instance knows of its options (yargs 17 has getOptions, its types do not). */
interface DeclaredOptions {
  key: Record<string, unknown>;
  boolean: string[];
  alias: Record<string, string[]>;
}

const kebab = (name: string) => name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

/**
 * Checks a command's raw arguments against the options `parser` declares, before yargs sees them:
 * each option at most once (whatever its spelling: --x v, --x=v, --no-x), a value after every
 * option that takes one, true/false after a boolean's `=`, nothing after `--`. Unknown flags are
 * left to yargs' strict mode.
 */
export function checkTokens(argv: readonly string[], parser: Argv<unknown>): void {
  const declared = (parser as unknown as { getOptions(): DeclaredOptions }).getOptions();
  const canonical = new Map<string, string>();
  for (const key of Object.keys(declared.key)) canonical.set(kebab(key), kebab(key));
  for (const [key, aliases] of Object.entries(declared.alias)) for (const alias of aliases) canonical.set(kebab(alias), kebab(key));
  const booleans = new Set(declared.boolean.map((b) => canonical.get(kebab(b)) ?? kebab(b)));
  const seen = new Set<string>();
  for (let i = 0; i < argv.length; i++) {
    const token = argv[i];
    if (token === '--') {
      if (i + 1 < argv.length) throw new UsageError(`unexpected argument "${argv[i + 1]}" (see --help)`);
      return;
    }
    const match = /^--?([^=]+)(?:=(.*))?$/s.exec(token);
    if (!match || NUMBER.test(token)) continue; // a value, a negative number or a positional: yargs judges it
    const [, written, value] = match;
    let name = canonical.get(kebab(written));
    let negated = false;
    if (name === undefined && written.startsWith('no-')) {
      const positive = canonical.get(kebab(written.slice(3)));
      if (positive !== undefined && !booleans.has(positive)) throw new UsageError(`--${positive} takes a value; there is no --${written}`);
      if (positive !== undefined) [name, negated] = [positive, true];
    }
    if (name === undefined) continue; // unknown: yargs' strict mode reports it
    if (seen.has(name)) throw new UsageError(`--${name} was given more than once`);
    seen.add(name);
    if (booleans.has(name)) {
      if (value !== undefined && (negated || !['true', 'false'].includes(value))) throw new UsageError(`--${written} takes true or false, got "${value}"`);
      continue;
    }
    if (value !== undefined) continue;
    const next = argv[i + 1];
    if (next === undefined || (next.startsWith('-') && !NUMBER.test(next))) throw new UsageError(`--${name} needs a value`);
    i += 1; // the value, whatever it looks like
  }
}

/** A strict parser for `argv`: one-line errors, --help; declare its options, then parseCommandLine. */
export function commandLine(argv: readonly string[], scriptName: string, usage: string): Argv<object> {
  const parser = failWithUsageError(yargs(joinNegativeValues(argv))).scriptName(scriptName).usage(usage);
  RAW_ARGS.set(parser, argv);
  return parser;
}

const RAW_ARGS = new WeakMap<object, readonly string[]>();

/** `--flag -1e-3` as `--flag=-1e-3`: yargs would read a negative number with an exponent as short flags (-1 -e -3). */
function joinNegativeValues(argv: readonly string[]): string[] {
  const joined: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const [token, next] = [argv[i], argv[i + 1]];
    if (/^--[^=]+$/.test(token) && next !== undefined && next.startsWith('-') && NUMBER.test(next)) {
      joined.push(`${token}=${next}`);
      i += 1;
    } else {
      joined.push(token);
    }
    if (token === '--') {
      joined.push(...argv.slice(i + 1));
      break;
    }
  }
  return joined;
}

/** Checks the raw arguments token by token (checkTokens), then lets yargs parse them. */
export function parseCommandLine<T>(parser: Argv<T>): T {
  const argv = RAW_ARGS.get(parser);
  if (argv === undefined) throw new Error('parseCommandLine needs a parser made by commandLine');
  checkTokens(argv, parser as Argv<unknown>);
  return parser.parseSync() as T;
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
    if (isKernelFileSystem(existing)) throw new Error('a kernel file system');
    if (!statSync(existing).isDirectory()) throw new Error(`${existing} is not a directory`);
    for (const level of missing) {
      try {
        mkdirSync(level);
      } catch (error) {
        // another run (two on one --out) made it first: as good, if it is a folder
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || !statSync(level).isDirectory()) throw error;
      }
    }
    accessSync(resolved, constants.W_OK);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw new UsageError(`--${flag} ${dir}: cannot write to this directory (${reason})`);
  }
  return resolved;
}

const isKernelFileSystem = (dir: string) => ['/proc', '/sys'].some((root) => dir === root || dir.startsWith(`${root}/`));

/** A file a command will replace: absent, or a regular file its owner may write (inTheWay says why not). */
export function ensureReplaceableFile(file: string, flag: string): string {
  if (/[/\\]$/.test(file)) throw new UsageError(`--${flag} ${file}: names a folder; give a file name`);
  const resolved = path.resolve(file);
  const problem = inTheWay(resolved);
  if (problem !== undefined) throw new UsageError(`--${flag} ${file}: ${problem}`);
  return resolved;
}

/** A text file a flag names, read whole; anything but a readable regular file of at most `maxBytes` is one UsageError line. */
export function readTextFile(file: string, flag: string, maxBytes = 1024 * 1024): string {
  const stats = statSync(file, { throwIfNoEntry: false });
  if (stats === undefined) throw new UsageError(`--${flag} ${file}: no such file`);
  if (!stats.isFile()) throw new UsageError(`--${flag} ${file}: ${stats.isDirectory() ? 'is a directory' : 'not a regular file'}`);
  if (stats.size > maxBytes) throw new UsageError(`--${flag} ${file}: ${stats.size} bytes, more than the ${maxBytes} this flag reads`);
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    throw new UsageError(`--${flag} ${file}: cannot read it (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
}

/** The output directory (created, proven writable) and, if a JSON file is asked for, its folder too. */
export function prepareOutputs(out: string, json?: string): string {
  const outDir = ensureWritableDirectory(out);
  if (json !== undefined) {
    if (json.trim() === '') throw new UsageError('--json needs a file name, got an empty string');
    ensureWritableDirectory(path.dirname(path.resolve(json)), 'json');
    ensureReplaceableFile(json, 'json');
  }
  return outDir;
}

/**
 * Runs a command's main and returns its exit code: 0, or 1 after one `error: <line>` for an
 * expected error (bad input, a student's code), or 70 with the stack for a bug of this repository.
 */
export async function runCommand(main: () => unknown): Promise<number> {
  try {
    await main();
    return 0;
  } catch (error) {
    const line = describeExpectedError(error) ?? describeUnexpectedError(error);
    if (line === undefined) {
      console.error(error);
      return 70; // a bug in this repository, not in the input: keep the stack
    }
    console.error(`error: ${line}`);
    return 1;
  }
}

/** Runs a script's main; its exit code becomes the process's. */
export function runMain(main: () => unknown): void {
  // output piped into a reader that stopped (npm run … | head): stop quietly, as a shell command does
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    process.exit(0);
  });
  void runCommand(main).then((code) => {
    if (code !== 0) process.exitCode = code;
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
