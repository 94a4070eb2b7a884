/**
 * Part 2: a tiny 2-2-1 network: two inputs, two sigmoid hidden neurons, one sigmoid output
 * (the lab's network.py). This file does not need your neuron.ts: use `sigmoid` from lib/.
 *
 *   a_h = x·W̃ + b̃,   h = σ(a_h)      hidden layer, for each sample (row of x)
 *   a_y = h·w + b,    y = σ(a_y)      output neuron
 *   J = 1/(2N) · Σ (y_i − t_i)²
 *
 * Shapes (N samples): x is N×2; t has N targets; w has 2 weights (hidden → output), b is a number;
 * Wt (W̃) is 2×2 with Wt[k][j] the weight from input k to hidden neuron j; bt (b̃) has 2 biases.
 * Do not change the inputs: return new arrays.
 */
import { NotImplementedError } from '../lib/errors';
import { sigmoid } from '../lib/sigmoid';
import type { Matrix, Vector } from '../lib/types';

const FILE = 'exercises/network.ts';

/**
 * The forward pass, for every sample i:
 *
 *   aH_i[j] = Σ_k x_i[k]·Wt[k][j] + bt[j]      h_i[j] = σ(aH_i[j])
 *   aY_i    = Σ_j h_i[j]·w[j] + b              y_i    = σ(aY_i)
 *
 * @returns [y, aY, h, aH]: y and aY have N values; h and aH are N×2 (one row per sample).
 * Hint: column j of Wt belongs to hidden neuron j.
 */
export function evaluateNetwork(x: Matrix, w: Vector, b: number, Wt: Matrix, bt: Vector): [y: Vector, aY: Vector, h: Matrix, aH: Matrix] {
  throw new NotImplementedError('evaluateNetwork', FILE);
}

/**
 * The loss over a batch:   J = 1/(2N) · Σ_i (y_i − t_i)²
 *
 * @returns one number ≥ 0.
 * Hint: reuse evaluateNetwork.
 */
export function lossFunction(x: Matrix, t: Vector, w: Vector, b: number, Wt: Matrix, bt: Vector): number {
  throw new NotImplementedError('lossFunction', FILE);
}

/**
 * One step of gradient descent with backpropagation, gradients averaged over the batch:
 *
 *   δy_i     = (y_i − t_i) · σ'(aY_i)                      σ'(a) = σ(a)(1 − σ(a))
 *   ∂J/∂w[j] = 1/N Σ_i δy_i · h_i[j]          ∂J/∂b     = 1/N Σ_i δy_i
 *   δh_i[j]  = δy_i · w[j] · σ'(aH_i[j])
 *   ∂J/∂Wt[k][j] = 1/N Σ_i x_i[k] · δh_i[j]   ∂J/∂bt[j] = 1/N Σ_i δh_i[j]
 *
 * Then every parameter p ← p − learningRate · ∂J/∂p.
 *
 * @returns [w, b, Wt, bt]: new arrays of the same shapes.
 * Hint: compute all four gradients first, with the old w; only then update. δh uses the old w[j].
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
  throw new NotImplementedError('updateWeights', FILE);
}

/**
 * Classifies every sample: prediction_i = 1 if y_i ≥ 0.5, else 0;
 * accuracy = (number of i with prediction_i = t_i) / N.
 *
 * @returns [prediction, accuracy].
 */
export function evaluatePrediction(x: Matrix, t: Vector, w: Vector, b: number, Wt: Matrix, bt: Vector): [prediction: Vector, accuracy: number] {
  throw new NotImplementedError('evaluatePrediction', FILE);
}
