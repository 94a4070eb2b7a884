/**
 * The activations and costs the Part 3 suites pass to the student's functions (as the notebook's
 * actFs and costF). They cross into the grading sandbox by name, so this module is also loaded
 * there: it imports only lib/matrix, and every export is one named function.
 */
import { Mat } from '../lib/matrix';
import type { Activation, Cost } from '../lib/notebook';

const sigma = (a: number): number => 1 / (1 + Math.exp(-a));

const entrywise = (f: (v: number) => number, df: (v: number) => number): Activation =>
  (z, deriv = false) => new Mat(z.rows, z.cols, z.data.map(deriv ? df : f));

export const testLogistic: Activation = entrywise(sigma, (v) => sigma(v) * (1 - sigma(v)));
export const testTanh: Activation = entrywise(Math.tanh, (v) => 1 - Math.tanh(v) ** 2);
export const testRelu: Activation = entrywise((v) => Math.max(v, 0), (v) => (v > 0 ? 1 : 0));

function costFrom(perExample: (p: number, t: number) => number, derivative: (p: number, t: number) => number): Cost {
  function cost(yPred: Mat, y: Mat, deriv?: false): number;
  function cost(yPred: Mat, y: Mat, deriv: true): Mat;
  function cost(yPred: Mat, y: Mat, deriv = false): number | Mat {
    if (deriv) return new Mat(yPred.rows, yPred.cols, yPred.data.map((p, i) => derivative(p, y.data[i])));
    return yPred.data.reduce((sum, p, i) => sum + perExample(p, y.data[i]), 0) / yPred.data.length;
  }
  return cost;
}
export const testCrossEntropy: Cost = costFrom((p, t) => -t * Math.log(p) - (1 - t) * Math.log(1 - p), (p, t) => (p - t) / (p * (1 - p)));
export const testMse: Cost = costFrom((p, t) => (t - p) ** 2, (p, t) => 2 * (p - t));

