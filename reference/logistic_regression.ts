/**
 * Part 3, reference solution: logistic regression trained by full-batch gradient descent.
 *
 *   Z = x·ws + b,  A = σ(Z),  dZ = C'(A, y) ⊙ σ'(Z)
 *   ws ← ws − lrate · xᵀ·dZ / m,   b ← b − lrate · mean(dZ)
 */
import { addRowVector, Mat, matmul, matmulTransA, mean, multiply, subtractScaled } from '../lib/matrix';
import type { Cost } from '../lib/notebook';
import { logistic } from './activations';
import { crossEntropy } from './costs';

/**
 * @returns [ws, b, yPred, costs]: the trained weights (2×1) and bias, the prediction A of the last
 * epoch's forward pass (before the last update) and the cost of every epoch's forward pass.
 */
export function gradientDescent(x: Mat, y: Mat, ws: Mat, b: number, lrate: number, epochs: number, costF: Cost = crossEntropy): [ws: Mat, b: number, yPred: Mat, costs: number[]] {
  const m = x.rows;
  let weights = ws.clone();
  let bias = b;
  let yPred = new Mat(m, 1);
  const costs: number[] = [];
  for (let epoch = 0; epoch < epochs; epoch++) {
    const z = addRowVector(matmul(x, weights), Mat.from([[bias]]));
    yPred = logistic(z);
    costs.push(costF(yPred, y));
    const dz = multiply(costF(yPred, y, true), logistic(z, true));
    weights = subtractScaled(weights, matmulTransA(x, dz), lrate / m);
    // mutant "logistic regression bias not updated": bias -= 0 * mean(dz);
    bias -= lrate * mean(dz);
  }
  return [weights, bias, yPred, costs];
}
