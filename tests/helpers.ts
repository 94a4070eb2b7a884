/**
 * Shared test helpers: random test cases from the seeded generator, finite differences, and
 * closeness checks whose failure messages say where and by how much.
 */
import { Mat } from '../lib/matrix';
import type { Activation } from '../lib/notebook';
import { RandomState } from '../course/numpy/random';
import { expectMatch } from './feedback';
import type { Matrix, Vector } from '../lib/types';

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

export { testCrossEntropy, testLogistic, testMse, testRelu, testTanh } from './functions';

/** A random rows×cols matrix, entries N(0, 1)·scale from the seeded generator. */
export function randomMat(rs: RandomState, rows: number, cols: number, scale = 1): Mat {
  return Mat.from(randomMatrix(rs, rows, cols, scale));
}

/** The forward pass Z_l = A_{l−1}·W_l + b_l, A_l = f_l(Z_l), written with plain loops. */
export function forwardByHand(x: Mat, ws: Mat[], bs: Mat[], actFs: Activation[]): { Zs: Mat[]; As: Mat[] } {
  const Zs: Mat[] = [];
  const As: Mat[] = [];
  let a = x;
  ws.forEach((w, l) => {
    const z = new Mat(a.rows, w.cols);
    for (let i = 0; i < a.rows; i++) {
      for (let j = 0; j < w.cols; j++) {
        let sum = bs[l].data[j];
        for (let k = 0; k < a.cols; k++) sum += a.get(i, k) * w.get(k, j);
        z.set(i, j, sum);
      }
    }
    Zs.push(z);
    a = actFs[l](z);
    As.push(a);
  });
  return { Zs, As };
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
