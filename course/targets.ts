/**
 * Whose code a command runs: `--target exercises` (the student's), `reference` (the instructor's)
 * or a folder of modules. Resolved here once; the trainers, the grader, progress and verify all take
 * the resulting Target, and jest's `exercises` project reads its folder from LAB_TARGET.
 */
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { UsageError } from './cli/errors';

export const ROOT = path.resolve(__dirname, '..');

/** The environment variable through which jest's `exercises` project learns the folder to test. */
export const TARGET_ENV = 'LAB_TARGET';

export interface Target {
  /** as the user named it: exercises, reference or a folder */
  name: string;
  /** the absolute folder holding the modules (neuron.ts, network.ts, …) */
  dir: string;
}

export const NAMED_TARGETS = ['exercises', 'reference'] as const;

/**
 * `exercises`, `reference` or a folder. A folder must sit directly inside the repository, as
 * exercises/ does, because the modules import `../lib/…`.
 */
export function resolveTarget(value: string): Target {
  const named = (NAMED_TARGETS as readonly string[]).includes(value);
  const dir = named ? path.join(ROOT, value) : path.resolve(value);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    const why = value === 'reference' ? ' (the student repository has no reference solutions)' : '';
    throw new UsageError(`--target ${value}: no such folder${why}`);
  }
  if (!named && path.dirname(dir) !== ROOT) {
    throw new UsageError(`--target ${value}: a folder of modules must sit directly inside the repository, like exercises/ (its modules import ../lib/)`);
  }
  return { name: named ? value : path.relative(ROOT, dir), dir };
}

/** reference/ where the course repository has it (the demo's default), exercises/ in the student's. */
export function defaultDemoTarget(): string {
  return existsSync(path.join(ROOT, 'reference')) ? 'reference' : 'exercises';
}

/** One module of a target by name (neuron, network, …); all targets export the API of exercises/. */
export function loadModule<Module>(target: Target, moduleName: string): Module {
  const file = path.join(target.dir, `${moduleName}.ts`);
  if (!existsSync(file)) throw new UsageError(`--target ${target.name}: ${path.relative(ROOT, file)} does not exist`);
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- chosen at run time by --target
  return require(file) as Module;
}
