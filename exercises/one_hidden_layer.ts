/**
 * Part 3: a network with one hidden layer (the notebook's run: two tanh neurons, a logistic output),
 * trained full-batch with backpropagation.
 *
 *   Z1 = x·W1 + b1   A1 = f1(Z1)        Z2 = A1·W2 + b2   A2 = f2(Z2)
 *
 * Shapes (m examples, n hidden neurons): x m×2, W1 2×n, b1 1×n, W2 n×1, b2 1×1; Z1, A1 m×n; Z2, A2 m×1.
 * ws = [W1, W2], bs = [b1, b2], actFs = [f1, f2] (e.g. [tanh, logistic] from your activations.ts).
 */
import { NotImplementedError } from '../lib/errors';
import { addRowVector, columnMeans, matmul, matmulTransA, matmulTransB, multiply, subtractScaled, type Mat } from '../lib/matrix';
import type { Activation, Cost } from '../lib/notebook';

const FILE = 'exercises/one_hidden_layer.ts';

/**
 * The forward pass above.
 * @returns [Z1, A1, Z2, A2].
 * Hint: `addRowVector(matmul(x, ws[0]), bs[0])` is x·W1 + b1.
 */
export function forwardPass(x: Mat, ws: Mat[], bs: Mat[], actFs: Activation[]): [Z1: Mat, A1: Mat, Z2: Mat, A2: Mat] {
  throw new NotImplementedError('forwardPass', FILE);
}

/**
 * Backpropagation for `epochs` epochs, each on all m examples:
 *
 *   δ2 = costF'(A2, y) ⊙ f2'(Z2)        ∂C/∂W2 = A1ᵀ·δ2 / m      ∂C/∂b2 = column means of δ2
 *   δ1 = (δ2·W2ᵀ) ⊙ f1'(Z1)             ∂C/∂W1 = xᵀ·δ1 / m       ∂C/∂b1 = column means of δ1
 *   every parameter p ← p − lrate · ∂C/∂p
 *
 * @returns [ws, bs, Z1, A1, Z2, A2]: new trained parameters, and the forward pass of the last epoch
 * (before its update). Do not change the ws and bs you were given.
 * Hint: compute δ1 with W2 before you update W2. matmulTransA(a, b) is aᵀ·b, matmulTransB(a, b) is a·bᵀ.
 */
export function backprop(
  x: Mat, y: Mat, ws: Mat[], bs: Mat[], actFs: Activation[], costF: Cost, lrate: number, epochs: number,
): [ws: Mat[], bs: Mat[], Z1: Mat, A1: Mat, Z2: Mat, A2: Mat] {
  throw new NotImplementedError('backprop', FILE);
}
