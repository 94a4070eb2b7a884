/**
 * How commands write files: never in place. A single file is written to a temporary file beside
 * it, flushed, then renamed over it (writeFileAtomicSync). A run's set of outputs (its PNGs and
 * its JSON) is made in a staging folder inside --out and published together (publishTogether):
 *
 *   stage:    --out/.staging-<pid>-XXXXXX/*.png, and <json folder>/.<name>.staging-<pid>-XXXXXX
 *   publish:  take --out/.publish.lock (course/cli/publish-lock.ts), check every target, rename
 *             each file into place, unlock
 *
 * So a reader never sees a truncated file; a failed run (a full disk, a folder where a plot should
 * go) publishes nothing and removes its staging; and two runs on one --out each publish their
 * whole set under the lock, one after the other: the last run to finish wins every file, the
 * JSON and the PNGs of one run together. Ctrl-C while a run draws removes its staging
 * (course/cli/interrupt.ts); a run killed outright (SIGKILL, a power cut) leaves only its hidden
 * staging folder, which the next run on that --out removes.
 */
import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, lstatSync, mkdtempSync, openSync, realpathSync, renameSync, rmSync, writeSync, type Stats } from 'node:fs';
import path from 'node:path';
import { OutputError, UsageError } from './errors';
import { breathe, onInterrupt } from './interrupt';
import { removeLeftovers } from './leftovers';
import { LOCK, withPublishLock } from './publish-lock';

const STAGING = '.staging-';

/** A one-line reason from a file-system error: its code (ENOSPC, EACCES…) or its message. */
const reason = (error: unknown) => (error as NodeJS.ErrnoException).code ?? (error as Error).message;
/**
 * A path as the user knows it: relative, and a staged file named by where it is going: a plot in
 * `--out/.staging-<pid>-…/x.png` as `--out/x.png`, the JSON in `.s.json.staging-<pid>-…/summary.json` as `s.json`.
 */
const shown = (file: string) => {
  const target = file.replace(/[/\\]\.staging-\d+-[^/\\]+(?=[/\\])/, '').replace(/([/\\])\.([^/\\]+)\.staging-\d+-[^/\\]+[/\\]summary\.json$/, '$1$2');
  return path.relative(process.cwd(), target) || target;
};

/**
 * Writes `data` to `file` atomically: a temporary file beside it, written whole (a short write is
 * continued, and a full disk then fails with ENOSPC), flushed, then renamed over it. A failure is
 * one OutputError line and leaves no temporary file. (write-file-atomic, used before, took a short
 * write on a nearly full disk for a whole one and published the truncated file.)
 */
export function writeFileAtomicSync(file: string, data: string | Buffer): void {
  const temporary = `${file}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`;
  const bytes = typeof data === 'string' ? Buffer.from(data) : data;
  try {
    const fd = openSync(temporary, 'wx', 0o644);
    try {
      for (let written = 0; written < bytes.length; ) written += writeSync(fd, bytes, written, bytes.length - written);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temporary, file);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw new OutputError(`cannot write ${shown(file)} (${reason(error)})`);
  }
}

/** A target's path with its folder's links resolved (the folder exists: the run made it). */
function realTarget(file: string): string {
  try {
    return path.join(realpathSync(path.dirname(file)), path.basename(file));
  } catch {
    return path.resolve(file);
  }
}

/** Removes the staging left in `dir` by runs that were killed (their process is gone). */
export const removeStaleStaging = (dir: string) => removeLeftovers(dir, /^\.(?:.+\.)?staging-(\d+)-/);

/**
 * Why `file` must not be replaced, in words that follow "<file>: ", or undefined when it is absent
 * or a regular file its owner may write. Outputs are renamed into place, which would silently replace a folder, a device or a
 * read-only file, and a symbolic link itself rather than the file it points to (as root,
 * --json /dev/stdout replaced /dev/stdout). The flags check it before a run (ensureReplaceableFile),
 * the publish step again before renaming (checkTarget).
 */
export function inTheWay(file: string): string | undefined {
  let stats: Stats;
  try {
    stats = lstatSync(file);
  } catch {
    return undefined; // absent, or out of reach: writing it says why
  }
  if (stats.isSymbolicLink()) return 'is a symbolic link; name the file it points to';
  if (stats.isDirectory()) return 'is a directory, not a file';
  if (!stats.isFile()) return 'not a regular file';
  return (stats.mode & 0o200) === 0 ? 'the file is read-only' : undefined;
}

/** A target to be replaced, checked under the lock right before the renames. */
function checkTarget(file: string): void {
  const problem = inTheWay(file);
  if (problem !== undefined) throw new OutputError(`cannot write ${shown(file)}: ${problem}`);
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
  async publish(files: string[]): Promise<string[]> {
    const moves = files.map((file) => {
      if (path.dirname(file) !== this.staging) throw new UsageError(`${file} was not drawn into the staging folder`);
      return { from: file, to: path.join(this.outDir, path.basename(file)) };
    });
    const published = moves.map((m) => m.to);
    if (this.json) {
      const real = realTarget(this.json.target);
      if (published.some((plot) => realTarget(plot) === real)) throw new UsageError(`--json ${shown(this.json.target)} is also the path of a plot: give the summary a name of its own`);
      moves.push({ from: this.json.staged, to: this.json.target });
    }
    const lockFailed = (why: string) => new OutputError(`cannot lock ${shown(path.join(this.outDir, LOCK))} to publish the outputs (${why})`);
    try {
      await withPublishLock(
        this.outDir,
        () => {
          for (const { to } of moves) checkTarget(to);
          for (const { from, to } of moves) {
            try {
              renameSync(from, to);
            } catch (error) {
              throw new OutputError(`cannot write ${shown(to)} (${reason(error)})`);
            }
          }
        },
        lockFailed,
      );
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

/**
 * A run's outputs made and published together: `stage` writes them into output.dir() (and
 * output.stageJson), returning the files; all of them are published, or none, also on Ctrl-C
 * while staging (the cleanup removes the staging; a signal during the publish step itself is
 * handled right after it, the set complete). Returns the published files.
 */
export async function publishTogether(outDir: string, stage: (output: OutputSet) => Promise<string[]>): Promise<string[]> {
  const output = new OutputSet(outDir);
  const settled = onInterrupt(() => output.discard());
  let published: string[];
  try {
    published = await output.publish(await stage(output));
  } finally {
    output.discard();
    settled();
  }
  await breathe();
  return published;
}
