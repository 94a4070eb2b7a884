/**
 * Part 1, reference solution: one sigmoid neuron with two inputs (the lab's neuron.py).
 *
 *   a = x·w + b,  y = σ(a),  J(w, b) = 1/(2N) · Σ (y − t)²
 *
 * Plain loops over preallocated arrays: in V8 they are several times faster than map/reduce
 * chains, and the training loop calls these functions thousands of times.
 */
import { sigmoid } from '../lib/sigmoid';
import type { Matrix, Vector } from '../lib/types';

/** a = x_i·w + b for one sample x_i. */
function preActivation(xi: Vector, w: Vector, b: number): number {
  let a = b;
  // mutant "an index past the end of w (j <= w.length)": for (let j = 0; j <= w.length; j++) a += xi[j] * w[j];
  for (let j = 0; j < w.length; j++) a += xi[j] * w[j];
  return a;
}

/** y_i = σ(a_i) with a_i = x_i·w + b, one value per sample (row of x). */
export function evaluateNeuron(x: Matrix, w: Vector, b: number): [y: Vector, a: Vector] {
  const n = x.length;
  const y: Vector = new Array<number>(n);
  const a: Vector = new Array<number>(n);
  for (let i = 0; i < n; i++) {
    a[i] = preActivation(x[i], w, b);
    y[i] = sigmoid(a[i]);
  }
  // mutant "evaluateNeuron returns [a, y]": return [a, y];
  return [y, a];
}

/** σ'(a) = σ(a)·(1 − σ(a)), taken at the pre-activation a. */
export function derivativeOfSigmoid(a: Vector): Vector {
  const slope: Vector = new Array<number>(a.length);
  for (let i = 0; i < a.length; i++) {
    // mutant "σ' applied to the output instead of the pre-activation": const s = sigmoid(sigmoid(a[i]));
    // mutant "no-op: derivativeOfSigmoid is 0.25 everywhere": const s = 0.5;
    const s = sigmoid(a[i]);
    slope[i] = s * (1 - s);
  }
  return slope;
}

/** J = 1/(2N) · Σ (y_i − t_i)². */
export function lossFunction(x: Matrix, t: Vector, w: Vector, b: number): number {
  let sumOfSquares = 0;
  for (let i = 0; i < x.length; i++) sumOfSquares += (sigmoid(preActivation(x[i], w, b)) - t[i]) ** 2;
  // mutant "loss without the 1/2": return sumOfSquares / x.length;
  // mutant "no-op: lossFunction returns 0": return 0;
  return sumOfSquares / (2 * x.length);
}

/**
 * One gradient-descent step on J, the gradient averaged over the batch:
 *   δ_i = (y_i − t_i)·σ'(a_i),  ∂J/∂w = 1/N · Σ δ_i·x_i,  ∂J/∂b = 1/N · Σ δ_i
 *   w ← w − lr·∂J/∂w,  b ← b − lr·∂J/∂b
 * One pass per sample, no intermediate arrays (the training loop calls this 8000 times). And
 * σ'(a_i) = σ(a_i)·(1 − σ(a_i)) = y_i·(1 − y_i): the output already holds σ(a_i), so this is
 * derivativeOfSigmoid(a) without computing σ twice.
 */
export function updateWeights(x: Matrix, t: Vector, w: Vector, b: number, learningRate: number): [w: Vector, b: number] {
  const n = x.length;
  const gradW: Vector = new Array<number>(w.length).fill(0);
  let gradB = 0;
  // mutant "off-by-one in the batch loop": for (let i = 0; i < n - 1; i++) {
  for (let i = 0; i < n; i++) {
    const y = sigmoid(preActivation(x[i], w, b));
    const delta = (y - t[i]) * y * (1 - y);
    for (let j = 0; j < w.length; j++) gradW[j] += delta * x[i][j];
    gradB += delta;
  }
  // mutant "sign flipped in the weight gradient": const newW = w.map((wj, j) => wj + (learningRate * gradW[j]) / n);
  // mutant "gradient not averaged over the batch": const newW = w.map((wj, j) => wj - learningRate * gradW[j]);
  // mutant "updateWeights changes w and returns it": const newW = w; for (let j = 0; j < w.length; j++) newW[j] -= (learningRate * gradW[j]) / n;
  const newW = w.map((wj, j) => wj - (learningRate * gradW[j]) / n);
  // mutant "bias not updated": return [newW, b];
  // mutant "no-op: updateWeights takes no step": return [w.slice(), b];
  return [newW, b - (learningRate * gradB) / n];
}

/** Predicts 1 where y ≥ 0.5, else 0; accuracy is the share of predictions equal to t. */
export function evaluatePrediction(x: Matrix, t: Vector, w: Vector, b: number): [prediction: Vector, accuracy: number] {
  const [y] = evaluateNeuron(x, w, b);
  const prediction: Vector = new Array<number>(y.length);
  let correct = 0;
  for (let i = 0; i < y.length; i++) {
    // mutant "threshold y > 0.5 instead of y ≥ 0.5": prediction[i] = y[i] > 0.5 ? 1 : 0;
    prediction[i] = y[i] >= 0.5 ? 1 : 0;
    if (prediction[i] === t[i]) correct += 1;
  }
  return [prediction, correct / t.length];
}
