/**
 * Runs the rows of cases.ts and judges them. A command runs in this process (its parse → run
 * function, with what it prints captured) or as a real process; either way the verdict is the
 * same: one `error:` line and exit 1 for a rejected input, exit 0 and the named files for an
 * accepted one, and for every row no leftover (a dot-file, a staging folder) and, after an error,
 * no new output file in the case's folder.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { STUDENT_MODULES, studentFolder, type CommandCase, type Command, type CsvCase, type FuzzCase } from './cases';

export interface Outcome {
  code: number | null;
  stdout: string;
  stderr: string;
  timedOut?: boolean;
}

export const SCRIPTS: Record<Command, string> = {
  'train:neuron': 'scripts/train_neuron.ts',
  'train:network': 'scripts/train_network.ts',
  'train:logreg': 'scripts/train_logreg.ts',
  'train:mlp': 'scripts/train_mlp.ts',
  sweep: 'scripts/sweep.ts',
  demo: 'scripts/demo.ts',
  'make-datasets': 'instructor/scripts/make_datasets.ts',
  bench: 'instructor/scripts/bench.ts',
  grade: 'scripts/grade.ts',
};

/** Runs a command's script in `root` as package.json does, killed after `timeoutMs` (a hang is a failure). */
export function runSubprocess(root: string, command: Command, args: string[], timeoutMs: number): Promise<Outcome> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--require', path.join(root, 'course', 'cli', 'typescript.cjs'), path.join(root, SCRIPTS[command]), ...args], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    child.stdout.on('data', (chunk: Buffer) => void (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => void (stderr += chunk.toString()));
    const timer = setTimeout(() => {
      timedOut = true;
      if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL'); // the group: the script and any process it started
    }, timeoutMs);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr, timedOut });
    });
  });
}

/** Every path below `dir` (relative), files and folders, to compare before and after a run. */
export function listTree(dir: string): Map<string, 'file' | 'dir'> {
  const entries = new Map<string, 'file' | 'dir'>();
  const walk = (relative: string, depth: number) => {
    for (const name of readdirSync(path.join(dir, relative))) {
      const rel = path.join(relative, name);
      const isDir = statSync(path.join(dir, rel)).isDirectory();
      entries.set(rel, isDir ? 'dir' : 'file');
      if (isDir && depth < 5) walk(rel, depth + 1);
    }
  };
  walk('', 0);
  return entries;
}

/** What is wrong with an outcome, or an empty list. */
export function judge(row: CommandCase, outcome: Outcome, dir: string, before: Map<string, 'file' | 'dir'>): string[] {
  const problems: string[] = [];
  const all = `${outcome.stdout}\n${outcome.stderr}`;
  if (outcome.timedOut) problems.push('hung (killed at the time limit)');
  if (/^\s+at .+[:(]\d+/m.test(all)) problems.push('printed a stack trace');
  if (row.expect === 'error') {
    if (outcome.code !== 1) problems.push(`exit code ${outcome.code}, expected 1`);
    const lines = outcome.stderr.trim().split('\n').filter((l) => l.trim() !== '');
    if (lines.length !== 1 || !lines[0].startsWith('error: ')) problems.push(`stderr is not one error line: ${JSON.stringify(outcome.stderr.trim().slice(0, 300))}`);
    else if (row.message && !row.message.test(lines[0])) problems.push(`error line ${JSON.stringify(lines[0])} does not match ${row.message}`);
  } else {
    if (outcome.code !== 0) problems.push(`exit code ${outcome.code}, expected 0: ${outcome.stderr.trim().slice(0, 300)}`);
    for (const file of row.files ?? []) {
      const full = path.join(dir, file);
      if (!existsSync(full) || statSync(full).size === 0) problems.push(`${file} was not written`);
    }
  }
  const after = listTree(dir);
  for (const [rel, kind] of after) {
    if (before.has(rel)) continue;
    if (path.basename(rel).startsWith('.')) problems.push(`left ${rel} behind`);
    else if (row.expect === 'error' && kind === 'file') problems.push(`wrote ${rel} although it failed`);
  }
  return problems;
}

/** A fresh folder for one case, with its setup applied. */
export function caseFolder(row: CommandCase, base: string): string {
  const dir = mkdtempSync(path.join(base, 'case-'));
  row.setup?.(dir);
  return dir;
}

export const substitute = (args: string[], dir: string): string[] => args.map((a) => a.replace(/\{T\}/g, dir));

/** Writes the broken student modules into folders beside exercises/; returns a function removing them. */
export function writeStudentFolders(root: string, prefix: string): () => void {
  const dirs = Object.entries(STUDENT_MODULES).map(([name, source]) => {
    const dir = path.join(root, studentFolder(prefix, name));
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, 'neuron.ts'), source);
    return dir;
  });
  return () => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true }));
}

/** Feeds a CSV case to `read` (the lab's loader); returns what is wrong. */
export function judgeCsv(row: CsvCase, read: (file: string) => unknown, base: string): string[] {
  const file = path.join(mkdtempSync(path.join(base, 'csv-')), 'data.csv');
  writeFileSync(file, row.content);
  try {
    read(file);
    return row.expect === 'ok' ? [] : ['was accepted'];
  } catch (error) {
    if (row.expect === 'ok') return [`was rejected: ${(error as Error).message}`];
    if ((error as Error).name !== 'DataError') return [`threw ${(error as Error).name}: ${(error as Error).message}`];
    return row.message && !row.message.test((error as Error).message) ? [`message ${JSON.stringify((error as Error).message)} does not match ${row.message}`] : [];
  }
}

export const newBase = (): string => mkdtempSync(path.join(tmpdir(), 'fuzz-'));

export type { FuzzCase };
