/**
 * Part 3, reference solution: a fully parametrised network of L layers, trained full-batch.
 *
 *   Z_l = A_{l−1}·W_l + b_l,  A_l = f_l(Z_l)   for l = 1 … L, with A_0 = x
 *
 * The epoch loop writes into matrices allocated once (the products are most of the work: the deep
 * preset multiplies 25×200 by 200×200 six times an epoch).
 */
import { Mat, addRowVector, columnMeans, matmul, matmulTransA, matmulTransB, multiply, subtractScaled } from '../lib/matrix';
import type { Activation, Cost } from '../lib/notebook';

/** Zs and As of every layer: As[l] is the output of layer l + 1 (x is not included). */
export function forwardPass(x: Mat, ws: Mat[], bs: Mat[], actFs: Activation[]): [Zs: Mat[], As: Mat[]] {
  const Zs: Mat[] = [];
  const As: Mat[] = [];
  let input = x;
  ws.forEach((w, l) => {
    Zs.push(addRowVector(matmul(input, w), bs[l]));
    As.push(actFs[l](Zs[l]));
    input = As[l];
  });
  return [Zs, As];
}

/**
 * Backpropagation, full batch (m examples), every epoch:
 *   δ_L = C'(A_L, y) ⊙ f_L'(Z_L)
 *   for l = L … 1:  ∂C/∂W_l = A_{l−1}ᵀ·δ_l / m,  ∂C/∂b_l = column means of δ_l,
 *                   δ_{l−1} = (δ_l·W_lᵀ) ⊙ f_{l−1}'(Z_{l−1})  (with W_l before its update)
 * Returns the trained parameters and the last epoch's forward pass (before the last update).
 */
export function backprop(
  x: Mat, y: Mat, ws: Mat[], bs: Mat[], actFs: Activation[], costF: Cost, lrate: number, epochs: number,
): [ws: Mat[], bs: Mat[], Zs: Mat[], As: Mat[]] {
  const m = x.rows;
  const layers = ws.length;
  // mutant "backprop updates ws in place": const weights = ws;
  const weights = ws.map((w) => w.clone());
  const biases = bs.map((b) => b.clone());
  // mutant "no-op: backprop takes no step": return [weights, biases, ...forwardPass(x, weights, biases, actFs)];
  if (epochs === 0) return [weights, biases, ...forwardPass(x, weights, biases, actFs)];
  // allocated once: pre-activations, deltas, gradients (the activations are what actFs returns)
  const Zs = weights.map((w) => new Mat(m, w.cols));
  const As: Mat[] = [];
  const deltas = weights.map((w) => new Mat(m, w.cols));
  const gradW = weights.map((w) => new Mat(w.rows, w.cols));
  const gradB = weights.map((w) => new Mat(1, w.cols));
  for (let epoch = 0; epoch < epochs; epoch++) {
    for (let l = 0; l < layers; l++) {
      addRowVector(matmul(l === 0 ? x : As[l - 1], weights[l], Zs[l]), biases[l], Zs[l]);
      As[l] = actFs[l](Zs[l]);
    }
    multiply(costF(As[layers - 1], y, true), actFs[layers - 1](Zs[layers - 1], true), deltas[layers - 1]);
    for (let l = layers - 1; l >= 0; l--) {
      matmulTransA(l === 0 ? x : As[l - 1], deltas[l], gradW[l]);
      columnMeans(deltas[l], gradB[l]);
      // mutant "δ computed with W after its update": subtractScaled(weights[l], gradW[l], lrate / m, weights[l]);
      if (l > 0) multiply(matmulTransB(deltas[l], weights[l], deltas[l - 1]), actFs[l - 1](Zs[l - 1], true), deltas[l - 1]);
      // mutant "δ computed with W after its update": if (l > 0) multiply(matmulTransB(deltas[l], weights[l], deltas[l - 1]), actFs[l - 1](Zs[l - 1], true), deltas[l - 1]);
      subtractScaled(weights[l], gradW[l], lrate / m, weights[l]);
      // mutant "bias gradient summed instead of averaged": subtractScaled(biases[l], gradB[l], lrate * m, biases[l]);
      subtractScaled(biases[l], gradB[l], lrate, biases[l]);
    }
  }
  return [weights, biases, Zs, As];
}
