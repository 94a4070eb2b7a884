/**
 * Each common mistake gets its own message: the checks of the exercise suites, fed deliberately
 * wrong implementations (built from the reference with one thing broken).
 */
import * as network from '../../reference/network';
import * as neuron from '../../reference/neuron';
import type { Matrix, Vector } from '../../lib/types';
import { checkDerivativeOfSigmoid, checkHiddenPreActivation, checkNetworkStep, checkNeuronStep, checkUnchanged } from '../../tests/checks';
import { explainMismatch } from '../../tests/feedback';
import { sigma } from '../../tests/helpers';

/** The reference step, scaled by k: k = N is "not averaged", k = −1 is "sign flipped". */
const scaledStep = (k: number) => (x: Matrix, t: Vector, w: Vector, b: number, lr: number): [Vector, number] => {
  const [w1, b1] = neuron.updateWeights(x, t, w, b, lr);
  return [w.map((wj, j) => wj + k * (w1[j] - wj)), b + k * (b1 - b)];
};

describe('feedback on common mistakes', () => {
  it('the right implementations pass every check', () => {
    expect(() => checkNeuronStep(neuron.updateWeights, 1)).not.toThrow();
    expect(() => checkNetworkStep(network.updateWeights, 1)).not.toThrow();
    expect(() => checkDerivativeOfSigmoid(neuron.derivativeOfSigmoid)).not.toThrow();
    expect(() => checkHiddenPreActivation(network.evaluateNetwork)).not.toThrow();
  });

  it('a gradient not averaged over the batch: "N times too large"', () => {
    expect(() => checkNeuronStep(scaledStep(25), 1)).toThrow('25 times too large, the size of the batch: average the gradient over the batch');
  });

  it('a gradient not averaged in the network too', () => {
    const notAveraged = (...args: Parameters<typeof network.updateWeights>): ReturnType<typeof network.updateWeights> => {
      const [x, , w, b, Wt, bt] = args;
      const [w1, b1, Wt1, bt1] = network.updateWeights(...args);
      const n = x.length;
      return [w.map((v, j) => v + n * (w1[j] - v)), b + n * (b1 - b), Wt.map((row, k) => row.map((v, j) => v + n * (Wt1[k][j] - v))), bt.map((v, j) => v + n * (bt1[j] - v))];
    };
    expect(() => checkNetworkStep(notAveraged, 2)).toThrow('20 times too large, the size of the batch');
  });

  it('only the weights not averaged: names the entries that are N times too large', () => {
    const weightsOnly = (x: Matrix, t: Vector, w: Vector, b: number, lr: number): [Vector, number] => {
      const [w1, b1] = neuron.updateWeights(x, t, w, b, lr);
      return [w.map((wj, j) => wj + x.length * (w1[j] - wj)), b1];
    };
    expect(() => checkNeuronStep(weightsOnly, 4)).toThrow('Δw1, Δw2 are 25 times too large, the size of the batch: average those gradients over the batch');
  });

  it('a flipped sign: "the sign is flipped"', () => {
    expect(() => checkNeuronStep(scaledStep(-1), 2)).toThrow('the sign is flipped: you got exactly −1 × the expected values');
  });

  it("σ' applied to the output instead of the pre-activation, in derivativeOfSigmoid", () => {
    const onOutput = (a: Vector) => neuron.derivativeOfSigmoid(a.map(sigma));
    expect(() => checkDerivativeOfSigmoid(onOutput)).toThrow("σ' is applied to the output y = σ(a), not to the pre-activation a");
  });

  it("σ' taken at the output y in updateWeights", () => {
    const onOutput = (x: Matrix, t: Vector, w: Vector, b: number, lr: number): [Vector, number] => {
      const [y] = neuron.evaluateNeuron(x, w, b);
      const delta = y.map((yi, i) => (yi - t[i]) * neuron.derivativeOfSigmoid([yi])[0]);
      const n = x.length;
      return [w.map((wj, j) => wj - (lr * delta.reduce((s, d, i) => s + d * x[i][j], 0)) / n), b - (lr * delta.reduce((s, d) => s + d, 0)) / n];
    };
    expect(() => checkNeuronStep(onOutput, 3)).toThrow("σ' is taken at the output y instead of the pre-activation a");
  });

  it('transposed weights: "the weights are transposed"', () => {
    const transposed = (x: Matrix, w: Vector, b: number, Wt: Matrix, bt: Vector) => network.evaluateNetwork(x, w, b, [[Wt[0][0], Wt[1][0]], [Wt[0][1], Wt[1][1]]], bt);
    expect(() => checkHiddenPreActivation(transposed)).toThrow('the weights are transposed: Wt[k][j] joins input k to hidden neuron j');
  });

  it('a changed input: names the input and the entry', () => {
    const mutating = (x: Matrix, t: Vector, w: Vector, b: number, lr: number): [Vector, number] => {
      const [w1, b1] = neuron.updateWeights(x, t, w, b, lr);
      w[0] = w1[0];
      return [w1, b1];
    };
    expect(() =>
      checkUnchanged('updateWeights', { x: [[1, 2]], t: [1], w: [0.5, 0.5] }, (c) => mutating(c.x as Matrix, c.t as Vector, c.w as Vector, 0, 0.5)),
    ).toThrow(/^updateWeights changed its input w \(entry 0 was 0\.5, now 0\.5\d+\): do not modify the arguments/);
  });

  it('a step check is relative: a relative error of 1e-5 on a small step fails at 1e-6', () => {
    expect(explainMismatch({ what: 'step', got: [0.0100001], expected: [0.01], tolerance: 1e-6, relative: true })).toBe('step: expected 1 value; first difference at index 0: expected 0.01, got 0.0100001 (relative tolerance 0.000001)');
    expect(explainMismatch({ what: 'step', got: [0.01000000001], expected: [0.01], tolerance: 1e-6, relative: true })).toBeUndefined();
  });

  it('anything else: shapes, the first differing index and the tolerance', () => {
    expect(explainMismatch({ what: 'y', got: [1, 2], expected: [1, 2, 3] })).toBe('y: expected 3 values, got 2 values');
    expect(explainMismatch({ what: 'y', got: [1, 2.5, 3], expected: [1, 2, 3], tolerance: 1e-9 })).toBe('y: expected 3 values; first difference at index 1: expected 2, got 2.5 (tolerance 1e-9)');
    expect(explainMismatch({ what: 'y', got: [1, Number.NaN], expected: [1, 2] })).toMatch(/^y: got NaN at index 1: NaN comes from arithmetic on undefined, which an array read past its end gives/);
  });
});
