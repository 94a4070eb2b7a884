/**
 * Class grading (`npm run grade-class`): the trusted grade of every student in a roster, from this
 * pristine course checkout. Each student's repository (a clone URL or a local path) is cloned
 * without running anything of it (no checkout hooks, no submodules, no LFS filters), checked out at
 * the deadline or a ref, and graded with --submission by a pool of worker processes. Writes one
 * folder per student (report.md, results.json), gradebook.csv and summary.md.
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { DataError } from '../cli/errors';
import { scratchDir } from '../cli/leftovers';
import { scriptProcess } from '../cli/script-process';
import { exerciseName, loadExercises } from './exercises';
import { allowedEnvironment } from './jest-report';
import { ROOT } from '../targets';

export interface RosterEntry {
  student: string;
  repository: string;
}

export interface StudentResult {
  student: string;
  commit: string;
  /** points per function, in the metadata's order; undefined when grading failed */
  points?: number[];
  total?: number;
  error?: string;
}

/** The roster: a CSV with the header `student,repository`, one row per student. */
export function readRoster(file: string): RosterEntry[] {
  if (!existsSync(file)) throw new DataError(`${file}: no such roster file`);
  if (!statSync(file).isFile()) throw new DataError(`${file}: not a file (the roster is a CSV file)`);
  let rows: Record<string, string>[];
  try {
    rows = parse(readFileSync(file, 'utf8'), { bom: true, columns: true, skip_empty_lines: true, trim: true }) as Record<string, string>[];
  } catch (error) {
    throw new DataError(`${file}: not a valid CSV roster (${(error as Error).message.split('\n')[0]})`);
  }
  if (rows.length === 0) throw new DataError(`${file}: no students`);
  const seen = new Set<string>();
  return rows.map((row, i) => {
    const { student, repository } = row;
    if (!student || !repository) throw new DataError(`${file}: row ${i + 2}: needs student and repository (header: student,repository)`);
    if (!/^[\w.@-]+$/.test(student)) throw new DataError(`${file}: row ${i + 2}: student "${student}" must be letters, digits, . _ @ or -`);
    if (seen.has(student)) throw new DataError(`${file}: row ${i + 2}: student "${student}" is listed twice (each gets one folder and one gradebook row)`);
    seen.add(student);
    return { student, repository };
  });
}

export interface Checkout {
  /** a branch, tag or commit; default: the default branch */
  ref?: string;
  /** the last commit at or before this time (ISO 8601) */
  deadline?: string;
}

/** Clones `repository` into `dir` without running any of its code; returns the graded commit. */
export function checkoutStudent(repository: string, dir: string, checkout: Checkout): string {
  const git = (...args: string[]) =>
    execFileSync('git', ['-c', 'core.hooksPath=/dev/null', '-c', 'protocol.file.allow=always', '-c', 'filter.lfs.smudge=', '-c', 'filter.lfs.process=', '-c', 'filter.lfs.required=false', ...args], {
      cwd: dir,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, GIT_TERMINAL_PROMPT: '0', GIT_LFS_SKIP_SMUDGE: '1' },
    }).trim();
  git('clone', '--quiet', '--no-checkout', '--', repository, '.');
  const resolve = (ref: string) => {
    try {
      return git('rev-parse', '--verify', '--quiet', `${ref}^{commit}`);
    } catch {
      return '';
    }
  };
  let commit = checkout.ref === undefined ? resolve('HEAD') : resolve(`origin/${checkout.ref}`) || resolve(checkout.ref);
  if (commit === '') throw new Error(`no ref ${checkout.ref ?? 'HEAD'}`);
  if (checkout.deadline !== undefined) {
    const before = git('rev-list', '-1', `--before=${checkout.deadline}`, commit);
    if (before === '') throw new Error(`no commit before ${checkout.deadline}`);
    commit = before;
  }
  git('checkout', '--quiet', '--detach', commit);
  return commit;
}

/** Runs `task` over `items` with at most `concurrency` at a time. */
async function pool<T, R>(items: T[], concurrency: number, task: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const lanes = Array.from({ length: Math.min(concurrency, items.length) }, async () => {
    for (let i = next++; i < items.length; i = next++) results[i] = await task(items[i]);
  });
  await Promise.all(lanes);
  return results;
}

/** One student's whole grading, in seconds: far above a normal run (under a minute), so that nothing a submission does holds up the class. */
const STUDENT_SECONDS = 20 * 60;

/**
 * `npm run grade -- --submission …` in a process group of its own (one student's grade cannot
 * disturb another's), with only the environment node and the grader need (no token), and a
 * wall-clock limit on the whole group.
 */
function gradeInProcess(submission: string, out: string): Promise<{ ok: boolean; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(...scriptProcess(path.join(ROOT, 'scripts', 'grade.ts'), ['--submission', submission, '--out', out]), {
      cwd: ROOT,
      stdio: ['ignore', 'ignore', 'pipe'],
      env: { ...allowedEnvironment(process.env), GITHUB_STEP_SUMMARY: '' },
      detached: true,
    });
    let stderr = '';
    const timer = setTimeout(() => {
      stderr += `\nerror: grading did not finish within ${STUDENT_SECONDS / 60} minutes`;
      try {
        process.kill(-(child.pid ?? 0), 'SIGKILL');
      } catch {
        // already gone
      }
    }, STUDENT_SECONDS * 1000);
    child.stderr.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-2000)));
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ ok: code === 0, stderr });
    });
  });
}

/** Grades one student: checkout, grade, read back the points. */
async function gradeStudent(entry: RosterEntry, out: string, checkout: Checkout): Promise<StudentResult> {
  const work = scratchDir(tmpdir(), 'grade-class-');
  const folder = path.join(out, entry.student);
  mkdirSync(folder, { recursive: true });
  try {
    let commit: string;
    try {
      commit = checkoutStudent(entry.repository, work, checkout);
    } catch (error) {
      // git's message may hold the URL: never let credentials in it reach the gradebook
      const message = String((error as { stderr?: string }).stderr ?? (error as Error).message).trim().split('\n').slice(-1)[0].replace(/\/\/[^/@\s]*@/g, '//***@');
      return { student: entry.student, commit: '', error: `could not fetch the repository: ${message}` };
    }
    const run = await gradeInProcess(work, folder);
    if (!run.ok || !existsSync(path.join(folder, 'results.json'))) return { student: entry.student, commit, error: `grading failed: ${run.stderr.trim().split('\n').slice(-1)[0] ?? ''}` };
    const results = JSON.parse(readFileSync(path.join(folder, 'results.json'), 'utf8')) as { tests: { score: number }[] };
    const points = results.tests.map((t) => t.score);
    return { student: entry.student, commit, points, total: Math.round(points.reduce((a, b) => a + b, 0) * 100) / 100 };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** A CSV field, quoted when it must be (and never read as a spreadsheet formula). */
function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function gradebookCsv(results: StudentResult[]): string {
  const exercises = loadExercises();
  const header = ['student', 'commit', ...exercises.map(exerciseName), 'total', 'error'];
  const rows = results.map((r) => [r.student, r.commit, ...exercises.map((_, i) => (r.points ? String(r.points[i]) : '')), r.total === undefined ? '' : String(r.total), r.error ?? '']);
  return `${[header, ...rows].map((row) => row.map(csvField).join(',')).join('\n')}\n`;
}

/** The summary: how many were graded, the distribution of totals in bands, mean and median. */
export function classSummary(results: StudentResult[]): string {
  const max = loadExercises().reduce((sum, e) => sum + e.points, 0);
  const totals = results.filter((r) => r.total !== undefined).map((r) => r.total as number).sort((a, b) => a - b);
  const lines = ['# Class grading', '', `${totals.length} of ${results.length} students graded; maximum ${max} points.`, ''];
  if (totals.length > 0) {
    const mean = totals.reduce((a, b) => a + b, 0) / totals.length;
    const median = totals.length % 2 === 1 ? totals[(totals.length - 1) / 2] : (totals[totals.length / 2 - 1] + totals[totals.length / 2]) / 2;
    lines.push(`mean ${mean.toFixed(1)}, median ${median.toFixed(1)}, min ${totals[0]}, max ${totals[totals.length - 1]}`, '', '| points | students | |', '| --- | --- | --- |');
    const bands = 5;
    for (let b = 0; b < bands; b++) {
      const [lo, hi] = [(max * b) / bands, (max * (b + 1)) / bands];
      const count = totals.filter((t) => t >= lo && (b === bands - 1 ? t <= hi : t < hi)).length;
      lines.push(`| ${Math.round(lo)}–${Math.round(hi)}${b === bands - 1 ? '' : ' (excl.)'} | ${count} | ${'█'.repeat(count)} |`);
    }
  }
  const failed = results.filter((r) => r.error !== undefined);
  if (failed.length > 0) lines.push('', '## Not graded', '', ...failed.map((r) => `- ${r.student}: ${r.error?.replace(/[`|<>*_[\]]/g, '') ?? ''}`));
  return `${lines.join('\n')}\n`;
}

/** Grades every student of the roster into `out`; returns the results in roster order. */
export async function gradeClass(roster: RosterEntry[], out: string, checkout: Checkout, concurrency: number, onProgress: (line: string) => void): Promise<StudentResult[]> {
  const results = await pool(roster, concurrency, async (entry) => {
    const result = await gradeStudent(entry, out, checkout);
    onProgress(`${entry.student}: ${result.error ?? `${result.total} points at ${result.commit.slice(0, 10)}`}`);
    return result;
  });
  writeFileSync(path.join(out, 'gradebook.csv'), gradebookCsv(results));
  writeFileSync(path.join(out, 'summary.md'), classSummary(results));
  return results;
}

/** Merges gradebooks (one per matrix chunk in Actions) into one, header once, in student order. */
export function mergeGradebooks(files: string[]): string {
  const [header, ...rows] = files.flatMap((file, i) => readFileSync(file, 'utf8').trim().split('\n').slice(i === 0 ? 0 : 1));
  return `${[header, ...rows.sort()].join('\n')}\n`;
}

/** Results read back from a gradebook (the merge job of the Actions workflow writes the summary from them). */
export function resultsFromGradebook(text: string): StudentResult[] {
  const rows = parse(text, { columns: true, skip_empty_lines: true }) as Record<string, string>[];
  const names = loadExercises().map(exerciseName);
  return rows.map((row) => ({
    student: row.student,
    commit: row.commit,
    points: row.total === '' ? undefined : names.map((n) => Number(row[n])),
    total: row.total === '' ? undefined : Number(row.total),
    error: row.error === '' ? undefined : row.error,
  }));
}

/** Merges the gradebooks found under `dir` (one per matrix job) into `out`: gradebook.csv and summary.md. */
export function mergeClass(dir: string, out: string): StudentResult[] {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new DataError(`--merge ${dir}: no such directory`);
  const files = execFileSync('find', [dir, '-name', 'gradebook.csv', '-type', 'f'], { encoding: 'utf8' }).split('\n').filter((f) => f.length > 0).sort();
  if (files.length === 0) throw new DataError(`${dir}: no gradebook.csv to merge`);
  const merged = mergeGradebooks(files);
  mkdirSync(out, { recursive: true });
  writeFileSync(path.join(out, 'gradebook.csv'), merged);
  const results = resultsFromGradebook(merged);
  writeFileSync(path.join(out, 'summary.md'), classSummary(results));
  return results;
}
