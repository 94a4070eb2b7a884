/**
 * Reads exercises/exercises.json, the one list of exercise functions (order, points, hints, tests).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from './targets';

export interface Exercise {
  part: number;
  /** e.g. exercises/neuron.ts */
  file: string;
  function: string;
  points: number;
  tests: { file: string; describe: string };
  /** a nudge, the formula, the shape bookkeeping */
  hints: [string, string, string];
}

export const METADATA_FILE = path.join(ROOT, 'exercises', 'exercises.json');

export function loadExercises(file = METADATA_FILE): Exercise[] {
  const json = JSON.parse(readFileSync(file, 'utf8')) as { exercises: Exercise[] };
  return json.exercises;
}

/** "neuron.ts › updateWeights": unique even where two modules share a function name. */
export function exerciseName(exercise: Exercise): string {
  return `${path.basename(exercise.file)} › ${exercise.function}`;
}

/** The module name under exercises/ (and reference/): neuron, network, … */
export function moduleOf(exercise: Exercise): string {
  return path.basename(exercise.file, '.ts');
}

/** jest's -t pattern for the tests that grade `exercise`: its describe block, as the full name starts. */
export function testNamePattern(exercise: Exercise): string {
  return `^${exercise.tests.describe.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} `;
}
