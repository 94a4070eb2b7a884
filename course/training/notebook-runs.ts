/**
 * The notebook's training runs, shared by train:logreg, train:mlp and the demo: validated
 * settings in, trained parameters, costs, plots and a JSON summary out.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { prepareOutputs, type OutputArgs } from '../cli/flags';
import { DivergenceError, UsageError } from '../cli/errors';
import { Mat, addRowVector, matmul } from '../../lib/matrix';
import { type Activation, type Cost } from '../../lib/notebook';
import { TRUE_CURVES, notebookData, type DataShape } from '../data/notebook-data';
import { plotNotebookDecision, plotNotebookHidden, trueCurvePoints } from '../plots/notebook-plots';
import { renderCurve } from '../plots/charts';
import { RandomState } from '../numpy/random';
import { loadModule, type Target } from '../targets';
import type { Matrix } from '../../lib/types';

type ActivationsModule = typeof import('../../exercises/activations');
type CostsModule = typeof import('../../exercises/costs');
type LogisticRegressionModule = typeof import('../../exercises/logistic_regression');
type OneHiddenLayerModule = typeof import('../../exercises/one_hidden_layer');
type MlpModule = typeof import('../../exercises/mlp');

export const ACTIVATIONS = ['logistic', 'tanh', 'relu'] as const;
export type ActivationName = (typeof ACTIVATIONS)[number];
export const COSTS = ['cross-entropy', 'mse'] as const;
export type CostName = (typeof COSTS)[number];
export const DATA_SHAPES = ['sin', 'linear'] as const;

function costFunction(target: Target, name: CostName): Cost {
  const costs = loadModule<CostsModule>(target, 'costs');
  return name === 'mse' ? costs.meanSquaredError : costs.crossEntropy;
}

function activationFunctions(target: Target, names: ActivationName[]): Activation[] {
  const activations = loadModule<ActivationsModule>(target, 'activations');
  return names.map((name) => activations[name]);
}

/** Predictions ≥ 0.5 that differ from the 0/1 targets. */
function countMisclassified(output: Mat, y: Mat): number {
  let wrong = 0;
  for (let i = 0; i < y.data.length; i++) if ((output.data[i] >= 0.5 ? 1 : 0) !== y.data[i]) wrong += 1;
  return wrong;
}

function finish(args: OutputArgs, summary: Record<string, unknown>, lines: string[]): void {
  if (!args.quiet) for (const line of lines) console.log(line);
  if (args.json !== undefined) {
    writeFileSync(args.json, `${JSON.stringify(summary, null, 2)}\n`);
    if (!args.quiet) console.log(`summary: ${args.json}`);
  }
}

// ---------------------------------------------------------------- logistic regression

export interface LogregArgs extends OutputArgs {
  data: DataShape;
  cost: CostName;
  learningRate: number;
  epochs: number;
}

export interface NotebookRun {
  finalCost: number;
  misclassified: number;
  costs: number[];
  seconds: number;
  plots: string[];
  summary: Record<string, unknown>;
}

/** The notebook's logistic regression: ws = [1, 2], b = 0, full-batch gradient descent. */
export function runLogreg(args: LogregArgs): NotebookRun {
  const outDir = prepareOutputs(args.out, args.json);
  const { gradientDescent } = loadModule<LogisticRegressionModule>(args.target, 'logistic_regression');
  const { logistic } = loadModule<ActivationsModule>(args.target, 'activations');
  const cost = costFunction(args.target, args.cost);
  const { x, y } = notebookData(args.data);

  const start = performance.now();
  const [ws, b, , costs] = gradientDescent(x, y, Mat.column([1, 2]), 0, args.learningRate, args.epochs, cost);
  const seconds = (performance.now() - start) / 1000;

  const predict = (points: Mat) => logistic(addRowVector(matmul(points, ws), Mat.from([[b]]))); // σ(x·ws + b)
  const output = predict(x);
  const finalCost = cost(output, y);
  const misclassified = countMisclassified(output, y);
  if (!Number.isFinite(finalCost)) throw new DivergenceError(`training diverged: the final cost is ${finalCost}. Try a smaller --learning-rate.`);

  const settings = `${args.cost}, lr ${args.learningRate}, ${args.epochs} epochs`;
  const plots: string[] = [];
  if (args.plots) {
    const stem = path.join(outDir, `logreg-${args.data}`);
    const xs = x.toArray().map((r) => r[0]);
    plotNotebookDecision(`${stem}-decision.png`, {
      x: x.toArray(),
      y: Array.from(y.data),
      curves: trueCurvePoints(TRUE_CURVES[args.data], Math.min(...xs) - 1, Math.max(...xs) + 1),
      output: (grid) => Array.from(predict(Mat.from(grid)).data),
      line: { w: [ws.data[0], ws.data[1]], b, label: 'boundary x2 = −(b + ws1·x1)/ws2' },
      title: `Logistic regression on the ${args.data} data (${settings}): ${misclassified} of 25 misclassified`,
    });
    renderCurve(`${stem}-cost.png`, costs, `Cost per epoch, logistic regression on the ${args.data} data (${settings})`, `${args.cost} cost (log scale)`);
    plots.push(`${stem}-decision.png`, `${stem}-cost.png`);
  }
  const summary = { parameters: { ws: Array.from(ws.data), b }, finalCost, misclassified, costs };
  finish(args, summary, [
    `Logistic regression (${args.target.name}/) on the ${args.data} data: ${settings}`,
    `ws = [${Array.from(ws.data).map((v) => v.toFixed(4)).join(', ')}], b = ${b.toFixed(4)}`,
    `final cost ${finalCost.toExponential(4)}, ${misclassified} of ${y.rows} misclassified; training took ${seconds.toFixed(3)} s`,
    ...(plots.length > 0 ? [`plots: ${plots.map((p) => path.relative(process.cwd(), p)).join(', ')}`] : []),
  ]);
  return { finalCost, misclassified, costs, seconds, plots, summary };
}

// ---------------------------------------------------------------- networks

export interface MlpArgs extends OutputArgs {
  layers: number[];
  activations: ActivationName[];
  cost: CostName;
  learningRate: number;
  epochs: number;
  seed: number;
  initScale: number;
  data: DataShape;
  /** names the plots: mlp-<name>-decision.png */
  name: string;
}

export const PRESETS: Record<'hidden2' | 'deep', Omit<MlpArgs, keyof OutputArgs | 'name'>> = {
  hidden2: { layers: [2, 2, 1], activations: ['tanh', 'logistic'], cost: 'cross-entropy', learningRate: 0.1, epochs: 10000, seed: 4242, initScale: 0.1, data: 'sin' },
  deep: { layers: [2, 200, 200, 2, 1], activations: ['relu', 'tanh', 'relu', 'logistic'], cost: 'mse', learningRate: 0.05, epochs: 2000, seed: 42, initScale: 0.1, data: 'sin' },
};

/** Checks a network's shape against the data (2 inputs, 1 output) and its activations. */
export function validateNetwork(layers: number[], activations: string[]): void {
  if (layers.length < 2) throw new UsageError(`--layers needs at least an input and an output size, got ${layers.join(',')}`);
  if (layers.some((n) => !Number.isInteger(n) || n < 1)) throw new UsageError(`--layers sizes must be whole numbers ≥ 1, got ${layers.join(',')}`);
  if (layers[0] !== 2) throw new UsageError(`--layers must start with 2 (the data has two features), got ${layers[0]}`);
  if (layers[layers.length - 1] !== 1) throw new UsageError(`--layers must end with 1 (one output per example), got ${layers[layers.length - 1]}`);
  if (activations.length !== layers.length - 1) {
    throw new UsageError(`--activations needs one name per layer after the input: ${layers.length - 1} for --layers ${layers.join(',')}, got ${activations.length}`);
  }
  const unknown = activations.filter((a) => !(ACTIVATIONS as readonly string[]).includes(a));
  if (unknown.length > 0) throw new UsageError(`unknown activation ${unknown.join(', ')}: choose from ${ACTIVATIONS.join(', ')}`);
}

/** W_l = randn(n_{l−1}, n_l)·initScale in layer order (one RandomState), b_l = 0. */
export function initialParameters(layers: number[], seed: number, initScale: number): { ws: Mat[]; bs: Mat[] } {
  const rs = new RandomState(seed);
  const ws = layers.slice(0, -1).map((n, l) => Mat.from(rs.randn(n, layers[l + 1]).map((row) => row.map((v) => v * initScale))));
  const bs = layers.slice(1).map((n) => new Mat(1, n));
  return { ws, bs };
}

type Backprop = (x: Mat, y: Mat, ws: Mat[], bs: Mat[], actFs: Activation[], costF: Cost, lrate: number, epochs: number) => [Mat[], Mat[], Mat[], Mat[]];
type Forward = (x: Mat, ws: Mat[], bs: Mat[], actFs: Activation[]) => [Mat[], Mat[]];

/** One hidden layer trains with one_hidden_layer.ts, any other depth with mlp.ts. */
function networkModule(target: Target, layers: number[]): { file: string; backprop: Backprop; forwardPass: Forward } {
  if (layers.length === 3) {
    const one = loadModule<OneHiddenLayerModule>(target, 'one_hidden_layer');
    return {
      file: `${target.name}/one_hidden_layer.ts`,
      backprop: (...a) => {
        const [ws, bs, Z1, A1, Z2, A2] = one.backprop(...a);
        return [ws, bs, [Z1, Z2], [A1, A2]];
      },
      forwardPass: (...a) => {
        const [Z1, A1, Z2, A2] = one.forwardPass(...a);
        return [[Z1, Z2], [A1, A2]];
      },
    };
  }
  const mlp = loadModule<MlpModule>(target, 'mlp');
  return { file: `${target.name}/mlp.ts`, backprop: mlp.backprop, forwardPass: mlp.forwardPass };
}

export function runMlp(args: MlpArgs): NotebookRun {
  validateNetwork(args.layers, args.activations);
  const outDir = prepareOutputs(args.out, args.json);
  const network = networkModule(args.target, args.layers);
  const actFs = activationFunctions(args.target, args.activations);
  const cost = costFunction(args.target, args.cost);
  const { x, y } = notebookData(args.data);
  let { ws, bs } = initialParameters(args.layers, args.seed, args.initScale);
  const settings = `${args.layers.join('-')}, ${args.activations.join('/')}, ${args.cost}, lr ${args.learningRate}, ${args.epochs} epochs, seed ${args.seed}`;
  if (!args.quiet) console.log(`Training with ${network.file} on the ${args.data} data: ${settings}`);

  // one epoch per call: backprop returns that epoch's forward pass, whose cost is the epoch's cost
  const costs: number[] = [];
  let seconds = 0;
  for (let epoch = 0; epoch < args.epochs; epoch++) {
    const start = performance.now();
    const [ws1, bs1, , As] = network.backprop(x, y, ws, bs, actFs, cost, args.learningRate, 1);
    seconds += (performance.now() - start) / 1000;
    [ws, bs] = [ws1, bs1];
    costs.push(cost(As[As.length - 1], y));
    if (!Number.isFinite(costs[epoch])) throw new DivergenceError(`training diverged at epoch ${epoch + 1}: the cost is ${costs[epoch]}. Try a smaller --learning-rate.`);
  }
  const [, As] = network.forwardPass(x, ws, bs, actFs);
  const output = As[As.length - 1];
  const finalCost = cost(output, y);
  const misclassified = countMisclassified(output, y);

  const plots: string[] = [];
  const notes: string[] = [];
  if (args.plots) {
    const stem = path.join(outDir, `mlp-${args.name}`);
    const xs = x.toArray().map((r) => r[0]);
    const curves = trueCurvePoints(TRUE_CURVES[args.data], Math.min(...xs) - 1, Math.max(...xs) + 1);
    const title = `${args.layers.join('-')} network (${args.name}): ${misclassified} of ${y.rows} misclassified`;
    const outputOf = (points: Matrix) => {
      const [, A] = network.forwardPass(Mat.from(points), ws, bs, actFs);
      return Array.from(A[A.length - 1].data);
    };
    plotNotebookDecision(`${stem}-decision.png`, { x: x.toArray(), y: Array.from(y.data), curves, output: outputOf, title: `${title}, input space` });
    renderCurve(`${stem}-cost.png`, costs, `Cost per epoch: ${settings}`, `${args.cost} cost (log scale)`);
    plots.push(`${stem}-decision.png`, `${stem}-cost.png`);
    const last = args.layers.length - 2; // index of the output layer
    if (args.layers[last] === 2) {
      const hiddenOf = (points: Matrix) => network.forwardPass(Mat.from(points), ws, bs, actFs)[1][last - 1].toArray();
      plotNotebookHidden(`${stem}-hidden.png`, {
        hidden: hiddenOf(x.toArray()),
        y: Array.from(y.data),
        curves: [hiddenOf(curves[0]), hiddenOf(curves[1])],
        w: Array.from(ws[last].data),
        b: bs[last].data[0],
        title: `${title}, the space of the last hidden layer`,
      });
      plots.push(`${stem}-hidden.png`);
    } else {
      notes.push(`no hidden-space plot: the last hidden layer has ${args.layers[last]} neurons, the plot needs 2`);
    }
  }
  const summary = { parameters: { ws: ws.map((w) => w.toArray()), bs: bs.map((b) => b.toArray()) }, finalCost, misclassified, costs, seconds };
  finish(args, summary, [
    `final cost ${finalCost.toExponential(4)}, ${misclassified} of ${y.rows} misclassified; training took ${seconds.toFixed(3)} s`,
    ...notes,
    ...(plots.length > 0 ? [`plots: ${plots.map((p) => path.relative(process.cwd(), p)).join(', ')}`] : []),
  ]);
  return { finalCost, misclassified, costs, seconds, plots, summary };
}
