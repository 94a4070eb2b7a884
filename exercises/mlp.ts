/**
 * Part 3: a fully parametrised network with any number of layers L (the notebook's deep run is
 * 2-200-200-2-1 with relu, tanh, relu, logistic), trained full-batch with backpropagation.
 *
 *   Z_l = A_{l−1}·W_l + b_l,   A_l = f_l(Z_l)     for l = 1 … L, with A_0 = x
 *
 * Shapes: W_l is n_{l−1}×n_l, b_l is 1×n_l, Z_l and A_l are m×n_l. ws, bs and actFs hold one entry
 * per layer (index 0 is layer 1).
 */
import { NotImplementedError } from '../lib/errors';
import { Mat, addRowVector, columnMeans, matmul, matmulTransA, matmulTransB, multiply, subtractScaled } from '../lib/matrix';
import type { Activation, Cost } from '../lib/notebook';

const FILE = 'exercises/mlp.ts';

/**
 * The forward pass through all layers.
 * @returns [Zs, As]: Zs[l] and As[l] of layer l + 1; x itself is not in As, and the network's
 * output is As[As.length − 1].
 */
export function forwardPass(x: Mat, ws: Mat[], bs: Mat[], actFs: Activation[]): [Zs: Mat[], As: Mat[]] {
  throw new NotImplementedError('forwardPass', FILE);
}

/**
 * Backpropagation for `epochs` epochs, each on all m examples:
 *
 *   δ_L = costF'(A_L, y) ⊙ f_L'(Z_L)
 *   for l = L … 1:   ∂C/∂W_l = A_{l−1}ᵀ·δ_l / m        ∂C/∂b_l = column means of δ_l
 *                    δ_{l−1} = (δ_l·W_lᵀ) ⊙ f_{l−1}'(Z_{l−1})     (with W_l before its update)
 *                    W_l ← W_l − lrate·∂C/∂W_l,  b_l ← b_l − lrate·∂C/∂b_l
 *
 * @returns [ws, bs, Zs, As]: new trained parameters and the last epoch's forward pass (before its
 * update). Do not change the ws and bs you were given.
 * Hint: write it as plainly as the formulas read; allocating new matrices every epoch is fine (the
 * deep run takes the same time either way).
 */
export function backprop(
  x: Mat, y: Mat, ws: Mat[], bs: Mat[], actFs: Activation[], costF: Cost, lrate: number, epochs: number,
): [ws: Mat[], bs: Mat[], Zs: Mat[], As: Mat[]] {
  throw new NotImplementedError('backprop', FILE);
}
