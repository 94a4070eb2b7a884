/**
 * Part 3, reference solution: a network with one hidden layer, trained full-batch.
 *
 *   Z1 = x·W1 + b1,  A1 = f1(Z1),  Z2 = A1·W2 + b2,  A2 = f2(Z2)
 */
import { addRowVector, columnMeans, matmul, matmulTransA, matmulTransB, multiply, subtractScaled, type Mat } from '../lib/matrix';
import type { Activation, Cost } from '../lib/notebook';

export function forwardPass(x: Mat, ws: Mat[], bs: Mat[], actFs: Activation[]): [Z1: Mat, A1: Mat, Z2: Mat, A2: Mat] {
  const Z1 = addRowVector(matmul(x, ws[0]), bs[0]);
  const A1 = actFs[0](Z1);
  const Z2 = addRowVector(matmul(A1, ws[1]), bs[1]);
  const A2 = actFs[1](Z2);
  // mutant "forwardPass returns [A1, Z1, …]": return [A1, Z1, Z2, A2];
  return [Z1, A1, Z2, A2];
}

/**
 * Backpropagation, every epoch on the whole batch (m examples):
 *   δ2 = C'(A2, y) ⊙ f2'(Z2)        ∂C/∂W2 = A1ᵀ·δ2 / m,  ∂C/∂b2 = column means of δ2
 *   δ1 = (δ2·W2ᵀ) ⊙ f1'(Z1)         ∂C/∂W1 = xᵀ·δ1 / m,   ∂C/∂b1 = column means of δ1
 * δ1 uses W2 before its update. Returns the trained parameters and the last epoch's forward pass.
 */
export function backprop(
  x: Mat, y: Mat, ws: Mat[], bs: Mat[], actFs: Activation[], costF: Cost, lrate: number, epochs: number,
): [ws: Mat[], bs: Mat[], Z1: Mat, A1: Mat, Z2: Mat, A2: Mat] {
  const m = x.rows;
  let [W1, W2] = ws.map((w) => w.clone());
  let [b1, b2] = bs.map((b) => b.clone());
  if (epochs === 0) return [[W1, W2], [b1, b2], ...forwardPass(x, [W1, W2], [b1, b2], actFs)];
  let [Z1, A1, Z2, A2]: Mat[] = []; // each epoch's forward pass
  for (let epoch = 0; epoch < epochs; epoch++) {
    [Z1, A1, Z2, A2] = forwardPass(x, [W1, W2], [b1, b2], actFs);
    const delta2 = multiply(costF(A2, y, true), actFs[1](Z2, true));
    // mutant "hidden δ1 without f1'": const delta1 = matmulTransB(delta2, W2);
    const delta1 = multiply(matmulTransB(delta2, W2), actFs[0](Z1, true));
    W2 = subtractScaled(W2, matmulTransA(A1, delta2), lrate / m);
    b2 = subtractScaled(b2, columnMeans(delta2), lrate);
    // mutant "W1 gradient not divided by m": W1 = subtractScaled(W1, matmulTransA(x, delta1), lrate);
    W1 = subtractScaled(W1, matmulTransA(x, delta1), lrate / m);
    b1 = subtractScaled(b1, columnMeans(delta1), lrate);
  }
  return [[W1, W2], [b1, b2], Z1, A1, Z2, A2];
}
