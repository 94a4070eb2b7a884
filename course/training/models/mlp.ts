/**
 * Part 3, the notebook's networks: a preset (hidden2: 2-2-1 tanh/logistic; deep: 2-200-200-2-1)
 * with any field overridden by a flag. W_l = randn(n_{l−1}, n_l)·initScale, b_l = 0; one epoch is
 * one full-batch call of the student's backprop: one_hidden_layer.ts for one hidden layer,
 * mlp.ts for any other depth. Plots the decision regions, the cost and, where the last hidden
 * layer has two neurons, the data in that layer.
 */
import type { Argv } from 'yargs';
import { Mat } from '../../../lib/matrix';
import type { Activation, Cost } from '../../../lib/notebook';
import type { Matrix } from '../../../lib/types';
import { UsageError } from '../../cli/errors';
import { integerOption, parsedOption, positiveOption } from '../../cli/flags';
import { notebookData } from '../../data/notebook-data';
import { RandomState } from '../../numpy/random';
import { loadModule, type Target } from '../../targets';
import type { Model } from '../model';
import { ACTIVATIONS, COSTS, DATA_SHAPES, activationFunctions, costFunction, drawNotebookPlots, notebookEvaluation, notebookFrame, type ActivationName, type NotebookPlots, type NotebookSettings } from '../notebook';

type OneHiddenLayerModule = typeof import('../../../exercises/one_hidden_layer');
type MlpModule = typeof import('../../../exercises/mlp');

export interface MlpSettings extends NotebookSettings {
  preset: PresetName;
  layers: number[];
  activations: ActivationName[];
  seed: number;
  initScale: number;
  /** names the plots: mlp-<name>-decision.png; the preset's name, or <preset>-custom when a flag overrides it */
  name: string;
}

export type PresetName = 'hidden2' | 'deep';
type Preset = Pick<MlpSettings, 'layers' | 'activations' | 'cost' | 'learningRate' | 'epochs' | 'seed' | 'initScale' | 'data'>;

export const PRESETS: Record<PresetName, Preset> = {
  hidden2: { layers: [2, 2, 1], activations: ['tanh', 'logistic'], cost: 'cross-entropy', learningRate: 0.1, epochs: 10000, seed: 4242, initScale: 0.1, data: 'sin' },
  deep: { layers: [2, 200, 200, 2, 1], activations: ['relu', 'tanh', 'relu', 'logistic'], cost: 'mse', learningRate: 0.05, epochs: 2000, seed: 42, initScale: 0.1, data: 'sin' },
};

export interface MlpParams {
  ws: Mat[];
  bs: Mat[];
}

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
export function initialParameters(layers: number[], seed: number, initScale: number): MlpParams {
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

/** The widest layer --layers accepts: the weights and each epoch's activations stay within memory. */
export const MAX_LAYER_SIZE = 10_000;

/** "2,200,1" → [2, 200, 1], plain decimal digits only; the checks against the data and activations come in validateNetwork. */
function parseLayers(text: string): number[] {
  const parts = text.split(',').map((part) => part.trim());
  const sizes = parts.map(Number);
  if (parts.some((part) => !/^\d+$/.test(part)) || sizes.some((n) => !Number.isSafeInteger(n) || n < 1)) throw new UsageError(`--layers takes whole sizes ≥ 1 separated by commas, like 2,200,1, got "${text}"`);
  if (sizes.some((n) => n > MAX_LAYER_SIZE)) throw new UsageError(`--layers sizes must be at most ${MAX_LAYER_SIZE} (a weight matrix of two such layers already holds 10⁸ numbers), got "${text}"`);
  return sizes;
}

const parseList = (text: string): string[] => text.split(',').map((part) => part.trim());

const OVERRIDABLE = ['layers', 'activations', 'cost', 'learningRate', 'epochs', 'seed', 'initScale', 'data'] as const;

export const MLP: Model<MlpParams, MlpSettings> = {
  script: 'train:mlp',
  description: 'Trains a network on the notebook data: a preset (--preset hidden2|deep), with any field overridden.',
  flags: <T>(parser: Argv<T>) =>
    parser
      .option('preset', { choices: Object.keys(PRESETS) as PresetName[], default: 'hidden2' as PresetName, describe: 'hidden2: 2-2-1 tanh/logistic, cross-entropy; deep: 2-200-200-2-1 relu/tanh/relu/logistic, MSE' })
      .option('layers', parsedOption('layers', parseLayers, 'layer sizes from input to output, e.g. 2,200,200,2,1'))
      .option('activations', parsedOption('activations', parseList, 'one per layer after the input: logistic, tanh or relu'))
      .option('cost', { choices: COSTS, describe: 'cross-entropy or mse' })
      .option('learning-rate', positiveOption('learning-rate', 'step size lrate > 0'))
      .option('epochs', integerOption('epochs', 1, 1_000_000, 'full-batch epochs'))
      .option('seed', integerOption('seed', 0, 2 ** 32 - 1, 'RandomState seed for the initial weights'))
      .option('init-scale', positiveOption('init-scale', 'initial weights are randn · init-scale'))
      .option('data', { choices: DATA_SHAPES, describe: 'sin-shaped or linear data' }) as unknown as Argv<T & Omit<MlpSettings, 'target' | 'out' | 'json' | 'quiet' | 'plots'>>,
  /** The preset, with every field a flag gave overridden; then the shape checked. */
  validate: (settings) => {
    const given = settings as Partial<MlpSettings> & MlpSettings;
    const preset = PRESETS[given.preset ?? 'hidden2'];
    const overridden = OVERRIDABLE.some((field) => given[field] !== undefined);
    const merged: MlpSettings = { ...given, ...Object.fromEntries(OVERRIDABLE.map((field) => [field, given[field] ?? preset[field]])) } as MlpSettings;
    merged.name = given.name ?? (overridden ? `${given.preset}-custom` : given.preset);
    validateNetwork(merged.layers, merged.activations);
    return merged;
  },
  start: (settings) => {
    validateNetwork(settings.layers, settings.activations);
    const network = networkModule(settings.target, settings.layers);
    const actFs = activationFunctions(settings.target, settings.activations);
    const cost = costFunction(settings.target, settings.cost);
    const { x, y } = notebookData(settings.data);
    const describe = `${settings.layers.join('-')}, ${settings.activations.join('/')}, ${settings.cost}, lr ${settings.learningRate}, ${settings.epochs} epochs, seed ${settings.seed}`;
    const outputOf = ({ ws, bs }: MlpParams, points: Mat) => {
      const [, As] = network.forwardPass(points, ws, bs, actFs);
      return As[As.length - 1];
    };
    const last = settings.layers.length - 2; // index of the output layer
    const plotsOf = (params: MlpParams, title: string): NotebookPlots => ({
      stem: `mlp-${settings.name}`,
      x,
      y,
      data: settings.data,
      cost: settings.cost,
      output: (grid) => Array.from(outputOf(params, Mat.from(grid)).data),
      title,
      settings: describe,
      hidden: settings.layers[last] === 2
        ? { of: (points: Matrix) => network.forwardPass(Mat.from(points), params.ws, params.bs, actFs)[1][last - 1].toArray(), w: Array.from(params.ws[last].data), b: params.bs[last].data[0], activation: settings.activations[last - 1] }
        : undefined,
    });
    return {
      headline: `Training with ${network.file} on the ${settings.data} data: ${describe}`,
      lossName: 'cost',
      lossWhen: 'before its step',
      initial: initialParameters(settings.layers, settings.seed, settings.initScale),
      // one epoch per call: backprop returns that epoch's forward pass, whose cost is the epoch's cost
      epoch: ({ ws, bs }, learningRate) => {
        const [ws1, bs1, , As] = network.backprop(x, y, ws, bs, actFs, cost, learningRate, 1);
        return { params: { ws: ws1, bs: bs1 }, loss: cost(As[As.length - 1], y) };
      },
      evaluate: (params) =>
        notebookEvaluation(outputOf(params, x), y, cost, settings.layers[last] === 2 ? [] : [`no hidden-space plot: the last hidden layer has ${settings.layers[last]} neurons, the plot needs 2`]),
      plots: (params, costs, evaluation, outDir) =>
        drawNotebookPlots(outDir, plotsOf(params, `${settings.layers.join('-')} network (${settings.name}): ${evaluation.scores.misclassified} of ${y.rows} misclassified, input space`), costs),
      animation: {
        file: `mlp-${settings.name}-training.gif`,
        frame: (params, epoch, loss) => {
          const wrong = Array.from(outputOf(params, x).data).filter((p, i) => (p >= 0.5 ? 1 : 0) !== y.data[i]).length;
          const state = epoch === 0 ? 'initial weights' : `cost ${loss?.toFixed(4)}`;
          // a wide network's forward pass over the 200×200 grid costs a second a frame: a coarser grid
          const resolution = Math.max(...settings.layers) > 20 ? 80 : undefined;
          return notebookFrame({ ...plotsOf(params, `${settings.layers.join('-')} network (${settings.name}), epoch ${epoch} of ${settings.epochs}: ${state}, ${wrong} of ${y.rows} misclassified`), resolution });
        },
      },
      parameters: ({ ws, bs }) => ({ ws: ws.map((w) => w.toArray()), bs: bs.map((b) => b.toArray()) }),
    };
  },
};
