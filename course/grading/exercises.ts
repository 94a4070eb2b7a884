/**
 * Reads course/exercises.toml, the one list of exercise functions (order, part, points, hints).
 * Everything else about an exercise is derived from its module and function name:
 *   exercises/<module>.ts (the stub) · reference/<module>.ts · tests/exercises/<module>.test.ts,
 *   describe('<function>') · npm test -- <module> -t <function>
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'toml';
import { DataError, UsageError } from '../cli/errors';
import { ROOT } from '../targets';

export interface Exercise {
  part: number;
  /** the module name: neuron, network, activations, … */
  module: string;
  function: string;
  points: number;
  /** a nudge, the formula, the shape bookkeeping */
  hints: [string, string, string];
}

export const METADATA_FILE = path.join(ROOT, 'course', 'exercises.toml');

function invalid(file: string, index: number, what: string): DataError {
  return new DataError(`${path.relative(ROOT, file)}: exercise ${index + 1}: ${what}`);
}

/** Parses and checks the metadata; a malformed file is a one-line DataError naming the entry. */
export function loadExercises(file = METADATA_FILE): Exercise[] {
  let table: Record<string, unknown>;
  try {
    table = parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new DataError(`${path.relative(ROOT, file)}: ${(error as Error).message.split('\n')[0]}`);
  }
  const entries = table.exercises;
  if (!Array.isArray(entries) || entries.length === 0) throw new DataError(`${path.relative(ROOT, file)}: no [[exercises]] entries`);
  return entries.map((entry: Record<string, unknown>, i) => {
    const { part, module, function: name, points, hints } = entry;
    if (!Number.isInteger(part) || (part as number) < 1) throw invalid(file, i, 'part must be a whole number ≥ 1');
    if (typeof module !== 'string' || !/^[a-z][a-z0-9_]*$/.test(module)) throw invalid(file, i, 'module must be a file name like neuron or one_hidden_layer');
    if (typeof name !== 'string' || !/^[a-zA-Z]\w*$/.test(name)) throw invalid(file, i, 'function must be an identifier');
    if (typeof points !== 'number' || !(points > 0)) throw invalid(file, i, 'points must be a number > 0');
    if (!Array.isArray(hints) || hints.length !== 3 || !hints.every((h) => typeof h === 'string')) throw invalid(file, i, 'hints must be three strings');
    return { part: part as number, module, function: name, points, hints: hints as [string, string, string] };
  });
}

/** The exercise's module in a folder: `exercises/neuron.ts` by default. */
export function exerciseFile(exercise: Exercise, folder = 'exercises'): string {
  return `${folder}/${exercise.module}.ts`;
}

/** The suite that grades the module's functions, one describe block per function. */
export function testFile(exercise: Exercise): string {
  return `tests/exercises/${exercise.module}.test.ts`;
}

/** "neuron.ts › updateWeights": unique even where two modules share a function name. */
export function exerciseName(exercise: Exercise): string {
  return `${exercise.module}.ts › ${exercise.function}`;
}

/** jest's -t pattern for the tests that grade `exercise`: its describe block, as the full name starts. */
export function testNamePattern(exercise: Exercise): string {
  return `^${exercise.function} `;
}

/** `--only neuron,network`: the modules named, each one the metadata knows (else a UsageError). */
export function moduleList(text: string): string[] {
  const known = [...new Set(loadExercises().map((e) => e.module))];
  const modules = text.split(',').map((m) => m.trim());
  const unknown = modules.filter((m) => !known.includes(m));
  if (unknown.length > 0 || modules.length === 0) throw new UsageError(`--only ${text}: ${unknown.map((m) => `"${m}"`).join(', ') || 'nothing'} is not a module; the modules are ${known.join(', ')}`);
  return [...new Set(modules)];
}
