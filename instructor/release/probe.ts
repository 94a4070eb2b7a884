/**
 * The release's behavioural leak check: every function the student repository exports from tests/
 * and lib/ is called with the inputs of each graded function (random, seeded), and must not return
 * what the reference returns. A line-by-line scan cannot see a solution written differently (the
 * old helpers' testLogistic, a forward pass "with plain loops"); this can.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { Mat } from '../../lib/matrix';
import { RandomState } from '../../course/numpy/random';
import { loadExercises, type Exercise } from '../../course/grading/exercises';
import { ROOT } from '../../course/targets';

type Fn = (...args: unknown[]) => unknown;

/** The numbers inside a value, in order (arrays, Mats, objects' values). */
function numbers(value: unknown, depth = 0): number[] {
  if (depth > 8) return [];
  if (typeof value === 'number') return [value];
  if (value instanceof Mat || (value !== null && typeof value === 'object' && 'data' in value && (value as { data: unknown }).data instanceof Float64Array)) return Array.from((value as Mat).data);
  if (Array.isArray(value)) return value.flatMap((v) => numbers(v, depth + 1));
  if (value !== null && typeof value === 'object') return Object.values(value).flatMap((v) => numbers(v, depth + 1));
  return [];
}

/** Every value inside `value` (itself included), to look for the reference's answer among them. */
function parts(value: unknown, depth = 0): unknown[] {
  if (depth > 4 || value === null || typeof value !== 'object' || value instanceof Mat) return [value];
  return [value, ...Object.values(value).flatMap((v) => parts(v, depth + 1))];
}

const same = (a: number[], b: number[]) => a.length === b.length && a.length > 0 && a.every((v, i) => Number.isFinite(v) && Math.abs(v - b[i]) <= 1e-9 * Math.max(1, Math.abs(b[i])));

/** Inputs for each graded function, by its module and name (the reference's own activations where it takes some). */
function probeInputs(e: Exercise, reference: (module: string) => Record<string, Fn>): unknown[][] {
  const rs = new RandomState(12345);
  const m = (rows: number, cols: number) => Mat.from(rs.randn(rows, cols));
  const p = () => Mat.column(Array.from({ length: 6 }, () => 0.05 + 0.9 * rs.rand()));
  const acts = reference('activations');
  switch (`${e.module}.${e.function}`) {
    case 'activations.logistic': case 'activations.tanh': case 'activations.relu': return [[m(3, 4)], [m(3, 4), true]];
    case 'costs.crossEntropy': case 'costs.meanSquaredError': return [[p(), Mat.column([1, 0, 1, 1, 0, 0])], [p(), Mat.column([1, 0, 1, 1, 0, 0]), true]];
    case 'mlp.forwardPass': case 'one_hidden_layer.forwardPass': return [[m(5, 2), [m(2, 3), m(3, 1)], [m(1, 3), m(1, 1)], [acts.tanh, acts.logistic]]];
    case 'neuron.evaluateNeuron': return [[rs.randn(5, 2), rs.randn(2), 0.3]];
    case 'neuron.derivativeOfSigmoid': return [[rs.randn(6)]];
    case 'neuron.lossFunction': return [[rs.randn(5, 2), [1, 0, 1, 0, 1], rs.randn(2), 0.3]];
    case 'network.evaluateNetwork': return [[rs.randn(5, 2), rs.randn(2), 0.3, rs.randn(2, 2), rs.randn(2)]];
    case 'network.lossFunction': return [[rs.randn(5, 2), [1, 0, 1, 0, 1], rs.randn(2), 0.3, rs.randn(2, 2), rs.randn(2)]];
    default: return [];
  }
}

/** "file: function computes module.function" for every function of `dir`'s tests/ and lib/ that does. */
export function findImplementations(dir: string): string[] {
  /* eslint-disable @typescript-eslint/no-require-imports -- loading modules by path, to call them */
  const reference = (module: string) => require(path.join(ROOT, 'reference', `${module}.ts`)) as Record<string, Fn>;
  const candidates: { where: string; fn: Fn }[] = [];
  for (const folder of ['tests', 'lib']) {
    for (const file of readdirSync(path.join(dir, folder)).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))) {
      const module = require(path.join(dir, folder, file)) as Record<string, unknown>;
      for (const [name, value] of Object.entries(module)) if (typeof value === 'function') candidates.push({ where: `${folder}/${file}: ${name}`, fn: value as Fn });
    }
  }
  /* eslint-enable @typescript-eslint/no-require-imports */
  const found: string[] = [];
  for (const e of loadExercises()) {
    for (const args of probeInputs(e, reference)) {
      const answer = reference(e.module)[e.function](...args);
      const primary = numbers(Array.isArray(answer) && !(answer instanceof Mat) && e.module !== 'mlp' ? answer[0] : Array.isArray(answer) ? answer[1] : answer);
      for (const candidate of candidates) {
        let result: unknown;
        try {
          result = candidate.fn(...args);
        } catch {
          continue;
        }
        if (parts(result).some((part) => same(numbers(part), primary))) found.push(`${candidate.where} computes ${e.module}.${e.function}`);
      }
    }
  }
  return [...new Set(found)];
}
