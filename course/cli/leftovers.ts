/**
 * Temporary folders named after the process that made them (`<prefix><pid>-…`), so that what a run
 * killed outright (SIGKILL, a closed terminal, a power cut) left behind can be told from what a
 * running one is using, and removed by the next run.
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';

/** True while the process `pid` runs (on this machine). */
export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Removes the entries of `dir` that `pattern` matches (its first group is the pid) whose process is
 * gone. Best effort: a folder that cannot be read or an entry that cannot be removed is left.
 */
export function removeLeftovers(dir: string, pattern: RegExp | string): void {
  const matcher = typeof pattern === 'string' ? new RegExp(`^${escapeRegExp(pattern)}(\\d+)-`) : pattern;
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) {
    const pid = matcher.exec(name)?.[1];
    if (pid === undefined || Number(pid) === process.pid || alive(Number(pid))) continue;
    try {
      rmSync(path.join(dir, name), { recursive: true, force: true });
    } catch {
      // another user's, or busy: not ours to insist on
    }
  }
}

/** A new folder `<parent>/<prefix><pid>-XXXXXX`, after removing the leftovers of dead runs. */
export function scratchDir(parent: string, prefix: string): string {
  removeLeftovers(parent, prefix);
  return mkdtempSync(path.join(parent, `${prefix}${process.pid}-`));
}
