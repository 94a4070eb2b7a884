/**
 * The lock a run holds while it moves its outputs into --out, so that two runs on one folder
 * publish one whole set after the other: a folder made with mkdir (atomic), holding the pid of its
 * owner. A lock whose owner is gone (a run killed while publishing) is taken over; one without a
 * pid yet is another run's, between its mkdir and its write, unless it is older than STALE_MS.
 *
 * Written here rather than taken from proper-lockfile: loading that package installs signal-exit's
 * handlers for SIGINT, SIGTERM and SIGHUP, and with any handler installed Ctrl-C no longer stops a
 * synchronous training loop at once (Node defers the signal to the event loop, after the loop).
 * The wait is asynchronous, so Ctrl-C while waiting is handled (course/cli/interrupt.ts).
 */
import { mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { alive } from './leftovers';

export const LOCK = '.publish.lock';
const OWNER = 'pid';
const STALE_MS = 10_000;
const POLL_MS = 25;

/** The owner's pid, or undefined while it is not written yet (or never was: a run killed in between, a disk full). */
function ownerOf(lock: string): number | undefined {
  try {
    const text = readFileSync(path.join(lock, OWNER), 'utf8').trim();
    return /^[1-9]\d{0,9}$/.test(text) ? Number(text) : undefined;
  } catch {
    return undefined;
  }
}

/** Null when the lock is free, or was stale and is removed now; else why it is held. */
function stillHeld(lock: string): string | null {
  const owner = ownerOf(lock);
  if (owner !== undefined && alive(owner)) return `held by process ${owner}`;
  if (owner === undefined) {
    try {
      if (Date.now() - statSync(lock).mtimeMs < STALE_MS) return 'being taken';
    } catch {
      return null; // gone in between
    }
  }
  // stale: moved aside first, so that of two runs taking it over only one removes it; and what was
  // moved is checked, because between the check above and the rename another run may have taken
  // the stale lock over and made a fresh one of its own
  const aside = `${lock}.stale-${process.pid}`;
  try {
    renameSync(lock, aside);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code === 'ENOENT' ? null : `left by a run that is gone, and it cannot be removed (${code ?? String(error)})`;
  }
  if (ownerOf(aside) !== owner) {
    try {
      renameSync(aside, lock); // another run's fresh lock: given back
    } catch {
      // that run's lock is gone and a third run holds one now: theirs is the lock that counts
    }
    return 'taken over by another run';
  }
  rmSync(aside, { recursive: true, force: true });
  return null;
}

/**
 * Runs `publish` holding `<dir>/.publish.lock`, waiting up to `timeoutMs` for another run's
 * publish to end; throws `fail(reason)` when it cannot lock.
 */
export async function withPublishLock<R>(dir: string, publish: () => R, fail: (reason: string) => Error, timeoutMs = 30_000): Promise<R> {
  const lock = path.join(dir, LOCK);
  for (const start = Date.now(); ; ) {
    let held: string | null;
    try {
      mkdirSync(lock);
      held = null;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw fail((error as NodeJS.ErrnoException).code ?? String(error));
      held = stillHeld(lock) ?? 'free again';
    }
    if (held === null) break;
    if (Date.now() - start >= timeoutMs) throw fail(`${held} for ${Math.round(timeoutMs / 1000)} s`);
    await new Promise((resolve) => setTimeout(resolve, held === 'free again' ? 0 : POLL_MS));
  }
  try {
    try {
      writeFileSync(path.join(lock, OWNER), String(process.pid));
    } catch (error) {
      throw fail((error as NodeJS.ErrnoException).code ?? String(error));
    }
    return publish();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}
