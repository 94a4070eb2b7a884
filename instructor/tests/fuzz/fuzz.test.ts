/**
 * Issue 13's robustness table (cases.ts): every row gives one `error:` line and exit 1, or is
 * accepted, and leaves nothing half-made. Most rows run in this process (the command's parse → run
 * function under runCommand, what it prints captured); rows that need a real process (student
 * modules that fail at import, the instructor scripts, a /dev/full write) run as one, four at a time.
 */
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, existsSync } from 'node:fs';
import path from 'node:path';
import { format } from 'node:util';
import { runCommand } from '../../../course/cli/flags';
import { readLabelledCsv } from '../../../course/data/dataset';
import { runDemo } from '../../../course/training/demo';
import { LOGREG } from '../../../course/training/models/logreg';
import { MLP } from '../../../course/training/models/mlp';
import { NETWORK } from '../../../course/training/models/network';
import { NEURON } from '../../../course/training/models/neuron';
import { trainCommand } from '../../../course/training/run';
import { runSweep } from '../../../course/training/sweep';
import { CSV_CASES, DIVERGENCE_CASES, FLAG_CASES, OUTPUT_CASES, STUDENT_CASES, SUBPROCESS_CASES, type Command, type CommandCase, type CsvCase } from './cases';
import { caseFolder, judge, judgeCsv, listTree, newBase, runSubprocess, substitute, writeStudentFolders, type Outcome } from './harness';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const IN_PROCESS: Partial<Record<Command, (argv: string[]) => unknown>> = {
  'train:neuron': (argv) => trainCommand(NEURON, argv),
  'train:network': (argv) => trainCommand(NETWORK, argv),
  'train:logreg': (argv) => trainCommand(LOGREG, argv),
  'train:mlp': (argv) => trainCommand(MLP, argv),
  sweep: runSweep,
  demo: runDemo,
};

/** Runs a command as its script would, capturing what it prints; returns the exit code runMain would set. */
async function runInProcess(command: Command, args: string[]): Promise<Outcome> {
  const entry = IN_PROCESS[command];
  if (entry === undefined) throw new Error(`${command} has no in-process entry: mark its rows subprocess`);
  const stdout: string[] = [];
  const stderr: string[] = [];
  const spies = [
    jest.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void stdout.push(`${format(...a)}\n`)),
    jest.spyOn(console, 'error').mockImplementation((...a: unknown[]) => void stderr.push(`${format(...a)}\n`)),
    jest.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
      stderr.push(String(chunk));
      return true;
    }),
  ];
  try {
    const code = await runCommand(() => entry(args));
    return { code, stdout: stdout.join(''), stderr: stderr.join('') };
  } finally {
    for (const spy of spies) spy.mockRestore();
  }
}

const base = newBase();
const label = (row: CommandCase) => `${row.command}: ${row.name}`;
const commandRows = (rows: unknown[]) => rows as CommandCase[];
/** The broken student modules, in folders beside exercises/ named for this process. */
const prefix = `.stage-fuzz-${process.pid}`;
const ALL_ROWS = commandRows([...FLAG_CASES, ...OUTPUT_CASES, ...DIVERGENCE_CASES, ...STUDENT_CASES(prefix), ...SUBPROCESS_CASES]);
let removeStudents: () => void = () => undefined;
beforeAll(() => {
  removeStudents = writeStudentFolders(ROOT, prefix);
});

describe('the robustness table, in this process', () => {
  it.each(ALL_ROWS.filter((row) => !row.subprocess).map((row) => [label(row), row] as const))('%s', async (_, row) => {
    const dir = caseFolder(row, base);
    const before = listTree(dir);
    const outcome = await runInProcess(row.command, substitute(row.args, dir));
    expect(judge(row, outcome, dir, before)).toEqual([]);
  }, 60_000);
});

describe('the robustness table, as real processes', () => {
  const rows = ALL_ROWS.filter((row) => row.subprocess);
  const verdicts = new Map<string, string[]>();

  beforeAll(async () => {
    const queue = [...rows];
    const worker = async () => {
      for (let row = queue.shift(); row !== undefined; row = queue.shift()) {
        const dir = caseFolder(row, base);
        const before = listTree(dir);
        const outcome = await runSubprocess(ROOT, row.command, substitute(row.args, dir), 60_000);
        verdicts.set(label(row), judge(row, outcome, dir, before));
      }
    };
    await Promise.all([worker(), worker(), worker(), worker()]);
  }, 240_000);

  it.each(rows.map((row) => [label(row)] as const))('%s', (name) => {
    expect(verdicts.get(name)).toEqual([]);
  });
});

describe('the robustness table: the lab CSV loader', () => {
  it.each((CSV_CASES as CsvCase[]).map((row) => [row.name, row] as const))('%s', (_, row) => {
    expect(judgeCsv(row, readLabelledCsv, base)).toEqual([]);
  });
});

describe('outputs published together', () => {
  const quick = ['--target', 'reference', '--epochs', '2', '--quiet'];
  const summary = (file: string) => (JSON.parse(readFileSync(file, 'utf8')) as { parameters: unknown }).parameters;
  const pngs = (dir: string) => Object.fromEntries(readdirSync(dir).filter((f) => f.endsWith('.png')).map((f) => [f, readFileSync(path.join(dir, f)).toString('base64')]));

  it('two runs on one --out end with the plots and the JSON of one of them', async () => {
    const dir = mkdtempSync(path.join(base, 'concurrent-'));
    const solo = (seed: string) => {
      const out = path.join(dir, `solo-${seed}`);
      return runInProcess('train:neuron', [...quick, '--seed', seed, '--out', out, '--json', path.join(out, 'run.json')]).then((o) => {
        expect(o).toMatchObject({ code: 0 });
        return { parameters: summary(path.join(out, 'run.json')), plots: pngs(out) };
      });
    };
    const [one, two] = [await solo('1'), await solo('2')];
    const shared = path.join(dir, 'shared');
    const runs = ['1', '2'].map((seed) => runSubprocess(ROOT, 'train:neuron', [...quick, '--seed', seed, '--out', shared, '--json', path.join(shared, 'run.json')], 60_000));
    // the whole outcome on failure: its stderr says why a run did not finish
    for (const outcome of await Promise.all(runs)) expect(outcome).toMatchObject({ code: 0 });
    const final = { parameters: summary(path.join(shared, 'run.json')), plots: pngs(shared) };
    expect([one, two]).toContainEqual(final);
    expect(readdirSync(shared).filter((f) => f.startsWith('.'))).toEqual([]);
  }, 120_000);

  it('a run removes the staging a killed run left behind', async () => {
    const out = mkdtempSync(path.join(base, 'stale-'));
    const stale = path.join(out, '.staging-2147483646-abc123'); // no process has this pid
    mkdirSync(stale);
    const outcome = await runInProcess('train:neuron', [...quick, '--out', out]);
    expect(outcome.code).toBe(0);
    expect(existsSync(stale)).toBe(false);
  }, 60_000);
});

afterAll(() => {
  removeStudents();
  rmSync(base, { recursive: true, force: true });
});
