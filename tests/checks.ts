/**
 * Checks shared by the exercise suites and by tests/lib/feedback.test.ts, which feeds them
 * deliberately wrong implementations to prove that each common mistake gets its own message.
 */
import { RandomState } from '../course/numpy/random';
import type { Matrix, Vector } from '../lib/types';
import { expectMatch, expectUnchanged, type Suspect } from './feedback';
import { centralDifference, copy, randomMatrix, randomTargets, sigma } from './helpers';

type NeuronUpdate = (x: Matrix, t: Vector, w: Vector, b: number, lr: number) => [Vector, number];
type NeuronLoss = (x: Matrix, t: Vector, w: Vector, b: number) => number;
type NetworkEvaluate = (x: Matrix, w: Vector, b: number, Wt: Matrix, bt: Vector) => [Vector, Vector, Matrix, Matrix];
type NetworkUpdate = (x: Matrix, t: Vector, w: Vector, b: number, Wt: Matrix, bt: Vector, lr: number) => [Vector, number, Matrix, Vector];
type NetworkLoss = (x: Matrix, t: Vector, w: Vector, b: number, Wt: Matrix, bt: Vector) => number;

const slope = (s: number): number => s * (1 - s);

/** σ'(a) at the pre-activation; names σ' taken at the output and the formula applied to a itself. */
export function checkDerivativeOfSigmoid(derivativeOfSigmoid: (a: Vector) => Vector): void {
  const a = [-3, -0.5, 0.1, 2];
  expectMatch({
    what: "σ'(a)",
    got: derivativeOfSigmoid(a),
    expected: a.map((v) => slope(sigma(v))),
    tolerance: 1e-12,
    suspects: [
      { values: a.map((v) => slope(sigma(sigma(v)))), mistake: "σ' is applied to the output y = σ(a), not to the pre-activation a: return σ(a)·(1 − σ(a)) for each a." },
      { values: a.map(slope), mistake: 'a·(1 − a) is the formula applied to a itself: first compute s = σ(a), then s·(1 − s).' },
    ],
  });
}

/** One neuron step equals −lr × the central-difference gradient of lossFunction. */
export function checkNeuronStep(updateWeights: NeuronUpdate, lossFunction: NeuronLoss, seed: number): void {
  const rs = new RandomState(seed);
  const n = 25;
  const x = randomMatrix(rs, n, 2, 1.5);
  const t = randomTargets(rs, n);
  const [w, b] = [rs.randn(2), rs.randn(1)[0]];
  const lr = 0.5;
  // on copies: a function that changes its inputs is named by the suites' "unchanged" test, not here
  const [w1, b1] = updateWeights(x, t, copy(w), b, lr);
  const gradW = w.map((_, j) => centralDifference((v) => lossFunction(x, t, w.map((wk, k) => (k === j ? v : wk)), b), w[j]));
  const gradB = centralDifference((v) => lossFunction(x, t, w, v), b);
  // the step a student gets with σ' taken at the output y instead of the pre-activation a
  const outputSlope = (() => {
    const delta = x.map((row, i) => {
      const y = sigma(row[0] * w[0] + row[1] * w[1] + b);
      return (y - t[i]) * slope(sigma(y));
    });
    return [...w.map((_, j) => (-lr * delta.reduce((s, d, i) => s + d * x[i][j], 0)) / n), (-lr * delta.reduce((s, d) => s + d, 0)) / n];
  })();
  const suspects: Suspect[] = [{ values: outputSlope, mistake: "σ' is taken at the output y instead of the pre-activation a: δ_i = (y_i − t_i)·σ'(a_i), with σ'(a) = σ(a)(1 − σ(a)) = y(1 − y)." }];
  expectMatch({
    what: 'the step (Δw1, Δw2, Δb)',
    got: [w1[0] - w[0], w1[1] - w[1], b1 - b],
    expected: [...gradW.map((g) => -lr * g), -lr * gradB],
    tolerance: 1e-6,
    relative: true,
    batchSize: n,
    labels: ['Δw1', 'Δw2', 'Δb'],
    suspects,
  });
}

/** a_h = x·W̃ + b̃ with W̃[k][j] from input k to hidden neuron j; names transposed weights. */
export function checkHiddenPreActivation(evaluateNetwork: NetworkEvaluate): void {
  const x = [[1, 2], [-0.5, 0.25], [0, 1]];
  const Wt = [[0.5, 0.25], [-1, 0.75]];
  const bt = [0.1, -0.2];
  const product = (W: Matrix) => x.map((xi) => [0, 1].map((j) => xi[0] * W[0][j] + xi[1] * W[1][j] + bt[j]));
  const transposed = [[Wt[0][0], Wt[1][0]], [Wt[0][1], Wt[1][1]]];
  expectMatch({
    what: 'aH',
    got: evaluateNetwork(x, [1.5, -2], 0.3, Wt, bt)[3],
    expected: product(Wt),
    tolerance: 1e-12,
    suspects: [{ values: product(transposed).flat(), mistake: 'the weights are transposed: Wt[k][j] joins input k to hidden neuron j, so aH[j] = Σ_k x[k]·Wt[k][j] + bt[j].' }],
  });
}

/** One network step equals −lr × the central-difference gradient of lossFunction, all 9 parameters. */
export function checkNetworkStep(updateWeights: NetworkUpdate, lossFunction: NetworkLoss, seed: number): void {
  const rs = new RandomState(seed);
  const n = 20;
  const x = randomMatrix(rs, n, 2, 1.5);
  const t = randomTargets(rs, n);
  const [w, b, Wt, bt] = [rs.randn(2), rs.randn(1)[0], rs.randn(2, 2), rs.randn(2)];
  const lr = 0.5;
  // on copies: a function that changes its inputs is named by the suites' "unchanged" test, not here
  const [w1, b1, Wt1, bt1] = updateWeights(x, t, copy(w), b, copy(Wt), copy(bt), lr);
  const loss = (p: { w: Vector; b: number; Wt: Matrix; bt: Vector }) => lossFunction(x, t, p.w, p.b, p.Wt, p.bt);
  const base = { w, b, Wt, bt };
  const replace = <T>(array: T[], index: number, value: T) => array.map((v, i) => (i === index ? value : v));
  const gradient = [
    ...[0, 1].map((j) => centralDifference((v) => loss({ ...base, w: replace(w, j, v) }), w[j])),
    centralDifference((v) => loss({ ...base, b: v }), b),
    ...[0, 1].flatMap((k) => [0, 1].map((j) => centralDifference((v) => loss({ ...base, Wt: replace(Wt, k, replace(Wt[k], j, v)) }), Wt[k][j]))),
    ...[0, 1].map((j) => centralDifference((v) => loss({ ...base, bt: replace(bt, j, v) }), bt[j])),
  ];
  expectMatch({
    what: 'the step (Δw1, Δw2, Δb, ΔWt00, ΔWt01, ΔWt10, ΔWt11, Δbt1, Δbt2)',
    got: [w1[0] - w[0], w1[1] - w[1], b1 - b, Wt1[0][0] - Wt[0][0], Wt1[0][1] - Wt[0][1], Wt1[1][0] - Wt[1][0], Wt1[1][1] - Wt[1][1], bt1[0] - bt[0], bt1[1] - bt[1]],
    expected: gradient.map((g) => -lr * g),
    tolerance: 1e-6,
    relative: true,
    batchSize: n,
    labels: ['Δw1', 'Δw2', 'Δb', 'ΔWt00', 'ΔWt01', 'ΔWt10', 'ΔWt11', 'Δbt1', 'Δbt2'],
    groups: [{ entries: [3, 4, 5, 6, 7, 8], mistake: "the output neuron's step is right, so the error is in the hidden δ: δ_h,j = δ_y·w_j·σ'(a_h,j). Is σ'(a_h,j) = h_j(1 − h_j) there, and is w_j the old one (before its update)?" }],
  });
}

/** Calls `call` on deep copies of `inputs` and fails, naming the input, if it changed any. */
export function checkUnchanged(functionName: string, inputs: Record<string, unknown>, call: (copies: Record<string, unknown>) => void): void {
  const copies = copy(inputs);
  call(copies);
  expectUnchanged(functionName, copies, inputs);
}
