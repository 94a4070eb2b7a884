/**
 * How commands write files: never in place. A single file goes through write-file-atomic (a
 * temporary file beside it, then a rename). A run's set of outputs (its PNGs and its JSON) is made
 * in a staging folder inside --out and published together at the end:
 *
 *   stage:    --out/.staging-<pid>-XXXXXX/*.png, and <json folder>/.<name>.staging-<pid>-XXXXXX
 *   publish:  check every target, take --out/.publish.lock, rename each file into place, unlock
 *
 * So a reader never sees a truncated file; a failed run (a full disk, a folder where a plot should
 * go) publishes nothing and removes its staging; and two runs on one --out each publish their
 * whole set under the lock, one after the other: the last run to finish wins every file, the
 * JSON and the PNGs of one run together. Ctrl-C while a run draws removes its staging
 * (course/cli/interrupt.ts); a run killed outright (SIGKILL, a power cut) leaves only its hidden
 * staging folder, which the next run on that --out removes.
 */
import { existsSync, mkdtempSync, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { lockSync } from 'proper-lockfile';
import writeFileAtomic from 'write-file-atomic';
import { OutputError, UsageError } from './errors';
import { removeLeftovers } from './leftovers';

const STAGING = '.staging-';
const LOCK = '.publish.lock';

/** A one-line reason from a file-system error: its code (ENOSPC, EACCES…) or its message. */
const reason = (error: unknown) => (error as NodeJS.ErrnoException).code ?? (error as Error).message;
const shown = (file: string) => path.relative(process.cwd(), file) || file;

/** Writes `data` to `file` atomically; a failure is one OutputError line and leaves no temporary file. */
export function writeFileAtomicSync(file: string, data: string | Buffer): void {
  try {
    writeFileAtomic.sync(file, data);
  } catch (error) {
    throw new OutputError(`cannot write ${shown(file)} (${reason(error)})`);
  }
}

/** Removes the staging left in `dir` by runs that were killed (their process is gone). */
export const removeStaleStaging = (dir: string) => removeLeftovers(dir, /^\.(?:.+\.)?staging-(\d+)-/);

/** Blocks for `ms` milliseconds (the publish step is synchronous, like the run). */
const sleep = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/** Holds `--out/.publish.lock` while `publish` runs; waits (up to 30 s) for another run's publish to end. */
function withPublishLock<R>(dir: string, publish: () => R): R {
  const lockfilePath = path.join(dir, LOCK);
  for (let waited = 0; ; waited += 25) {
    let release: () => void;
    try {
      release = lockSync(dir, { lockfilePath, realpath: false, stale: 10_000 });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ELOCKED' || waited >= 30_000) throw new OutputError(`cannot lock ${shown(lockfilePath)} to publish the outputs (${reason(error)})`);
      sleep(25);
      continue;
    }
    try {
      return publish();
    } finally {
      release();
    }
  }
}

/** A target to be replaced: absent or a regular, writable file, never a folder or a device. */
function checkTarget(file: string): void {
  if (!existsSync(file)) return;
  const stats = statSync(file);
  if (!stats.isFile()) throw new OutputError(`cannot write ${shown(file)}: ${stats.isDirectory() ? 'a folder' : 'something that is not a regular file'} is in the way`);
  if ((stats.mode & 0o200) === 0) throw new OutputError(`cannot write ${shown(file)}: the file is read-only`);
}

/**
 * One run's outputs: files are written into `dir()` (a staging folder in `outDir`), the JSON into
 * `stageJson`, and `publish` moves them all into place together; `discard` removes them.
 */
export class OutputSet {
  private staging?: string;
  private json?: { staged: string; target: string };

  constructor(readonly outDir: string) {
    removeStaleStaging(outDir);
  }

  /** The staging folder, made on first use: the plots are drawn into it. */
  dir(): string {
    try {
      this.staging ??= mkdtempSync(path.join(this.outDir, `${STAGING}${process.pid}-`));
    } catch (error) {
      throw new OutputError(`cannot write to ${shown(this.outDir)} (${reason(error)})`);
    }
    return this.staging;
  }

  /** Writes the JSON summary beside its target, to be published with the plots. */
  stageJson(target: string, content: string): void {
    const resolved = path.resolve(target);
    const folder = path.dirname(resolved);
    removeStaleStaging(folder);
    let staged: string;
    try {
      staged = path.join(mkdtempSync(path.join(folder, `.${path.basename(resolved)}.${STAGING.slice(1)}${process.pid}-`)), 'summary.json');
    } catch (error) {
      throw new OutputError(`cannot write ${shown(resolved)} (${reason(error)})`);
    }
    this.json = { staged, target: resolved };
    writeFileAtomicSync(staged, content);
  }

  /** Moves every staged file (`files`, inside dir()) and the JSON into place; returns where the files are. */
  publish(files: string[]): string[] {
    const moves = files.map((file) => {
      if (path.dirname(file) !== this.staging) throw new UsageError(`${file} was not drawn into the staging folder`);
      return { from: file, to: path.join(this.outDir, path.basename(file)) };
    });
    const published = moves.map((m) => m.to);
    if (this.json) moves.push({ from: this.json.staged, to: this.json.target });
    try {
      withPublishLock(this.outDir, () => {
        for (const { to } of moves) checkTarget(to);
        for (const { from, to } of moves) {
          try {
            renameSync(from, to);
          } catch (error) {
            throw new OutputError(`cannot write ${shown(to)} (${reason(error)})`);
          }
        }
      });
    } finally {
      this.discard();
    }
    return published;
  }

  /** Removes whatever is still staged. */
  discard(): void {
    if (this.staging) rmSync(this.staging, { recursive: true, force: true });
    if (this.json) rmSync(path.dirname(this.json.staged), { recursive: true, force: true });
    this.staging = undefined;
    this.json = undefined;
  }
}
