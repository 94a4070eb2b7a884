/**
 * Part 3: the notebook's cost functions. Without deriv each returns the mean cost over all entries
 * (one number); with deriv = true it returns the derivative of the per-example cost with respect to
 * the prediction ŷ, entrywise (a matrix shaped like ŷ).
 *
 * Shapes: yPred (ŷ) and y are both m×1 (one row per example). Use `zipWith` and `mean` from
 * lib/matrix.ts.
 */
import { NotImplementedError } from '../lib/errors';
import { mean, zipWith, type Mat } from '../lib/matrix';

const FILE = 'exercises/costs.ts';

/** Keep ŷ in [ε, 1 − ε] before taking logs or dividing by ŷ(1 − ŷ): a saturated σ reaches 0 or 1. */
export const EPSILON = 1e-12;

/**
 * Cross-entropy:   CE  = mean(−y·log ŷ − (1 − y)·log(1 − ŷ))
 *                  CE' = (ŷ − y) / (ŷ·(1 − ŷ))                   (with respect to ŷ)
 *
 * The notebook writes CE' as ŷ − y. That is the derivative with respect to the pre-activation z
 * of a logistic output ŷ = σ(z): CE'(ŷ)·σ'(z) = (ŷ − y)/(ŷ(1 − ŷ)) · ŷ(1 − ŷ) = ŷ − y. Here
 * backpropagation multiplies by σ'(z) itself, so return the derivative with respect to ŷ.
 *
 * @returns a number, or with deriv a matrix shaped like yPred. Clip ŷ to [EPSILON, 1 − EPSILON].
 */
export function crossEntropy(yPred: Mat, y: Mat, deriv?: false): number;
export function crossEntropy(yPred: Mat, y: Mat, deriv: true): Mat;
export function crossEntropy(yPred: Mat, y: Mat, deriv = false): number | Mat {
  throw new NotImplementedError('crossEntropy', FILE);
}

/**
 * Mean squared error:   MSE  = mean((y − ŷ)²)
 *                       MSE' = 2·(ŷ − y)                          (with respect to ŷ)
 *
 * @returns a number, or with deriv a matrix shaped like yPred.
 */
export function meanSquaredError(yPred: Mat, y: Mat, deriv?: false): number;
export function meanSquaredError(yPred: Mat, y: Mat, deriv: true): Mat;
export function meanSquaredError(yPred: Mat, y: Mat, deriv = false): number | Mat {
  throw new NotImplementedError('meanSquaredError', FILE);
}
