/**
 * `npm run gradcheck -- FUNCTION`: is the student's gradient step the gradient? For one small,
 * fixed problem per function, the step the student's code takes on each parameter (new − old)
 * is set beside −lr × the central-difference gradient of the loss, ∂J/∂θ ≈ (J(θ+h) − J(θ−h))/2h.
 * The gradients are the reference's, precomputed into tests/fixtures.json (npm run make-fixtures),
 * never the student's own loss, so a bug elsewhere in the student's code cannot hide one in the
 * gradient; and this file, which students have, holds no loss or forward pass to copy.
 *
 * The ratio step / expected names the usual bugs: 1 is right, −1 a flipped sign, N a gradient
 * summed instead of averaged over the N samples, 0 a parameter never updated.
 */
import { Mat } from '../lib/matrix';
import type { Activation, Cost } from '../lib/notebook';
import type { Matrix, Vector } from '../lib/types';
import { fixture } from '../tests/helpers';
import { testQuartic, testSin, testSoftsign, testSquash } from '../tests/functions';
import { UsageError } from './cli/errors';
import { makeTable } from './cli/flags';
import { loadModule, type Target } from './targets';

type NeuronModule = typeof import('../exercises/neuron');
type NetworkModule = typeof import('../exercises/network');
type LogisticRegressionModule = typeof import('../exercises/logistic_regression');
/** What both Part 3 backprops share: new weights and biases first. */
type BackpropModule = { backprop(x: Mat, y: Mat, ws: Mat[], bs: Mat[], actFs: Activation[], costF: Cost, lrate: number, epochs: number): [Mat[], Mat[], ...unknown[]] };

/** The step of the central differences (instructor/fixtures/fixtures.ts takes them). */
export const H = 1e-5;
/** |ratio − 1| below this is a match (central differences are good to about 1e-9 here). */
const TOLERANCE = 1e-5;

export interface GradientRow {
  parameter: string;
  /** the student's step on this parameter: new − old */
  step: number;
  /** −lr × the central-difference gradient */
  expected: number;
  ratio: number;
  verdict: string;
  ok: boolean;
}

export interface GradientCheck {
  /** e.g. "Part 1, neuron.ts › updateWeights" */
  title: string;
  /** the problem: batch size, learning rate, network */
  setting: string;
  rows: GradientRow[];
}

/** A flat list of parameters: each a name, and how the student's step moves them. */
export interface Problem {
  /** module.function: the key of its gradient in tests/fixtures.json */
  key: string;
  part: number;
  module: string;
  function: string;
  setting: string;
  /** the parameters' names, in order */
  names: string[];
  /** the current parameter values, flattened in `names` order */
  values: number[];
  /** runs the student's step once; returns the new values, flattened */
  step(target: Target): number[];
  learningRate: number;
  batchSize: number;
}

// --- the fixed data: 6 samples, both classes ---
export const X: Matrix = [[0.5, -1.2], [1.5, 0.3], [-0.7, 0.8], [0.2, 1.9], [-1.4, -0.4], [1.1, -0.9]];
export const T: Vector = [1, 0, 1, 0, 0, 1];
const N = X.length;
export const XM = Mat.from(X);
export const YM = Mat.column(T);

const problem = (p: Omit<Problem, 'key' | 'learningRate' | 'batchSize'>): Problem => ({ ...p, key: `${p.module}.${p.function}`, learningRate: 0.5, batchSize: N });

const neuronProblem = problem({
  part: 1,
  module: 'neuron',
  function: 'updateWeights',
  setting: `${N} samples, lr 0.5`,
  names: ['w[0]', 'w[1]', 'b'],
  values: [0.3, -0.2, 0.1],
  step: (target) => {
    const [w, b] = loadModule<NeuronModule>(target, 'neuron').updateWeights(X.map((r) => [...r]), [...T], [0.3, -0.2], 0.1, 0.5);
    return [...w, b];
  },
});

/** The 2-2-1 network's parameters, flattened: w (2), b, W̃ (2×2 row by row), b̃ (2). */
export const NETWORK_START = [0.4, -0.3, 0.1, 0.2, -0.5, 0.7, 0.1, 0.05, -0.1];

const networkProblem = problem({
  part: 2,
  module: 'network',
  function: 'updateWeights',
  setting: `2-2-1 sigmoid network, ${N} samples, lr 0.5`,
  names: ['w[0]', 'w[1]', 'b', 'Wt[0][0]', 'Wt[0][1]', 'Wt[1][0]', 'Wt[1][1]', 'bt[0]', 'bt[1]'],
  values: NETWORK_START,
  step: (target) => {
    const [w0, w1, b, W00, W01, W10, W11, bt0, bt1] = NETWORK_START;
    const [w, bNew, Wt, bt] = loadModule<NetworkModule>(target, 'network').updateWeights(X.map((r) => [...r]), [...T], [w0, w1], b, [[W00, W01], [W10, W11]], [bt0, bt1], 0.5);
    return [...w, bNew, ...Wt.flat(), ...bt];
  },
});

/**
 * Part 3 passes the student's functions activations and a cost of the tests' own (tests/functions.ts),
 * none of them a graded function: this file, which students have, computes nothing they must write.
 */
export const PART3_COST: Cost = testQuartic;

/** The layers' shapes and a start, W_l and b_l flattened layer by layer. */
export function layered(sizes: number[], activations: Activation[]) {
  const shapes = sizes.slice(1).flatMap((n, l) => [[sizes[l], n], [1, n]] as [number, number][]);
  const names = sizes.slice(1).flatMap((n, l) => [
    ...Array.from({ length: sizes[l] * n }, (_, k) => `W${l + 1}[${Math.floor(k / n)}][${k % n}]`),
    ...Array.from({ length: n }, (_, j) => `b${l + 1}[${j}]`),
  ]);
  // small fixed values, different for every parameter: no symmetry for a bug to hide behind
  const values = names.map((_, i) => 0.35 * Math.sin(1.7 * i + 0.4));
  const unflatten = (flat: number[]) => {
    let at = 0;
    const mats = shapes.map(([r, c]) => {
      const m = new Mat(r, c);
      for (let k = 0; k < r * c; k++) m.data[k] = flat[at++];
      return m;
    });
    return { ws: mats.filter((_, i) => i % 2 === 0), bs: mats.filter((_, i) => i % 2 === 1) };
  };
  return { names, values, unflatten, activations };
}

/** A Part 3 backprop problem: the student's `module`.backprop, one epoch of `net`. */
function backpropProblem(module: 'one_hidden_layer' | 'mlp', net: ReturnType<typeof layered>, layers: string): Problem {
  return problem({
    part: 3,
    module,
    function: 'backprop',
    setting: `${layers}, the tests' quartic cost, ${N} examples, lrate 0.5`,
    names: net.names,
    values: net.values,
    step: (target) => {
      const { ws, bs } = net.unflatten(net.values);
      const [ws1, bs1] = loadModule<BackpropModule>(target, module).backprop(XM, YM, ws, bs, net.activations, PART3_COST, 0.5, 1);
      return ws1.flatMap((w, l) => [...w.data, ...bs1[l].data]);
    },
  });
}

export const HIDDEN = layered([2, 3, 1], [testSoftsign, testSquash]);
export const DEEP = layered([2, 3, 3, 1], [testSoftsign, testSin, testSquash]);
const oneHiddenProblem = backpropProblem('one_hidden_layer', HIDDEN, '2-3-1 softsign/squash');
const mlpProblem = backpropProblem('mlp', DEEP, '2-3-3-1 softsign/sin/squash');

export const LOGISTIC_START = [1, 2, 0];
const logisticProblem = problem({
  part: 3,
  module: 'logistic_regression',
  function: 'gradientDescent',
  setting: `the tests' quartic cost, ${N} examples, lrate 0.5, one epoch (uses your logistic from activations.ts)`,
  names: ['ws[0]', 'ws[1]', 'b'],
  values: LOGISTIC_START,
  step: (target) => {
    const [ws, b] = loadModule<LogisticRegressionModule>(target, 'logistic_regression').gradientDescent(XM, YM, Mat.column(LOGISTIC_START.slice(0, 2)), LOGISTIC_START[2], 0.5, 1, PART3_COST);
    return [...ws.data, b];
  },
});

export const PROBLEMS: Problem[] = [neuronProblem, networkProblem, logisticProblem, oneHiddenProblem, mlpProblem];

/** What a ratio says about the step. */
function verdict(step: number, expected: number, batchSize: number): { verdict: string; ok: boolean } {
  const near = (value: number, goal: number, tolerance = 1e-3) => Math.abs(value - goal) <= tolerance * Math.max(1, Math.abs(goal));
  if (Math.abs(expected) < 1e-12) return Math.abs(step) < 1e-12 ? { verdict: 'ok (no gradient here)', ok: true } : { verdict: 'moves a parameter whose gradient is 0', ok: false };
  const ratio = step / expected;
  if (Math.abs(ratio - 1) <= TOLERANCE) return { verdict: 'ok', ok: true };
  if (step === 0) return { verdict: 'not updated', ok: false };
  if (near(ratio, -1)) return { verdict: 'sign flipped: this steps uphill', ok: false };
  if (near(ratio, batchSize)) return { verdict: `${batchSize} times too large: average over the batch`, ok: false };
  if (near(ratio, 1 / batchSize)) return { verdict: `${batchSize} times too small: divided by N twice?`, ok: false };
  if (near(ratio, 2) || near(ratio, 0.5)) return { verdict: `${near(ratio, 2) ? 'twice' : 'half'} the step: a factor 2 (the 1/2 in J?)`, ok: false };
  return { verdict: 'wrong', ok: false };
}

/** Checks one problem against the student's code in `target`. */
export function checkProblem(problem: Problem, target: Target): GradientCheck {
  const after = problem.step(target);
  if (after.length !== problem.values.length || after.some((v) => typeof v !== 'number')) {
    throw new UsageError(`${problem.module}.ts › ${problem.function} returned ${after.length} parameters, expected ${problem.values.length}: check the shapes it returns`);
  }
  const gradients = fixture<Record<string, number[]>>('gradcheck')[problem.key];
  const rows = problem.names.map((parameter, i) => {
    const gradient = gradients[i];
    const step = after[i] - problem.values[i];
    const expected = -problem.learningRate * gradient;
    return { parameter, step, expected, ratio: step / expected, ...verdict(step, expected, problem.batchSize) };
  });
  return { title: `Part ${problem.part}, ${problem.module}.ts › ${problem.function}`, setting: problem.setting, rows };
}

/** "updateWeights" (every module with it) or "network.updateWeights". */
export function problemsFor(name: string): Problem[] {
  const [module, fn] = name.includes('.') ? name.split('.', 2) : [undefined, name];
  const found = PROBLEMS.filter((p) => p.function === fn && (module === undefined || p.module === module));
  if (found.length === 0) {
    const choices = PROBLEMS.map((p) => `${p.module}.${p.function}`).join(', ');
    throw new UsageError(`gradcheck knows no "${name}": it checks the functions that take a gradient step, ${choices}`);
  }
  return found;
}

/** Every check for `name` in the student's code; the tables as text, and whether all rows pass. */
export function gradientCheck(name: string, target: Target): { checks: GradientCheck[]; text: string; ok: boolean } {
  const checks = problemsFor(name).map((problem) => checkProblem(problem, target));
  const text = checks.map(formatCheck).join('\n\n');
  return { checks, text, ok: checks.every((c) => c.rows.every((r) => r.ok)) };
}

const number = (v: number) => (Number.isFinite(v) ? v.toExponential(6) : String(v));

export function formatCheck(check: GradientCheck): string {
  const table = makeTable(['parameter', 'your step', '−lr × numerical ∂J', 'ratio', 'verdict'], ['left', 'right', 'right', 'right', 'left']);
  for (const row of check.rows) table.push([row.parameter, number(row.step), number(row.expected), Number.isFinite(row.ratio) ? row.ratio.toFixed(6) : '–', row.verdict]);
  const failing = check.rows.filter((r) => !r.ok).length;
  const summary = failing === 0 ? 'every parameter matches the numerical gradient' : `${failing} of ${check.rows.length} parameters do not match`;
  return `${check.title} (${check.setting})\n${table.toString()}\n${summary}`;
}
