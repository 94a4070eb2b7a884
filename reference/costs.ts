/**
 * Part 3, reference solution: the notebook's cost functions, means over the examples, and their
 * derivatives with respect to the prediction ŷ (deriv = true, entrywise).
 */
import { mean, zipWith, type Mat } from '../lib/matrix';

/** ŷ is kept in [ε, 1 − ε] so that log ŷ and 1/(ŷ(1 − ŷ)) stay finite when σ saturates. */
export const EPSILON = 1e-12;
const clip = (p: number): number => Math.min(Math.max(p, EPSILON), 1 - EPSILON);

/**
 * CE = mean(−y·log ŷ − (1 − y)·log(1 − ŷ));  CE' = (ŷ − y) / (ŷ·(1 − ŷ)).
 * With a logistic output ŷ = σ(z), CE'·σ'(z) = ŷ − y: the notebook's shortcut.
 */
export function crossEntropy(yPred: Mat, y: Mat, deriv?: false): number;
export function crossEntropy(yPred: Mat, y: Mat, deriv: true): Mat;
export function crossEntropy(yPred: Mat, y: Mat, deriv = false): number | Mat {
  // mutant "cross-entropy' is the shortcut ŷ − y": if (deriv) return zipWith(yPred, y, (p, t) => (clip(p) - t));
  if (deriv) return zipWith(yPred, y, (p, t) => (clip(p) - t) / (clip(p) * (1 - clip(p))));
  return mean(zipWith(yPred, y, (p, t) => -t * Math.log(clip(p)) - (1 - t) * Math.log(1 - clip(p))));
}

/** MSE = mean((y − ŷ)²);  MSE' = 2·(ŷ − y). */
export function meanSquaredError(yPred: Mat, y: Mat, deriv?: false): number;
export function meanSquaredError(yPred: Mat, y: Mat, deriv: true): Mat;
export function meanSquaredError(yPred: Mat, y: Mat, deriv = false): number | Mat {
  if (deriv) return zipWith(yPred, y, (p, t) => 2 * (p - t));
  return mean(zipWith(yPred, y, (p, t) => (t - p) ** 2));
}
