/**
 * Checks shared by the exercise suites and by instructor/tests/feedback.test.ts, which feeds them
 * deliberately wrong implementations to prove that each common mistake gets its own message.
 * A check exercises one function alone: the expected steps are precomputed from the reference
 * (tests/fixtures.json), never derived from the student's own lossFunction.
 */
import { RandomState } from '../course/numpy/random';
import type { Matrix, Vector } from '../lib/types';
import { expectMatch, expectUnchanged, type Suspect } from './feedback';
import { copy, fixture, randomMatrix, randomTargets, sigma, testCubic, testQuartic, testSin, testSoftsign, testSquash } from './helpers';

type NeuronUpdate = (x: Matrix, t: Vector, w: Vector, b: number, lr: number) => [Vector, number];
type NetworkEvaluate = (x: Matrix, w: Vector, b: number, Wt: Matrix, bt: Vector) => [Vector, Vector, Matrix, Matrix];
type NetworkUpdate = (x: Matrix, t: Vector, w: Vector, b: number, Wt: Matrix, bt: Vector, lr: number) => [Vector, number, Matrix, Vector];

const slope = (s: number): number => s * (1 - s);

/** Part 1's hand-checked batch: a = x·w + b = [0.5 − 0.5 + 0.1, 0.1, −0.5 − 0.25 + 0.1] = [0.1, 0.1, −0.65]. */
export const NEURON_CONSTANTS = { x: [[1, 2], [0, 0], [-1, 1]], w: [0.5, -0.25], b: 0.1, t: [1, 0, 0] };

/** Part 2's hand-checked network. Sample [1, 2]: a_h = [1·0.5 + 2·(−1) + 0.1, 1·0.25 + 2·0.75 − 0.2] = [−1.4, 1.55]. */
export const NETWORK_CONSTANTS = { x: [[1, 2], [0, 0], [-1, 0.5]], t: [1, 0, 1], w: [1.5, -2], b: 0.3, Wt: [[0.5, 0.25], [-1, 0.75]], bt: [0.1, -0.2] };

/** The N-layer backprop cases: name, widths, activations, cost. */
export const MLP_CASES = [
  ['2-3-1, softsign/squash, quartic cost', [2, 3, 1], [testSoftsign, testSquash], testQuartic],
  ['2-4-3-2-1, softsign/sin/softsign/squash, cubic cost', [2, 4, 3, 2, 1], [testSoftsign, testSin, testSoftsign, testSquash], testCubic],
  ['2-1, squash, quartic cost', [2, 1], [testSquash], testQuartic],
] as const;

/** σ'(a) at the pre-activation; names σ' taken at the output and the formula applied to a itself. */
export function checkDerivativeOfSigmoid(derivativeOfSigmoid: (a: Vector) => Vector): void {
  const a = [-3, -0.5, 0.1, 2];
  expectMatch({
    what: "σ'(a)",
    got: derivativeOfSigmoid(a),
    expected: fixture<Vector>('derivativeOfSigmoid'),
    tolerance: 1e-12,
    suspects: [
      { values: a.map((v) => slope(sigma(sigma(v)))), mistake: "σ' is applied to the output y = σ(a), not to the pre-activation a: return σ(a)·(1 − σ(a)) for each a." },
      { values: a.map(slope), mistake: 'a·(1 − a) is the formula applied to a itself: first compute s = σ(a), then s·(1 − s).' },
    ],
  });
}

/** The random batch and parameters of neuron step case `seed`. */
export function neuronStepCase(seed: number): { x: Matrix; t: Vector; w: Vector; b: number; lr: number } {
  const rs = new RandomState(seed);
  const n = 25;
  const x = randomMatrix(rs, n, 2, 1.5);
  const t = randomTargets(rs, n);
  const [w, b] = [rs.randn(2), rs.randn(1)[0]];
  return { x, t, w, b, lr: 0.5 };
}

/** One neuron step equals −lr × the central-difference gradient of the reference's loss (case `seed`, 1–4). */
export function checkNeuronStep(updateWeights: NeuronUpdate, seed: number): void {
  const { x, t, w, b, lr } = neuronStepCase(seed);
  // on copies: a function that changes its inputs is named by the suites' "unchanged" test, not here
  const [w1, b1] = updateWeights(x, t, copy(w), b, lr);
  const { expected, outputSlope } = fixture<{ expected: Vector; outputSlope: Vector }[]>('neuronSteps')[seed - 1];
  const suspects: Suspect[] = [{ values: outputSlope, mistake: "σ' is taken at the output y instead of the pre-activation a: δ_i = (y_i − t_i)·σ'(a_i), with σ'(a) = σ(a)(1 − σ(a)) = y(1 − y)." }];
  expectMatch({
    what: 'the step (Δw1, Δw2, Δb)',
    got: [w1[0] - w[0], w1[1] - w[1], b1 - b],
    expected,
    tolerance: 1e-6,
    relative: true,
    batchSize: x.length,
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

/** The random batch and parameters of network step case `seed`. */
export function networkStepCase(seed: number): { x: Matrix; t: Vector; w: Vector; b: number; Wt: Matrix; bt: Vector; lr: number } {
  const rs = new RandomState(seed);
  const n = 20;
  const x = randomMatrix(rs, n, 2, 1.5);
  const t = randomTargets(rs, n);
  const [w, b, Wt, bt] = [rs.randn(2), rs.randn(1)[0], rs.randn(2, 2), rs.randn(2)];
  return { x, t, w, b, Wt, bt, lr: 0.5 };
}

/** One network step equals −lr × the central-difference gradient of the reference's loss, all 9 parameters (case `seed`, 1–3). */
export function checkNetworkStep(updateWeights: NetworkUpdate, seed: number): void {
  const { x, t, w, b, Wt, bt, lr } = networkStepCase(seed);
  // on copies: a function that changes its inputs is named by the suites' "unchanged" test, not here
  const [w1, b1, Wt1, bt1] = updateWeights(x, t, copy(w), b, copy(Wt), copy(bt), lr);
  expectMatch({
    what: 'the step (Δw1, Δw2, Δb, ΔWt00, ΔWt01, ΔWt10, ΔWt11, Δbt1, Δbt2)',
    got: [w1[0] - w[0], w1[1] - w[1], b1 - b, Wt1[0][0] - Wt[0][0], Wt1[0][1] - Wt[0][1], Wt1[1][0] - Wt[1][0], Wt1[1][1] - Wt[1][1], bt1[0] - bt[0], bt1[1] - bt[1]],
    expected: fixture<Vector[]>('networkSteps')[seed - 1],
    tolerance: 1e-6,
    relative: true,
    batchSize: x.length,
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
