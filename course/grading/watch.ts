/**
 * Watch mode (npm run watch): re-runs the current exercise's tests on every save, moves on to the next function
 * when they pass. Keys: h the next hint, q quit. Plain line output when not on a terminal (type h
 * or q and Enter); --once checks once and exits.
 */
import { watch as watchFiles } from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { exerciseName, type Exercise } from './exercises';
import { grade } from './grader';
import { statusOf, stubLocation, testCommand } from './progress';
import { ROOT } from '../targets';


const tty = process.stdout.isTTY === true && process.stdin.isTTY === true;
let current: Exercise | undefined;
let once = false;
let headline: string[] = [];
let hintLevel = 0;
let running = false;
let again = false;

function bar(done: number, total: number): string {
  const width = 20;
  const filled = Math.round((width * done) / total);
  return `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${done} of ${total} done`;
}

/** Grades everything, picks the first function not done, prints where things stand. */
function pickNext(): void {
  const report = grade();
  const done = report.functions.filter((f) => statusOf(f) === 'done').length;
  current = report.functions.find((f) => statusOf(f) !== 'done')?.exercise;
  hintLevel = 0;
  headline = [bar(done, report.functions.length), current ? `Now: ${exerciseName(current)} in ${stubLocation(current)}  (${testCommand(current)})` : 'Every function is done. Train your models: npm run demo'];
  for (const line of headline) console.log(line);
}

/** Runs the current function's tests and reports; moves on when they all pass. */
function check(): void {
  if (running) {
    again = true;
    return;
  }
  running = true;
  if (tty) {
    console.clear();
    for (const line of headline) console.log(line);
  }
  if (!current) pickNext();
  if (current) {
    const result = grade({ exercise: current }).functions[0];
    const status = statusOf(result);
    if (status === 'done') {
      console.log(`✓ ${exerciseName(current)}: all ${result.total} tests pass.`);
      pickNext();
    } else {
      console.log(`✗ ${exerciseName(current)}: ${result.passed} of ${result.total} tests pass (${status}).`);
      console.log(`  ${result.firstFailure ?? ''}`);
    }
  }
  if (!once) console.log(`\nWatching exercises/ for changes. h: hint${hintLevel > 0 ? ` ${Math.min(hintLevel + 1, 3)}` : ''}, q: quit`);
  running = false;
  if (again) {
    again = false;
    check();
  }
}

function showHint(): void {
  if (!current) return;
  hintLevel = Math.min(hintLevel + 1, 3);
  console.log(`hint ${hintLevel} for ${exerciseName(current)}: ${current.hints[hintLevel - 1]}`);
}

function quit(): void {
  if (tty) process.stdin.setRawMode(false);
  console.log('bye');
  process.exit(0);
}

/** Checks the current function now and, unless `checkOnce`, again on every save. */
export function runWatch(checkOnce: boolean): void {
  once = checkOnce;
  pickNext();
  check();
  if (once) return;
  let timer: NodeJS.Timeout | undefined;
  watchFiles(path.join(ROOT, 'exercises'), () => {
    clearTimeout(timer);
    timer = setTimeout(check, 250);
  });
  if (tty) {
    readline.emitKeypressEvents(process.stdin);
    process.stdin.setRawMode(true);
    process.stdin.on('keypress', (_text: string, key: { name?: string; ctrl?: boolean }) => {
      if (key.name === 'q' || (key.ctrl && key.name === 'c')) quit();
      if (key.name === 'h') showHint();
    });
  } else {
    readline.createInterface({ input: process.stdin }).on('line', (line) => {
      if (line.trim() === 'q') quit();
      if (line.trim() === 'h') showHint();
    });
  }
}
