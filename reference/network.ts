/**
 * Part 2, reference solution: a 2-2-1 network of sigmoid neurons (the lab's network.py).
 *
 *   a_h = x·W̃ + b̃,  h = σ(a_h)        (hidden layer: W̃[k][j] joins input k to hidden neuron j)
 *   a_y = h·w + b,   y = σ(a_y)        (output neuron)
 *   J = 1/(2N) · Σ (y_i − t_i)²
 *
 * Plain loops over one sample at a time, reusing scratch arrays: the training loop calls
 * updateWeights 16 000 times, and allocating two small arrays per sample would dominate.
 */
import { sigmoid } from '../lib/sigmoid';
import type { Matrix, Vector } from '../lib/types';

/**
 * The forward pass of one sample x_i: fills aH (a_h = x_i·W̃ + b̃) and h (σ(a_h)), returns a_y = h·w + b.
 */
function forwardSample(xi: Vector, w: Vector, b: number, Wt: Matrix, bt: Vector, aH: Vector, h: Vector): number {
  const [nInputs, nHidden] = [xi.length, bt.length];
  let aY = b;
  for (let j = 0; j < nHidden; j++) {
    let aHj = bt[j];
    // mutant "transposed hidden weights": for (let k = 0; k < nInputs; k++) aHj += xi[k] * Wt[j][k];
    for (let k = 0; k < nInputs; k++) aHj += xi[k] * Wt[k][j];
    aH[j] = aHj;
    h[j] = sigmoid(aHj);
    aY += h[j] * w[j];
  }
  return aY;
}

/** The forward pass for every sample: [y, a_y] one value per sample, [h, a_h] one row per sample. */
export function evaluateNetwork(x: Matrix, w: Vector, b: number, Wt: Matrix, bt: Vector): [y: Vector, aY: Vector, h: Matrix, aH: Matrix] {
  const n = x.length;
  const [y, aY]: [Vector, Vector] = [new Array<number>(n), new Array<number>(n)];
  const [h, aH]: [Matrix, Matrix] = [new Array<Vector>(n), new Array<Vector>(n)];
  for (let i = 0; i < n; i++) {
    aH[i] = new Array<number>(bt.length);
    h[i] = new Array<number>(bt.length);
    aY[i] = forwardSample(x[i], w, b, Wt, bt, aH[i], h[i]);
    y[i] = sigmoid(aY[i]);
  }
  return [y, aY, h, aH];
}

/** J = 1/(2N) · Σ (y_i − t_i)². */
export function lossFunction(x: Matrix, t: Vector, w: Vector, b: number, Wt: Matrix, bt: Vector): number {
  const [aH, h]: Vector[] = [new Array<number>(bt.length), new Array<number>(bt.length)];
  let sumOfSquares = 0;
  for (let i = 0; i < x.length; i++) sumOfSquares += (sigmoid(forwardSample(x[i], w, b, Wt, bt, aH, h)) - t[i]) ** 2;
  return sumOfSquares / (2 * x.length);
}

/**
 * One gradient-descent step on J, gradients averaged over the batch, every parameter updated from
 * the gradients at the old values. Backpropagation for sample i (σ' = y(1 − y) at the output, h(1 − h) in
 * the hidden layer):
 *   δ_y = (y − t)·y·(1 − y)                 ∂J/∂w_j = 1/N Σ δ_y·h_j,       ∂J/∂b = 1/N Σ δ_y
 *   δ_h,j = δ_y·w_j·h_j·(1 − h_j)          ∂J/∂W̃_kj = 1/N Σ x_k·δ_h,j,   ∂J/∂b̃_j = 1/N Σ δ_h,j
 */
export function updateWeights(
  x: Matrix,
  t: Vector,
  w: Vector,
  b: number,
  Wt: Matrix,
  bt: Vector,
  learningRate: number,
): [w: Vector, b: number, Wt: Matrix, bt: Vector] {
  const n = x.length;
  const gradW: Vector = new Array<number>(w.length).fill(0);
  let gradB = 0;
  const gradWt: Matrix = Wt.map((row) => new Array<number>(row.length).fill(0));
  const gradBt: Vector = new Array<number>(bt.length).fill(0);
  const [aH, h]: Vector[] = [new Array<number>(bt.length), new Array<number>(bt.length)];
  const [nInputs, nHidden] = [Wt.length, bt.length];
  for (let i = 0; i < n; i++) {
    const xi = x[i];
    const y = sigmoid(forwardSample(xi, w, b, Wt, bt, aH, h));
    const deltaY = (y - t[i]) * y * (1 - y);
    gradB += deltaY;
    for (let j = 0; j < nHidden; j++) {
      gradW[j] += deltaY * h[j];
      // mutant "hidden δ without σ'": const deltaH = deltaY * w[j];
      const deltaH = deltaY * w[j] * h[j] * (1 - h[j]);
      gradBt[j] += deltaH;
      for (let k = 0; k < nInputs; k++) gradWt[k][j] += xi[k] * deltaH;
    }
  }
  const step = learningRate / n;
  return [
    w.map((wj, j) => wj - step * gradW[j]),
    b - step * gradB,
    Wt.map((row, k) => row.map((wkj, j) => wkj - step * gradWt[k][j])),
    // mutant "hidden bias gradient not averaged": bt.map((btj, j) => btj - learningRate * gradBt[j]),
    bt.map((btj, j) => btj - step * gradBt[j]),
  ];
}

/** Predicts 1 where y ≥ 0.5, else 0; accuracy is the share of predictions equal to t. */
export function evaluatePrediction(x: Matrix, t: Vector, w: Vector, b: number, Wt: Matrix, bt: Vector): [prediction: Vector, accuracy: number] {
  const [y] = evaluateNetwork(x, w, b, Wt, bt);
  const prediction: Vector = y.map((yi) => (yi >= 0.5 ? 1 : 0));
  const correct = prediction.filter((p, i) => p === t[i]).length;
  return [prediction, correct / t.length];
}
