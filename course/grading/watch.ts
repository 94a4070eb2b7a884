/**
 * Watch mode (npm run watch): re-runs the current exercise's tests on every save, moves on to the next function
 * when they pass. Keys: h the next hint, q quit. Plain line output when not on a terminal (type h
 * or q and Enter; end of input quits); --once checks once and exits.
 *
 * Grading runs in a child process (this file, run with LAB_WATCH_GRADE set), because the grader
 * blocks while jest runs: in-process, keys waited for the run and a save made during it was lost.
 * Now keys answer at once, and a save during a run is checked as soon as that run ends.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { watch as watchFiles } from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { scriptProcess } from '../cli/script-process';
import { exerciseName, type Exercise } from './exercises';
import { grade, type FunctionGrade, type GradeReport } from './grader';
import { nextStepLine, statusOf, stubLocation, testCommand } from './progress';
import { compileErrors } from './typecheck';
import { ROOT } from '../targets';

const CHILD_ENV = 'LAB_WATCH_GRADE';

export interface WatchOptions {
  once: boolean;
  /** seconds one call to student code may take (tests/student.ts) */
  timeoutSeconds: number;
}

function bar(done: number, total: number): string {
  const width = 20;
  const filled = Math.round((width * done) / total);
  return `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${done} of ${total} done`;
}

/** The lines for one function's result: ✓ or ✗, then its most specific diagnosis. */
export function statusLines(result: FunctionGrade): string[] {
  const name = exerciseName(result.exercise);
  const status = statusOf(result);
  if (status === 'done') return [`✓ ${name}: all ${result.total} tests pass.`];
  if (status === 'not started') return [`· ${name}: not started (it still throws "not implemented yet").`];
  return [`✗ ${name}: ${result.passed} of ${result.total} tests pass.`, `  ${result.firstFailure ?? ''}`];
}

/** Grades in a child process, so that this one stays responsive. */
function gradeInChild(exercise: Exercise | undefined, onChild: (child: ChildProcess) => void): Promise<GradeReport> {
  return new Promise((resolve, reject) => {
    const child = spawn(...scriptProcess(__filename), { cwd: ROOT, env: { ...process.env, [CHILD_ENV]: JSON.stringify({ exercise }) }, stdio: ['ignore', 'pipe', 'inherit'] });
    onChild(child);
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      try {
        resolve(JSON.parse(output) as GradeReport);
      } catch {
        reject(new Error(`grading ended without a result (exit ${code})`));
      }
    });
  });
}

class Watcher {
  private current?: Exercise;
  private headline: string[] = [];
  private hintLevel = 0;
  private running = false;
  private savedDuringRun = false;
  private child?: ChildProcess;
  private readonly tty = process.stdout.isTTY === true && process.stdin.isTTY === true;

  constructor(private readonly options: WatchOptions) {}

  private print(lines: string[]): void {
    for (const line of lines) console.log(line);
  }

  /** The type errors of exercises/ first: the tests of code that does not compile say little. */
  private compileLines(): string[] {
    const errors = compileErrors();
    if (errors.length === 0) return [];
    return [`TypeScript errors in your code (fix these first):`, ...errors.slice(0, 5).map((e) => `  ${e}`), ...(errors.length > 5 ? [`  … and ${errors.length - 5} more (npm run typecheck)`] : [])];
  }

  /** From a full report: the bar, the current function and its status. */
  private showOverview(report: GradeReport): void {
    const done = report.functions.filter((f) => statusOf(f) === 'done').length;
    const next = report.functions.find((f) => statusOf(f) !== 'done');
    if (next?.exercise.function !== this.current?.function || next?.exercise.module !== this.current?.module) this.hintLevel = 0;
    this.current = next?.exercise;
    this.headline = [bar(done, report.functions.length), next ? `Now: ${exerciseName(next.exercise)} in ${stubLocation(next.exercise)}  (${testCommand(next.exercise)})` : `Every function is done. ${nextStepLine()}`];
    this.print(this.headline);
    if (next) this.print(statusLines(next));
  }

  private grade(exercise: Exercise | undefined): Promise<GradeReport> {
    return gradeInChild(exercise, (child) => (this.child = child)).finally(() => (this.child = undefined));
  }

  /**
   * Grades everything (`full`: at the start) or re-checks the current function after a save, and
   * moves on, with the next function's status, when it passes. A save during a run is checked
   * again as soon as the run ends.
   */
  async run(full: boolean): Promise<void> {
    if (this.running) {
      this.savedDuringRun = true;
      return;
    }
    this.running = true;
    try {
      let all = full;
      do {
        this.savedDuringRun = false;
        if (this.tty && !all) console.clear();
        if (!all) this.print(this.headline);
        // the type check runs while the child grades
        const grading = this.grade(all ? undefined : this.current);
        this.print(this.compileLines());
        if (all || !this.current) {
          this.showOverview(await grading);
        } else {
          const result = (await grading).functions[0];
          this.print(statusLines(result));
          if (statusOf(result) === 'done') {
            console.log('');
            this.showOverview(await this.grade(undefined));
          }
        }
        all = false;
      } while (this.savedDuringRun && !this.options.once);
    } catch (error) {
      console.log(`could not grade: ${(error as Error).message}`);
    } finally {
      this.running = false;
    }
    if (!this.options.once) this.prompt();
  }

  prompt(): void {
    console.log(`\nWatching exercises/ for changes. h: hint${this.hintLevel > 0 && this.hintLevel < 3 ? ` ${this.hintLevel + 1}` : ''}, q: quit`);
  }

  showHint(): void {
    if (!this.current) return;
    const name = exerciseName(this.current);
    if (this.hintLevel >= 3) {
      console.log(`No more hints for ${name}: that was the last of 3. All three again: npm run hint -- ${this.current.module}.${this.current.function} --level 3`);
      return;
    }
    this.hintLevel += 1;
    console.log(`hint ${this.hintLevel} of 3 for ${name}: ${this.current.hints[this.hintLevel - 1]}`);
  }

  quit(): void {
    this.child?.kill('SIGKILL');
    if (this.tty) process.stdin.setRawMode(false);
    console.log('bye');
    process.exit(0);
  }
}

/** Checks the current function now and, unless `once`, again on every save. */
export async function runWatch(options: WatchOptions): Promise<void> {
  // read by the test process through the grader's environment (tests/student.ts)
  process.env.LAB_CALL_TIMEOUT = String(options.timeoutSeconds);
  const watcher = new Watcher(options);
  if (!options.once) {
    let timer: NodeJS.Timeout | undefined;
    watchFiles(path.join(ROOT, 'exercises'), () => {
      clearTimeout(timer);
      timer = setTimeout(() => void watcher.run(false), 250);
    });
    if (process.stdout.isTTY === true && process.stdin.isTTY === true) {
      readline.emitKeypressEvents(process.stdin);
      process.stdin.setRawMode(true);
      process.stdin.on('keypress', (_text: string, key: { name?: string; ctrl?: boolean }) => {
        if (key.name === 'q' || (key.ctrl && key.name === 'c')) watcher.quit();
        if (key.name === 'h') watcher.showHint();
      });
    } else {
      const lines = readline.createInterface({ input: process.stdin });
      lines.on('line', (line) => {
        if (line.trim() === 'q') watcher.quit();
        if (line.trim() === 'h') watcher.showHint();
      });
      // a pipe that closes (end of input) ends watch too, instead of leaving it running unseen
      lines.on('close', () => watcher.quit());
    }
  }
  await watcher.run(true);
}

// the child process: grade and print the report as JSON
if (require.main === module && process.env[CHILD_ENV] !== undefined) {
  const { exercise } = JSON.parse(process.env[CHILD_ENV]) as { exercise?: Exercise };
  process.stdout.write(JSON.stringify(grade(exercise ? { exercise } : {})));
}
