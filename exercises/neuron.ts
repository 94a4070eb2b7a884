/**
 * Part 1: one sigmoid neuron with two inputs (the lab's neuron.py).
 *
 *   a = x·w + b = w1·x1 + w2·x2 + b,   y = σ(a) = 1 / (1 + e^(−a))
 *   J(w, b) = 1/(2N) · Σ (y_i − t_i)²            (mean squared error over a batch of N samples)
 *
 * Shapes: x is N×2 (one row per sample), t has N targets (0 or 1), w has 2 weights, b is a number.
 * Do not change the inputs: return new arrays. `sigmoid` from lib/ is yours to use.
 * Implement the functions top to bottom; `npm test -- -t <name>` runs one function's tests.
 */
import { NotImplementedError } from '../lib/errors';
import { sigmoid } from '../lib/sigmoid';
import type { Matrix, Vector } from '../lib/types';

const FILE = 'exercises/neuron.ts';

/**
 * The neuron's output for every sample.
 *
 *   a_i = x_i·w + b     (the pre-activation: x_i is row i of x)
 *   y_i = σ(a_i)
 *
 * @returns [y, a]: two vectors of length N.
 * Hint: `x.map(row => ...)` gives one value per sample.
 */
export function evaluateNeuron(x: Matrix, w: Vector, b: number): [y: Vector, a: Vector] {
  throw new NotImplementedError('evaluateNeuron', FILE);
}

/**
 * The derivative of the sigmoid, at the pre-activation:
 *
 *   σ'(a) = σ(a) · (1 − σ(a))
 *
 * @returns one value per entry of a (so σ'(0) = 0.25).
 * Hint: it takes a, not y = σ(a): apply σ first.
 */
export function derivativeOfSigmoid(a: Vector): Vector {
  throw new NotImplementedError('derivativeOfSigmoid', FILE);
}

/**
 * The loss over a batch:
 *
 *   J(w, b) = 1/(2N) · Σ_i (y_i − t_i)²
 *
 * @returns one number ≥ 0.
 * Hint: reuse evaluateNeuron; N is the number of samples (rows of x).
 */
export function lossFunction(x: Matrix, t: Vector, w: Vector, b: number): number {
  throw new NotImplementedError('lossFunction', FILE);
}

/**
 * One step of gradient descent on J, with the gradient averaged over the batch:
 *
 *   δ_i   = (y_i − t_i) · σ'(a_i)
 *   ∂J/∂w = 1/N · Σ_i δ_i · x_i        (a vector of 2)
 *   ∂J/∂b = 1/N · Σ_i δ_i
 *   w ← w − learningRate · ∂J/∂w,   b ← b − learningRate · ∂J/∂b
 *
 * @returns [w, b]: the new weights (a new array) and the new bias.
 * Hint: σ' is taken at the pre-activation a, not at the output y. Both gradients use the old w, b.
 */
export function updateWeights(x: Matrix, t: Vector, w: Vector, b: number, learningRate: number): [w: Vector, b: number] {
  throw new NotImplementedError('updateWeights', FILE);
}

/**
 * Classifies every sample and scores the result.
 *
 *   prediction_i = 1 if y_i ≥ 0.5, else 0
 *   accuracy     = (number of i with prediction_i = t_i) / N
 *
 * @returns [prediction, accuracy]: N zeros and ones, and a number in [0, 1].
 */
export function evaluatePrediction(x: Matrix, t: Vector, w: Vector, b: number): [prediction: Vector, accuracy: number] {
  throw new NotImplementedError('evaluatePrediction', FILE);
}
