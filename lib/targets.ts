/**
 * Loads a module of the student's code (exercises/) or of the instructor's (reference/) by name.
 * Both folders export exactly the same API, so the type of a module is taken from exercises/.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { UsageError } from './errors';

export const TARGETS = ['exercises', 'reference'] as const;
export type Target = (typeof TARGETS)[number];

export const ROOT = path.resolve(__dirname, '..');

export function loadTarget<Module>(target: Target, moduleName: string): Module {
  const file = path.join(ROOT, target, `${moduleName}.ts`);
  if (!existsSync(file)) {
    const why = target === 'reference' ? ' (the student repository has no reference solutions)' : '';
    throw new UsageError(`--target ${target}: ${target}/${moduleName}.ts does not exist${why}`);
  }
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- chosen at run time by --target
  return require(file) as Module;
}
