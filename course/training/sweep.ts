/**
 * npm run sweep: trains one model with several seeds and summarises the test accuracy (how often
 * does it get stuck?).
 */
import yargs from 'yargs';
import { commandLine, makeTable, parseCommandLine, parsedOption, rangeOption, withTargetAndQuiet } from '../cli/flags';
import { DivergenceError, UsageError } from '../cli/errors';
import type { LabSettings } from './lab';
import { NETWORK } from './models/network';
import { NEURON } from './models/neuron';
import { runModel } from './run';

const MODELS = { neuron: NEURON, network: NETWORK } as const;
type ModelName = keyof typeof MODELS;

/** At most this many runs in one sweep. */
const MAX_SEEDS = 1000;

/** "0-9" or "1,4,7" (or both, "0-3,9") → the seeds, each at most once. */
export function parseSeeds(text: string): number[] {
  const seeds = text
    .split(',')
    .flatMap((part) => {
      const match = /^\s*(\d+)\s*(?:-\s*(\d+)\s*)?$/.exec(part);
      if (!match) throw new UsageError(`--seeds takes ranges and lists like 0-9 or 1,4,7, got "${text}"`);
      const [from, to] = [Number(match[1]), Number(match[2] ?? match[1])];
      if (to < from || to > 2 ** 32 - 1 || to - from >= MAX_SEEDS) throw new UsageError(`--seeds range ${part.trim()} is empty or too long (at most ${MAX_SEEDS} seeds)`);
      return Array.from({ length: to - from + 1 }, (_, i) => from + i);
    });
  const twice = seeds.find((seed, i) => seeds.indexOf(seed) !== i);
  if (twice !== undefined) throw new UsageError(`--seeds names seed ${twice} more than once, got "${text}"`);
  if (seeds.length > MAX_SEEDS) throw new UsageError(`--seeds names ${seeds.length} seeds, at most ${MAX_SEEDS}`);
  return seeds;
}

/** Parses `argv` as the sweep's flags, trains once per seed and prints the table and the summary. */
export async function runSweep(argv: string[]): Promise<void> {
  const chosen = yargs(argv).help(false).version(false).option('model', { type: 'string' }).parseSync().model;
  const model: ModelName = chosen === 'neuron' ? 'neuron' : 'network';
  // no --out, --json or --plots: a sweep writes nothing, so those flags would be silently ignored
  const parser = commandLine(argv, 'npm run sweep --', 'Trains a model once per seed (no plots) and summarises the test accuracy.\n\nUsage: $0 --model network --seeds 0-9 [trainer flags]')
    .option('model', { choices: Object.keys(MODELS) as ModelName[], default: 'network' as ModelName, describe: 'which trainer' })
    .option('seeds', { ...parsedOption('seeds', parseSeeds, 'seeds to run: a range, a list or both (0-9, 1,4,7)'), default: '0-9' })
    .option('threshold', rangeOption('threshold', 0, 1, 'a run below this test accuracy counts as stuck', 0.9));
  const args = parseCommandLine(withTargetAndQuiet(MODELS[model].flags(parser))) as unknown as Omit<LabSettings, 'out' | 'json' | 'plots'> & { seeds: number[]; threshold: number };

  const table = makeTable(['seed', 'test accuracy', 'final validation loss'], ['right', 'right', 'right']);
  const accuracies: number[] = [];
  for (const seed of args.seeds) {
    const settings: LabSettings = { ...args, seed, quiet: true, plots: false, json: undefined, out: '' };
    const run = await (async () => {
      try {
        return await runModel(MODELS[model], settings);
      } catch (error) {
        if (error instanceof DivergenceError) throw new DivergenceError(`seed ${seed}: ${error.message}`);
        throw error;
      }
    })();
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
