/**
 * The simple-neural-network notebook's small dataset: 25 points on two curves.
 */
import { Mat } from '../../lib/matrix';

export type DataShape = 'sin' | 'linear';

/** NumPy's linspace(start, stop, n): start + i·step, and exactly stop at the end. */
export function linspace(start: number, stop: number, n: number): number[] {
  const step = (stop - start) / (n - 1);
  return Array.from({ length: n }, (_, i) => (i === n - 1 ? stop : start + i * step));
}

/** Each class's true curve x2 = f(x1). */
export const TRUE_CURVES: Record<DataShape, [(x1: number) => number, (x1: number) => number]> = {
  sin: [(x1) => Math.sin(x1), (x1) => Math.sin(x1) + 1],
  linear: [(x1) => 2 * x1 + 2, (x1) => 2 * x1 + 4],
};

/**
 * The notebook's data: 10 examples of class 0 at x1 = linspace(−5, 5, 10) and 15 of class 1 at
 * x1 = linspace(−4.5, 4.8, 15), each on its class's curve. x is 25×2, y is 25×1 (class 0 first).
 */
export function notebookData(shape: DataShape = 'sin'): { x: Mat; y: Mat } {
  const [curve0, curve1] = TRUE_CURVES[shape];
  const class0 = linspace(-5, 5, 10).map((x1) => [x1, curve0(x1)]);
  const class1 = linspace(-4.5, 4.8, 15).map((x1) => [x1, curve1(x1)]);
  return { x: Mat.from([...class0, ...class1]), y: Mat.column([...class0.map(() => 0), ...class1.map(() => 1)]) };
}
