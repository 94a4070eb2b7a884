/**
 * The robustness table (issue 13): each row is one careless or unlucky invocation of a command and
 * what it must give — one `error:` line and exit 1 (optionally matching a pattern), or a success
 * with the files it names. Every row is also checked for leftovers: no temporary or staging file
 * may remain in the case's folder. `{T}` in an argument is the case's own temporary folder.
 */
import { chmodSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export type Command = 'train:neuron' | 'train:network' | 'train:logreg' | 'train:mlp' | 'sweep' | 'demo' | 'make-datasets' | 'bench' | 'grade';

export interface CommandCase {
  kind: 'command';
  name: string;
  command: Command;
  args: string[];
  expect: 'error' | 'ok';
  /** the error line must match this */
  message?: RegExp;
  /** files (relative to {T}) an accepted run must have written */
  files?: string[];
  /** prepares the case's folder before the run */
  setup?: (dir: string) => void;
  /** must run as a real process (import-time faults, scripts without an in-process entry) */
  subprocess?: boolean;
}

/** A CSV given to the lab's loader: accepted, or one DataError naming the right line. */
export interface CsvCase {
  kind: 'csv';
  name: string;
  content: string;
  expect: 'error' | 'ok';
  message?: RegExp;
}

export type FuzzCase = CommandCase | CsvCase;

/** A quick run of each trainer: the reference, two epochs, no plots. */
const QUICK = ['--target', 'reference', '--epochs', '2', '--no-plots', '--quiet'];
const quick = (...more: string[]) => [...QUICK, ...more];

const error = (name: string, command: Command, args: string[], message?: RegExp, extra: Partial<CommandCase> = {}): CommandCase => ({ kind: 'command', name, command, args, expect: 'error', message, ...extra });
const ok = (name: string, command: Command, args: string[], files: string[] = [], extra: Partial<CommandCase> = {}): CommandCase => ({ kind: 'command', name, command, args, expect: 'ok', files, ...extra });
const file = (relative: string, content = 'x') => (dir: string) => {
  mkdirSync(path.dirname(path.join(dir, relative)), { recursive: true });
  writeFileSync(path.join(dir, relative), content);
};

const TWICE = /was given more than once/;
const NEEDS_VALUE = /needs a value|needs a directory/;
const NOT_A_NUMBER = /must be a number|must be a whole number/;

export const FLAG_CASES: FuzzCase[] = [
  // a flag given twice, in every form
  error('--seed twice', 'train:neuron', quick('--seed', '1', '--seed', '1'), TWICE),
  error('--batch-size twice', 'train:neuron', quick('--batch-size', '100', '--batch-size', '1'), TWICE),
  error('--target twice', 'train:neuron', ['--target', 'reference', '--target', 'exercises', '--no-plots'], TWICE),
  error('--out twice', 'train:neuron', quick('--out', '{T}/a', '--out', '{T}/b'), TWICE),
  error('--json twice', 'train:neuron', quick('--json', '{T}/a.json', '--json', '{T}/b.json'), TWICE),
  error('--quiet twice', 'train:neuron', quick('--quiet'), TWICE),
  error('--plots and --no-plots', 'train:neuron', quick('--plots'), TWICE),
  error('--epochs=3 --epochs=4', 'train:neuron', ['--target', 'reference', '--epochs=3', '--epochs=4'], TWICE),
  error('--linearly-separable twice', 'train:network', quick('--linearly-separable', '--no-linearly-separable'), TWICE),
  error('mlp --layers twice', 'train:mlp', quick('--layers', '2,4,1', '--layers', '2,3,1'), TWICE),
  error('mlp --preset twice', 'train:mlp', quick('--preset', 'deep', '--preset', 'hidden2'), TWICE),
  error('logreg --cost twice', 'train:logreg', quick('--cost', 'mse', '--cost', 'mse'), TWICE),
  error('logreg --data twice', 'train:logreg', quick('--data', 'sin', '--data', 'linear'), TWICE),
  error('sweep --model twice', 'sweep', ['--model', 'neuron', '--model', 'network', '--seeds', '0'], TWICE),
  error('sweep --seeds twice', 'sweep', ['--seeds', '0-1', '--seeds', '2'], TWICE),
  error('demo --out twice', 'demo', ['--out', '{T}/a', '--out', '{T}/b'], TWICE),
  // a flag that needs a value, without one
  error('--json at the end', 'train:neuron', quick('--json'), NEEDS_VALUE),
  error('--json before a flag', 'train:neuron', ['--json', ...QUICK], NEEDS_VALUE),
  error('--out at the end', 'train:neuron', quick('--out'), NEEDS_VALUE),
  error('--target at the end', 'train:neuron', ['--no-plots', '--target'], NEEDS_VALUE),
  error('--epochs at the end', 'train:neuron', ['--target', 'reference', '--epochs'], NEEDS_VALUE),
  error('--epochs empty', 'train:neuron', ['--target', 'reference', '--epochs', ''], /needs a value|must be a/),
  error('--epochs blank', 'train:neuron', ['--target', 'reference', '--epochs', ' '], /needs a value|must be a/),
  error('--no-json', 'train:neuron', quick('--no-json'), /takes a value|needs a value|was given more than once|no-json/),
  error('--no-out', 'train:neuron', quick('--no-out'), /takes a value|needs a value|was given more than once|no-out/),
  error('--no-epochs', 'train:neuron', ['--target', 'reference', '--no-epochs'], /takes a value|needs a value|no-epochs/),
  error('mlp --data at the end', 'train:mlp', quick('--data'), /needs a value|Invalid values/),
  error('mlp --layers at the end', 'train:mlp', quick('--layers'), /needs a value|--layers/),
  error('demo --out at the end', 'demo', ['--out'], NEEDS_VALUE),
  // numbers: decimal only, finite, in range
  error('--batch-size hex', 'train:neuron', quick('--batch-size', '0x10'), NOT_A_NUMBER),
  error('--epochs hex', 'train:neuron', ['--target', 'reference', '--no-plots', '--epochs', '0x2'], NOT_A_NUMBER),
  error('--learning-rate binary', 'train:neuron', quick('--learning-rate', '0b1'), NOT_A_NUMBER),
  error('--learning-rate octal', 'train:neuron', quick('--learning-rate', '0o7'), NOT_A_NUMBER),
  error('--learning-rate NaN', 'train:neuron', quick('--learning-rate', 'NaN'), NOT_A_NUMBER),
  error('--learning-rate Infinity', 'train:neuron', quick('--learning-rate', 'Infinity'), /must be a/),
  error('--learning-rate 1e999', 'train:neuron', quick('--learning-rate', '1e999'), /finite/),
  error('--seed 1e400', 'train:neuron', quick('--seed', '1e400'), /must be a whole number/),
  error('--seed 4294967296', 'train:neuron', quick('--seed', '4294967296'), /must be a whole number/),
  error('--batch-size 2.5', 'train:neuron', quick('--batch-size', '2.5'), /must be a whole number/),
  error('--batch-size 4001', 'train:neuron', quick('--batch-size', '4001'), /larger than the training set/),
  error('--batch-size 1_000', 'train:neuron', quick('--batch-size', '1_000'), NOT_A_NUMBER),
  error('--epochs ten', 'train:neuron', ['--target', 'reference', '--epochs', 'ten'], NOT_A_NUMBER),
  error('mlp --init-scale 0', 'train:mlp', quick('--init-scale', '0'), /greater than 0/),
  error('mlp --layers hex size', 'train:mlp', quick('--layers', '2,0x4,1'), /--layers/),
  error('mlp --layers empty size', 'train:mlp', quick('--layers', '2,,1'), /--layers/),
  error('mlp --layers 1e1 size', 'train:mlp', quick('--layers', '2,1e1,1', '--activations', 'tanh,logistic'), /--layers/),
  error('mlp unknown activation', 'train:mlp', quick('--layers', '2,3,1', '--activations', 'tanh,bogus'), /unknown activation/),
  error('sweep --threshold abc', 'sweep', ['--threshold', 'abc', '--seeds', '0'], NOT_A_NUMBER),
  error('sweep --threshold 2', 'sweep', ['--threshold', '2', '--seeds', '0'], /--threshold/),
  error('sweep --threshold 0x1', 'sweep', ['--threshold', '0x1', '--seeds', '0'], NOT_A_NUMBER),
  error('sweep duplicate seeds', 'sweep', ['--seeds', '1,1', '--model', 'neuron'], /--seeds/),
  error('sweep overlapping ranges', 'sweep', ['--seeds', '0-3,2', '--model', 'neuron'], /--seeds/),
  error('sweep --seeds empty', 'sweep', ['--seeds', ''], /--seeds/),
  error('sweep --seeds hex', 'sweep', ['--seeds', '0x1'], /--seeds/),
  error('sweep --model logreg', 'sweep', ['--model', 'logreg'], /Invalid values|--model/),
  // booleans take true or false only
  error('--linearly-separable=maybe', 'train:neuron', quick('--linearly-separable=maybe'), /true or false/),
  error('--quiet=yes', 'train:neuron', ['--target', 'reference', '--epochs', '2', '--no-plots', '--quiet=yes'], /true or false/),
  error('--plots=0', 'train:neuron', ['--target', 'reference', '--epochs', '2', '--quiet', '--plots=0'], /true or false/),
  error('--no-quiet=false', 'train:neuron', ['--target', 'reference', '--epochs', '2', '--no-plots', '--no-quiet=false'], /true or false|no-quiet/),
  // unknown flags and positionals
  error('unknown flag', 'train:neuron', quick('--bogus'), /Unknown argument: bogus/),
  error('positional', 'train:neuron', quick('extra'), /Unknown argument|unexpected argument/),
  error('positional after --', 'train:neuron', quick('--', 'extra'), /Unknown argument|unexpected argument/),
  error('--version', 'train:neuron', quick('--version'), /Unknown argument|version/),
  error('short unknown flag', 'train:neuron', quick('-x'), /Unknown argument|unexpected/),
  error('sweep --json (no JSON written)', 'sweep', ['--json', '{T}/s.json', '--seeds', '0'], /Unknown argument: json/),
  error('demo --bogus', 'demo', ['--bogus'], /Unknown argument: bogus/),
  error('demo positional', 'demo', ['now'], /Unknown argument|unexpected argument/),
  error('demo --target nosuch', 'demo', ['--target', 'nosuch', '--out', '{T}/d'], /no such folder/),
  // accepted forms
  ok('--learning-rate 1e-3', 'train:neuron', quick('--learning-rate', '1e-3')),
  ok('--learning-rate .5', 'train:neuron', quick('--learning-rate', '.5')),
  ok('--batch-size 1e3', 'train:neuron', quick('--batch-size', '1e3')),
  ok('--epochs=2', 'train:neuron', ['--target', 'reference', '--epochs=2', '--no-plots', '--quiet']),
  ok('--linearly-separable=false', 'train:neuron', quick('--linearly-separable=false')),
  ok('--quiet=true', 'train:neuron', ['--target', 'reference', '--epochs', '2', '--no-plots', '--quiet=true']),
  ok('--plots=false', 'train:neuron', ['--target', 'reference', '--epochs', '2', '--quiet', '--plots=false']),
  ok('sweep --threshold 0.5', 'sweep', ['--model', 'neuron', '--target', 'reference', '--seeds', '0-1', '--epochs', '2', '--threshold', '0.5', '--quiet']),
  ok('mlp small custom network', 'train:mlp', quick('--layers', '2,3,1', '--activations', 'tanh,logistic')),
  ok('logreg linear', 'train:logreg', quick('--data', 'linear', '--cost', 'mse')),
];

export const OUTPUT_CASES: FuzzCase[] = [
  error('--out under /proc', 'train:neuron', ['--target', 'reference', '--epochs', '2', '--out', '/proc/self/fuzz/plots'], /cannot write/),
  error('--out /proc', 'train:neuron', ['--target', 'reference', '--epochs', '2', '--out', '/proc'], /cannot write/),
  error('--json under /proc', 'train:neuron', quick('--json', '/proc/self/fuzz/run.json'), /cannot write/),
  error('--json /proc/self/status', 'train:neuron', quick('--json', '/proc/self/status'), /cannot write|not a regular file/),
  error('--out empty', 'train:neuron', quick('--out', ''), NEEDS_VALUE),
  error('--json empty', 'train:neuron', quick('--json', ''), NEEDS_VALUE),
  error('--json names a directory', 'train:neuron', quick('--json', '{T}/dir'), /directory|not a regular file/, { setup: (dir) => mkdirSync(path.join(dir, 'dir')) }),
  error('--json names a read-only file', 'train:neuron', quick('--json', '{T}/ro.json'), /read-only/, {
    setup: (dir) => {
      file('ro.json', '{}')(dir);
      chmodSync(path.join(dir, 'ro.json'), 0o444);
    },
  }),
  error('--json /dev/full', 'train:neuron', quick('--json', '/dev/full'), /not a regular file|cannot write/),
  error('--json under a file', 'train:neuron', quick('--json', '{T}/f.txt/run.json'), /cannot write|not a directory/, { setup: file('f.txt') }),
  error('--out names a file', 'train:neuron', ['--target', 'reference', '--epochs', '2', '--quiet', '--out', '{T}/f.txt'], /cannot write|not a directory/, { setup: file('f.txt') }),
  error('a plot\'s name is taken by a folder', 'train:neuron', ['--target', 'reference', '--epochs', '2', '--quiet', '--out', '{T}/p', '--json', '{T}/p/run.json'], /neuron-linearly-separable-loss\.png/, {
    setup: (dir) => mkdirSync(path.join(dir, 'p', 'neuron-linearly-separable-loss.png'), { recursive: true }),
  }),
  error('--json is a symbolic link (the rename would replace the link)', 'train:neuron', quick('--json', '{T}/link.json'), /is a symbolic link/, {
    setup: (dir) => {
      file('target.json', '{}')(dir);
      symlinkSync(path.join(dir, 'target.json'), path.join(dir, 'link.json'));
    },
  }),
  error('--json names a folder path (trailing slash)', 'train:neuron', quick('--json', '{T}/dir/'), /names a folder/),
  error("--json is a plot's own path through a linked --out", 'train:neuron', ['--target', 'reference', '--epochs', '2', '--quiet', '--out', '{T}/linked', '--json', '{T}/w/dataset-linearly-separable.png'], /is also the path of a plot/, {
    setup: (dir) => {
      mkdirSync(path.join(dir, 'w'));
      symlinkSync(path.join(dir, 'w'), path.join(dir, 'linked'));
    },
  }),
  error("--json is a plot's own path", 'train:neuron', ['--target', 'reference', '--epochs', '2', '--quiet', '--out', '{T}/c', '--json', '{T}/c/dataset-linearly-separable.png'], /is also the path of a plot/),
  error('demo --out names a file', 'demo', ['--out', '{T}/f.txt'], /cannot write|not a directory/, { setup: file('f.txt') }),
  error('demo --out under /proc', 'demo', ['--out', '/proc/self/demo'], /cannot write/),
  ok('paths with spaces', 'train:neuron', ['--target', 'reference', '--epochs', '2', '--quiet', '--out', '{T}/with space/plots', '--json', '{T}/a b/run.json'], [
    'with space/plots/dataset-linearly-separable.png',
    'with space/plots/neuron-linearly-separable-decision.png',
    'with space/plots/neuron-linearly-separable-loss.png',
    'a b/run.json',
  ]),
  ok('network plots and JSON', 'train:network', ['--target', 'reference', '--epochs', '2', '--quiet', '--out', '{T}', '--json', '{T}/run.json'], ['network-not-linearly-separable-hidden.png', 'run.json']),
  error('mlp --layers 2,100000,1 with plots', 'train:mlp', ['--target', 'reference', '--layers', '2,100000,1', '--epochs', '1', '--quiet', '--out', '{T}'], /at most 10000/),
  ok('mlp --layers 2,300,1 with plots', 'train:mlp', ['--target', 'reference', '--layers', '2,300,1', '--epochs', '1', '--quiet', '--out', '{T}'], ['mlp-hidden2-custom-decision.png', 'mlp-hidden2-custom-cost.png']),
  ok('--json replaces an existing file', 'train:logreg', ['--target', 'reference', '--epochs', '2', '--quiet', '--out', '{T}', '--json', '{T}/run.json'], ['run.json', 'logreg-sin-cost.png'], { setup: file('run.json', 'old') }),
];

export const DIVERGENCE_CASES: FuzzCase[] = [
  error('mlp --init-scale 1e308', 'train:mlp', quick('--init-scale', '1e308'), /diverged/),
  error('mlp --learning-rate 1e300', 'train:mlp', quick('--learning-rate', '1e300'), /diverged at epoch/),
  error('neuron --learning-rate 1e300', 'train:neuron', quick('--learning-rate', '1e300'), /diverged at epoch/),
  error('network --learning-rate 1e300', 'train:network', quick('--learning-rate', '1e300'), /diverged at epoch/),
  error('logreg --learning-rate 1e300', 'train:logreg', quick('--learning-rate', '1e300'), /diverged at epoch/),
  error('sweep names the seed', 'sweep', ['--model', 'neuron', '--target', 'reference', '--seeds', '3-4', '--epochs', '3', '--learning-rate', '1e300'], /seed 3/),
];

/** A folder of modules beside exercises/ (as --target wants it) holding one broken neuron.ts. */
export const STUDENT_MODULES: Record<string, string> = {
  'syntax error': 'export function evaluateNeuron(x: number[][], w: number[], b: number) {\n  return [x, w, b\n}\n',
  'import-time throw': "throw new Error('oops at import');\nexport {};\n",
  'wrong return shape': [
    "export * from '../reference/neuron';",
    'export function updateWeights(): undefined {',
    '  return undefined;',
    '}',
    '',
  ].join('\n'),
};

/** The folder for one broken module: it must sit directly inside the repository, as exercises/ does. */
export const studentFolder = (prefix: string, name: string): string => `${prefix}-${name.replace(/\W+/g, '-')}`;

export const STUDENT_CASES = (folder: string): FuzzCase[] =>
  Object.keys(STUDENT_MODULES).map((name) =>
    // jest's transpile-only loader compiles a syntax error without complaint: that row needs tsx, a real process
    error(`student code: ${name}`, 'train:neuron', ['--target', studentFolder(folder, name), '--epochs', '2', '--no-plots', '--quiet'], /^error: your code in .*neuron\.ts/, { subprocess: name === 'syntax error' }),
  );

export const SUBPROCESS_CASES: FuzzCase[] = [
  error('make-datasets --out without a value', 'make-datasets', ['--out'], NEEDS_VALUE, { subprocess: true }),
  error('make-datasets --out under /proc', 'make-datasets', ['--out', '/proc/self/data'], /cannot write/, { subprocess: true }),
  error('make-datasets --out names a file', 'make-datasets', ['--out', '{T}/f.txt'], /cannot write|not a directory/, { subprocess: true, setup: file('f.txt') }),
  error('make-datasets --out twice', 'make-datasets', ['--out', '{T}/a', '--out', '{T}/b'], TWICE, { subprocess: true }),
  error('make-datasets --bogus', 'make-datasets', ['--bogus'], /Unknown argument/, { subprocess: true }),
  ok('make-datasets into a path with spaces', 'make-datasets', ['--out', '{T}/my data'], ['my data/linearly-separable/train.csv', 'my data/not-linearly-separable/test.csv'], { subprocess: true }),
  error('bench --repeats hex', 'bench', ['--repeats', '0x3'], NOT_A_NUMBER, { subprocess: true }),
  error('bench --repeats twice', 'bench', ['--repeats', '1', '--repeats', '2'], TWICE, { subprocess: true }),
  error('bench --only without a value', 'bench', ['--only'], NEEDS_VALUE, { subprocess: true }),
  error('bench --only that names no part of it', 'bench', ['--only', 'zzz'], /--only zzz: no part of the bench has that in its name: "train:neuron.*"kernel", "whole"$/, { subprocess: true }),
  error('grade: a folder where results.json goes, found before grading', 'grade', ['--target', 'reference', '--only', 'costs', '--out', '{T}/g'], /results\.json: is a directory/, {
    subprocess: true,
    setup: (dir) => mkdirSync(path.join(dir, 'g', 'results.json'), { recursive: true }),
  }),
  error('grade --flagged-files names a folder', 'grade', ['--target', 'reference', '--only', 'costs', '--flagged-files', '{T}', '--out', '{T}/g'], /--flagged-files .*: is a directory/, { subprocess: true }),
  error('grade --flagged-files /proc/self/mem (unreadable)', 'grade', ['--target', 'reference', '--only', 'costs', '--flagged-files', '/proc/self/mem', '--out', '{T}/g'], /cannot read it/, { subprocess: true }),
  error('grade --flagged-files lists more files than a pull request has', 'grade', ['--target', 'reference', '--only', 'costs', '--flagged-files', '{T}/many.txt', '--out', '{T}/g'], /3001 files, more than/, {
    subprocess: true,
    setup: file('many.txt', Array.from({ length: 3001 }, (_, i) => `src/file-${i}.ts`).join('\n')),
  }),
  ok('grade writes report.md and results.json together', 'grade', ['--target', 'reference', '--only', 'costs', '--out', '{T}/g'], ['g/report.md', 'g/results.json'], { subprocess: true }),
  error('train:neuron --out under /proc, as a process', 'train:neuron', ['--target', 'reference', '--epochs', '2', '--out', '/proc/self/fuzz'], /cannot write/, { subprocess: true }),
];

const ROWS = 'x1,x2,label\n' + Array.from({ length: 3 }, (_, i) => `${i / 10},${-i / 10},${i % 2}`).join('\n');

export const CSV_CASES: FuzzCase[] = [
  { kind: 'csv', name: 'plain', content: `${ROWS}\n`, expect: 'ok' },
  { kind: 'csv', name: 'CRLF', content: `${ROWS.replace(/\n/g, '\r\n')}\r\n`, expect: 'ok' },
  { kind: 'csv', name: 'UTF-8 BOM', content: `\uFEFF${ROWS}\n`, expect: 'ok' },
  { kind: 'csv', name: 'BOM and CRLF', content: `\uFEFF${ROWS.replace(/\n/g, '\r\n')}\r\n`, expect: 'ok' },
  { kind: 'csv', name: 'trailing blank lines', content: `${ROWS}\n\n\n`, expect: 'ok' },
  { kind: 'csv', name: 'bad value after blank lines names its line', content: 'x1,x2,label\n\n\n0,0,1\nabc,0,1\n', expect: 'error', message: /:5: x1 "abc"/ },
  { kind: 'csv', name: 'bad label after a blank line names its line', content: 'x1,x2,label\n0,0,1\n\n0,0,7\n', expect: 'error', message: /:4: label 7/ },
  { kind: 'csv', name: 'short row in a CRLF file names its line', content: 'x1,x2,label\r\n0,0,1\r\n\r\n0,0\r\n', expect: 'error', message: /:4: expected 3 values/ },
  { kind: 'csv', name: 'empty file', content: '', expect: 'error', message: /empty/ },
  { kind: 'csv', name: 'header only', content: 'x1,x2,label\n', expect: 'error', message: /no data rows/ },
  { kind: 'csv', name: 'hex value', content: 'x1,x2,label\n0x10,0,1\n', expect: 'error', message: /:2: x1 "0x10"/ },
];

export const ALL_CASES = (studentPrefix: string): FuzzCase[] => [...FLAG_CASES, ...OUTPUT_CASES, ...DIVERGENCE_CASES, ...STUDENT_CASES(studentPrefix), ...SUBPROCESS_CASES, ...CSV_CASES];
