/**
 * npm run sweep: trains one model with several seeds and summarises the test accuracy (how often
 * does it get stuck?).
 */
import yargs from 'yargs';
import { failWithUsageError, makeTable, withOutputFlags } from '../cli/flags';
import { UsageError } from '../cli/errors';
import type { LabSettings } from './lab';
import { NETWORK } from './models/network';
import { NEURON } from './models/neuron';
import { runModel } from './run';

const MODELS = { neuron: NEURON, network: NETWORK } as const;
type ModelName = keyof typeof MODELS;

/** "0-9" or "1,4,7" (or both, "0-3,9") → the seeds. */
function parseSeeds(raw: unknown): number[] {
  const seeds = String(raw)
    .split(',')
    .flatMap((part) => {
      const match = /^\s*(\d+)\s*(?:-\s*(\d+)\s*)?$/.exec(part);
      if (!match) throw new UsageError(`--seeds takes ranges and lists like 0-9 or 1,4,7, got "${String(raw)}"`);
      const [from, to] = [Number(match[1]), Number(match[2] ?? match[1])];
      if (to < from || to > 2 ** 32 - 1 || to - from > 999) throw new UsageError(`--seeds range ${part.trim()} is empty or too long (at most 1000 seeds)`);
      return Array.from({ length: to - from + 1 }, (_, i) => from + i);
    });
  return seeds;
}

/** Parses `argv` as the sweep's flags, trains once per seed and prints the table and the summary. */
export function runSweep(argv: string[]): void {
  const chosen = yargs(argv).help(false).version(false).option('model', { type: 'string' }).parseSync().model;
  const model: ModelName = chosen === 'neuron' ? 'neuron' : 'network';
  const parser = failWithUsageError(yargs(argv))
    .scriptName('npm run sweep --')
    .usage('Trains a model once per seed (no plots) and summarises the test accuracy.\n\nUsage: $0 --model network --seeds 0-9 [trainer flags]')
    .option('model', { choices: Object.keys(MODELS) as ModelName[], default: 'network' as ModelName, describe: 'which trainer' })
    .option('seeds', { default: '0-9', coerce: parseSeeds, describe: 'seeds to run: a range, a list or both (0-9, 1,4,7)' })
    .option('threshold', { type: 'number', default: 0.9, describe: 'a run below this test accuracy counts as stuck' });
  const args = withOutputFlags(MODELS[model].flags(parser)).parseSync() as unknown as LabSettings & { seeds: number[]; threshold: number };

  const table = makeTable(['seed', 'test accuracy', 'final validation loss'], ['right', 'right', 'right']);
  const accuracies: number[] = [];
  for (const seed of args.seeds) {
    const settings = { ...args, seed, quiet: true, plots: false, json: undefined };
    const run = model === 'neuron' ? runModel(NEURON, settings) : runModel(NETWORK, settings);
    const test = (run.evaluation.scores.accuracy as { test: number }).test;
    accuracies.push(test);
    table.push([seed, `${(100 * test).toFixed(1)} %`, run.losses.at(-1)?.toExponential(3) ?? '']);
    if (!args.quiet) process.stderr.write(`seed ${seed}: ${(100 * test).toFixed(1)} %\n`);
  }
  const sorted = [...accuracies].sort((a, b) => a - b);
  const stuck = accuracies.filter((a) => a < args.threshold).length;
  const pct = (v: number) => `${(100 * v).toFixed(1)} %`;
  console.log(table.toString());
  console.log(`${model} (${args.target.name}/), ${args.linearlySeparable ? 'linearly-separable' : 'not-linearly-separable'}, lr ${args.learningRate}, batch ${args.batchSize}, ${args.epochs} epochs:`);
  console.log(`test accuracy min ${pct(sorted[0])}, median ${pct(sorted[Math.floor(sorted.length / 2)])}, max ${pct(sorted[sorted.length - 1])}; below ${pct(args.threshold)} in ${stuck} of ${accuracies.length} runs`);
}
