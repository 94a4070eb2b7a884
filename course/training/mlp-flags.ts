/**
 * train:mlp's flags: a preset sets every field of the network and its run; any flag overrides it.
 */
import yargs from 'yargs';
import { failWithUsageError, integerFlag, positiveFlag, withOutputFlags } from '../cli/flags';
import { UsageError } from '../cli/errors';
import { COSTS, DATA_SHAPES, PRESETS, type ActivationName, type MlpArgs } from './notebook-runs';

/** "2,200,1" → [2, 200, 1]; the checks against the data and activations come later. */
function parseLayers(raw: unknown): number[] {
  const text = String(raw);
  const sizes = text.split(',').map((part) => Number(part.trim()));
  if (text.trim() === '' || sizes.some((n) => !Number.isInteger(n) || n < 1)) throw new UsageError(`--layers takes whole sizes ≥ 1 separated by commas, like 2,200,1, got "${text}"`);
  return sizes;
}

const parseList = (raw: unknown): string[] => String(raw).split(',').map((part) => part.trim());

/** train:mlp's flags: a preset, with any field overridden. */
export function parseMlpArgs(flags: string[]): MlpArgs {
  const parser = failWithUsageError(yargs(flags))
    .scriptName('npm run train:mlp --')
    .usage('Trains a network on the notebook data: a preset, with any field overridden.\n\nUsage: $0 [--preset hidden2|deep] [flags]')
    .option('preset', { choices: Object.keys(PRESETS) as (keyof typeof PRESETS)[], default: 'hidden2' as keyof typeof PRESETS, describe: 'hidden2: 2-2-1 tanh/logistic, cross-entropy; deep: 2-200-200-2-1 relu/tanh/relu/logistic, MSE' })
    .option('layers', { coerce: parseLayers, describe: 'layer sizes from input to output, e.g. 2,200,200,2,1' })
    .option('activations', { coerce: parseList, describe: 'one per layer after the input: logistic, tanh or relu' })
    .option('cost', { choices: COSTS, describe: 'cross-entropy or mse' })
    .option('learning-rate', { coerce: positiveFlag('learning-rate'), describe: 'step size lrate > 0' })
    .option('epochs', { coerce: integerFlag('epochs', 1, 1_000_000), describe: 'full-batch epochs' })
    .option('seed', { coerce: integerFlag('seed', 0, 2 ** 32 - 1), describe: 'RandomState seed for the initial weights' })
    .option('init-scale', { coerce: positiveFlag('init-scale'), describe: 'initial weights are randn · init-scale' })
    .option('data', { choices: DATA_SHAPES, describe: 'sin-shaped or linear data' });
  const argv = withOutputFlags(parser).parseSync();
  const preset = PRESETS[argv.preset];
  const overridden = ['layers', 'activations', 'cost', 'learningRate', 'epochs', 'seed', 'initScale', 'data'].some((k) => (argv as Record<string, unknown>)[k] !== undefined);
  const args: MlpArgs = {
    ...preset,
    layers: argv.layers ?? preset.layers,
    activations: (argv.activations as ActivationName[] | undefined) ?? preset.activations,
    cost: argv.cost ?? preset.cost,
    learningRate: argv.learningRate ?? preset.learningRate,
    epochs: argv.epochs ?? preset.epochs,
    seed: argv.seed ?? preset.seed,
    initScale: argv.initScale ?? preset.initScale,
    data: argv.data ?? preset.data,
    target: argv.target,
    out: argv.out,
    json: argv.json,
    quiet: argv.quiet,
    plots: argv.plots,
    name: overridden ? `${argv.preset}-custom` : argv.preset,
  };
  return args;
}
