/**
 * Shared test helpers: random test cases from the seeded generator, finite differences, and
 * closeness checks whose failure messages say where and by how much.
 */
import { Mat } from '../lib/matrix';
import { RandomState } from '../course/numpy/random';
import { expectMatch } from './feedback';
import type { Matrix, Vector } from '../lib/types';
import fixtures from './fixtures.json';

export const sigma = (a: number): number => 1 / (1 + Math.exp(-a));

/** A random N×cols matrix with entries from a seeded standard normal, times `scale`. */
export function randomMatrix(rs: RandomState, rows: number, cols: number, scale = 1): Matrix {
  return rs.randn(rows, cols).map((row) => row.map((v) => v * scale));
}

/** N random 0/1 targets. */
export function randomTargets(rs: RandomState, n: number): Vector {
  return Array.from({ length: n }, () => (rs.rand() < 0.5 ? 0 : 1));
}

/** A deep copy, to compare an input with after a call. */
export const copy = <T>(value: T): T => structuredClone(value);

/** The central difference (f(θ + h) − f(θ − h)) / 2h of a scalar function of one parameter. */
export function centralDifference(f: (theta: number) => number, theta: number, h = 1e-6): number {
  return (f(theta + h) - f(theta - h)) / (2 * h);
}

/** |a − b| / max(|a|, |b|), with 0 when both are 0. */
export function relativeError(a: number, b: number): number {
  const scale = Math.max(Math.abs(a), Math.abs(b));
  return scale === 0 ? 0 : Math.abs(a - b) / scale;
}

/** Asserts two flat or nested arrays have the same shape and entries within `tolerance` (see feedback.ts). */
export function expectAllClose(received: unknown, expected: number | Vector | Matrix, tolerance = 1e-12, what = 'value'): void {
  expectMatch({ what, got: received, expected, tolerance });
}

// ---- Part 3: matrices; the activations and costs the suites pass in live in ./functions ----

export { testCubic, testQuartic, testSin, testSoftsign, testSquash } from './functions';

/**
 * Expected values that need a working solution to compute (a forward pass, the gradient of a
 * loss), precomputed from the instructor's reference by `npm run make-fixtures` into
 * tests/fixtures.json: the student repository holds no implementation of a graded function.
 */
export function fixture<T>(key: string): T {
  const all = fixtures as Record<string, unknown>;
  if (!(key in all)) throw new Error(`tests/fixtures.json has no ${key}: run npm run make-fixtures`);
  return all[key] as T;
}

/** Rows of numbers as a matrix. */
export const mat = (rows: number[][]): Mat => Mat.from(rows);

/** A random rows×cols matrix, entries N(0, 1)·scale from the seeded generator. */
export function randomMat(rs: RandomState, rows: number, cols: number, scale = 1): Mat {
  return Mat.from(randomMatrix(rs, rows, cols, scale));
}

/** A network with random weights (seeded): `layers` are the widths, input first. */
export function randomNetwork(seed: number, layers: number[]): { ws: Mat[]; bs: Mat[] } {
  const rs = new RandomState(seed);
  const ws = layers.slice(0, -1).map((n, l) => randomMat(rs, n, layers[l + 1], 0.5));
  const bs = layers.slice(1).map((n) => randomMat(rs, 1, n, 0.5));
  return { ws, bs };
}

/** The central-difference gradient of `loss` with respect to every entry of `m` (m is restored). */
export function numericGradient(loss: () => number, m: Mat, h = 1e-6): Mat {
  const gradient = new Mat(m.rows, m.cols);
  for (let i = 0; i < m.data.length; i++) {
    const saved = m.data[i];
    m.data[i] = saved + h;
    const up = loss();
    m.data[i] = saved - h;
    const down = loss();
    m.data[i] = saved;
    gradient.data[i] = (up - down) / (2 * h);
  }
  return gradient;
}

/** Asserts that `after − before` equals −lr × gradient entry by entry, to a relative error ≤ 1e-6. */
export function expectStep(name: string, before: Mat, after: Mat, gradient: Mat, lr: number): void {
  if (after.rows !== before.rows || after.cols !== before.cols) throw new Error(`${name}: shape ${after.rows}×${after.cols}, expected ${before.rows}×${before.cols}`);
  before.data.forEach((value, i) => {
    const step = after.data[i] - value;
    const error = relativeError(step, -lr * gradient.data[i]);
    if (!(error <= 1e-6)) throw new Error(`${name}[${i}]: step ${step}, expected −lr × ∂C/∂${name} = ${-lr * gradient.data[i]} (relative error ${error.toExponential(2)})`);
  });
}
