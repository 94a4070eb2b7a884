/**
 * The activations and costs the Part 3 suites pass to the student's functions (as the notebook's
 * actFs and costF). None of them is a graded function (no logistic, tanh, relu, cross-entropy or
 * MSE): the student repository must not hand out working solutions. Backpropagation works with any
 * differentiable activation and cost, so these test it as well.
 * They cross into the grading sandbox by name, so this module is also loaded there: it imports only
 * lib/matrix, and every export is one named function.
 */
import { Mat } from '../lib/matrix';
import type { Activation, Cost } from '../lib/notebook';

const entrywise = (f: (v: number) => number, df: (v: number) => number): Activation =>
  (z, deriv = false) => new Mat(z.rows, z.cols, z.data.map((v) => (deriv ? df(v) : f(v))));

/** softsign squashed into (0, 1): an output for 0/1 targets, s(z) = ½ + ½·z/(1 + |z|). */
export const testSquash: Activation = entrywise((v) => 0.5 + (0.5 * v) / (1 + Math.abs(v)), (v) => 0.5 / (1 + Math.abs(v)) ** 2);
/** softsign, z/(1 + |z|), a hidden activation in (−1, 1). */
export const testSoftsign: Activation = entrywise((v) => v / (1 + Math.abs(v)), (v) => 1 / (1 + Math.abs(v)) ** 2);
/** sin, a hidden activation that is not monotone. */
export const testSin: Activation = entrywise(Math.sin, Math.cos);

function costFrom(perExample: (p: number, t: number) => number, derivative: (p: number, t: number) => number): Cost {
  function cost(yPred: Mat, y: Mat, deriv?: false): number;
  function cost(yPred: Mat, y: Mat, deriv: true): Mat;
  function cost(yPred: Mat, y: Mat, deriv = false): number | Mat {
    if (deriv) return new Mat(yPred.rows, yPred.cols, yPred.data.map((p, i) => derivative(p, y.data[i])));
    return yPred.data.reduce((sum, p, i) => sum + perExample(p, y.data[i]), 0) / yPred.data.length;
  }
  return cost;
}
/** mean((ŷ − y)⁴)/4, derivative (ŷ − y)³ with respect to ŷ. */
export const testQuartic: Cost = costFrom((p, t) => (p - t) ** 4 / 4, (p, t) => (p - t) ** 3);
/** mean(|ŷ − y|³), derivative 3·|ŷ − y|·(ŷ − y). */
export const testCubic: Cost = costFrom((p, t) => Math.abs(p - t) ** 3, (p, t) => 3 * Math.abs(p - t) * (p - t));
