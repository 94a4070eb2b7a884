/**
 * Part 3: logistic regression on the notebook's data, trained by full-batch gradient descent.
 * It uses your logistic (activations.ts) and crossEntropy (costs.ts): do those first.
 */
import { NotImplementedError } from '../lib/errors';
import { addRowVector, Mat, matmul, matmulTransA, mean, multiply, subtractScaled } from '../lib/matrix';
import type { Cost } from '../lib/notebook';
import { logistic } from './activations';
import { crossEntropy } from './costs';

const FILE = 'exercises/logistic_regression.ts';

/**
 * Gradient descent for `epochs` epochs, every epoch on all m examples:
 *
 *   Z  = x·ws + b            (m×1)      A = σ(Z)     cost = costF(A, y)
 *   dZ = costF'(A, y) ⊙ σ'(Z)           (the chain rule: dC/dZ = dC/dA · dA/dZ)
 *   ws ← ws − lrate · xᵀ·dZ / m         b ← b − lrate · mean(dZ)
 *
 * Shapes: x is m×2, y is m×1 (0/1), ws is 2×1, b is a number.
 * @returns [ws, b, yPred, costs]: the trained ws (a new matrix) and b, yPred = A from the last
 * epoch's forward pass (before the last update), and costs with the cost of every epoch's forward pass.
 * Hint: `addRowVector(matmul(x, ws), Mat.from([[b]]))` is x·ws + b; do not change ws in place.
 */
export function gradientDescent(x: Mat, y: Mat, ws: Mat, b: number, lrate: number, epochs: number, costF: Cost = crossEntropy): [ws: Mat, b: number, yPred: Mat, costs: number[]] {
  throw new NotImplementedError('gradientDescent', FILE);
}
