/**
 * Shared test helpers: random test cases from the seeded generator, finite differences, and
 * closeness checks whose failure messages say where and by how much.
 */
import { RandomState } from '../lib/random';
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

/** Asserts two flat or nested arrays have the same shape and entries within `tolerance`. */
export function expectAllClose(received: unknown, expected: number | Vector | Matrix, tolerance = 1e-12, what = 'value'): void {
  const got = Array.isArray(received) ? (received as unknown[]).flat() : [received];
  const want = Array.isArray(expected) ? (expected as (number | number[])[]).flat() : [expected];
  const shape = (v: unknown): string =>
    Array.isArray(v) ? (Array.isArray(v[0]) ? `${v.length}×${(v[0] as unknown[]).length}` : `${v.length}`) : 'a number';
  if (shape(received) !== shape(expected)) {
    throw new Error(`${what}: expected shape ${shape(expected)}, got ${shape(received)}`);
  }
  got.forEach((g, i) => {
    const ok = typeof g === 'number' && Number.isFinite(g) && Math.abs(g - want[i]) <= tolerance * Math.max(1, Math.abs(want[i]));
    if (!ok) {
      throw new Error(`${what}: first difference at index ${i}: expected ${want[i]}, got ${String(g)} (tolerance ${tolerance})`);
    }
  });
}
