/**
 * Stages a folder of exercise modules beside exercises/ (directly inside the repository, so their
 * `../lib/` imports resolve unchanged), for grading code that is not in exercises/ itself.
 */
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { removeLeftovers } from '../cli/leftovers';
import { ROOT, type Target } from '../targets';

/** Staged folders are named `.stage-<name>`; .gitignore and the linter skip them. */
export const STAGE_PREFIX = '.stage-';

/**
 * Writes every module of exercises/ into `.stage-<name>/`, each taken from the folder
 * `sourceOf(file)` names and passed through `edit`, and returns it as a Target.
 */
export function stageModules(name: string, sourceOf: (file: string) => string, edit = (_file: string, text: string) => text): Target {
  const dir = path.join(ROOT, `${STAGE_PREFIX}${name}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir);
  for (const file of readdirSync(path.join(ROOT, 'exercises')).filter((f) => f.endsWith('.ts'))) {
    writeFileSync(path.join(dir, file), edit(file, readFileSync(path.join(ROOT, sourceOf(file), file), 'utf8')));
  }
  return { name: path.basename(dir), dir };
}

/** Removes the staged folders (`.stage-submission-<pid>-…`, `.stage-proxies-<pid>-…`) of grading runs that were killed. */
export function removeDeadStages(): void {
  for (const kind of ['submission', 'proxies']) removeLeftovers(ROOT, `${STAGE_PREFIX}${kind}-`);
}

export function removeStage(target: Target): void {
  rmSync(target.dir, { recursive: true, force: true });
}
