/**
 * What train:neuron and train:network share: the flags, their validation, the run (the lab's random
 * call order), the progress display, the accuracy table, the plots and the JSON summary.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { SingleBar } from 'cli-progress';
import yargs, { type Argv } from 'yargs';
import { hideBin } from 'yargs/helpers';
import { failWithUsageError, integerFlag, makeTable, positiveFlag, prepareOutputs, withOutputFlags, type OutputArgs } from '../cli/flags';
import { loadLabData, type DatasetName, type LabData } from '../data/dataset';
import { UsageError } from '../cli/errors';
import type { Classifier } from './models/classifier';
import { plotDataset, plotDecision, plotLoss, type DecisionPlot, type Line } from '../plots/lab-plots';
import { RandomState } from '../numpy/random';
import type { Target } from '../targets';
import { train } from './loop';
import type { Labelled } from '../../lib/types';

export const DEFAULT_SEED = 42;
export const MAX_EPOCHS = 100_000;
export const MAX_BATCH_SIZE = 1_000_000;

export interface TrainerDefaults {
  linearlySeparable: boolean;
  batchSize: number;
  learningRate: number;
  epochs: number;
}

export interface TrainerArgs extends TrainerDefaults, OutputArgs {
  seed: number;
}

/** Adds a trainer's flags, with these defaults, to a yargs parser. */
export function withTrainerFlags<T>(parser: Argv<T>, defaults: TrainerDefaults) {
  return withOutputFlags(parser)
    .option('linearly-separable', { type: 'boolean', default: defaults.linearlySeparable, describe: 'the linearly separable dataset (--no-linearly-separable for the other)' })
    .option('batch-size', { default: defaults.batchSize, coerce: integerFlag('batch-size', 1, MAX_BATCH_SIZE), describe: 'samples per gradient step' })
    .option('learning-rate', { default: defaults.learningRate, coerce: positiveFlag('learning-rate'), describe: 'step size lr > 0' })
    .option('epochs', { default: defaults.epochs, coerce: integerFlag('epochs', 1, MAX_EPOCHS), describe: 'passes over the training set' })
    .option('seed', { default: DEFAULT_SEED, coerce: integerFlag('seed', 0, 2 ** 32 - 1), describe: 'RandomState seed (split, initial weights, batches)' });
}

/** Parses a trainer's flags; a bad one throws a one-line UsageError. */
export function parseTrainerArgs(name: string, description: string, defaults: TrainerDefaults, argv = hideBin(process.argv)): TrainerArgs {
  const parser = failWithUsageError(yargs(argv)).scriptName(`npm run ${name} --`).usage(`${description}\n\nUsage: $0 [flags]`);
  return withTrainerFlags(parser, defaults).parseSync() as TrainerArgs;
}

export interface TrainerRun<P> {
  params: P;
  accuracy: { train: number; validation: number; test: number };
  validationLoss: number[];
  seconds: number;
  plots: string[];
}

export interface TrainerSpec<P> {
  /** Names the plots: `<model>-<dataset>-decision.png`. */
  model: string;
  classifier: (target: Target) => Classifier<P>;
  /** Lines to draw in input space: a neuron's boundary, a network's hidden neurons. */
  lines?: (params: P) => Line[];
  /** Further plots for this model, given the input-space decision plot; returns the files written. */
  extraPlots?: (params: P, decision: DecisionPlot, outDir: string, stem: string) => string[];
}

function datasetName(args: TrainerArgs): DatasetName {
  return args.linearlySeparable ? 'linearly-separable' : 'not-linearly-separable';
}

/** Trains as the lab does, prints progress and results, writes plots and the JSON summary. */
export function runTrainer<P>(spec: TrainerSpec<P>, args: TrainerArgs): TrainerRun<P> {
  const log = args.quiet ? () => undefined : (line: string) => console.log(line);
  const outDir = prepareOutputs(args.out, args.json);
  const classifier = spec.classifier(args.target);
  const name = datasetName(args);

  // the lab's random call order: split, then initial parameters, then the batches
  const rs = new RandomState(args.seed);
  const data = loadLabData(name, rs);
  if (args.batchSize > data.train.size) {
    throw new UsageError(`--batch-size ${args.batchSize} is larger than the training set (${data.train.size} rows)`);
  }
  const initial = classifier.init(rs);

  const settings = `lr ${args.learningRate}, batch ${args.batchSize}, ${args.epochs} epochs, seed ${args.seed}`;
  log(`Training the ${spec.model} (${args.target.name}/) on ${name}: ${settings}`);
  const progress = makeProgress(args);
  const result = train(classifier, initial, data, { ...args, onEpoch: progress.update });
  progress.stop();

  const predict = (set: Labelled) => classifier.predict(set.x, set.t, result.params);
  const [testPrediction, testAccuracy] = predict(data.test);
  const accuracy = { train: predict(data.train)[1], validation: predict(data.validation)[1], test: testAccuracy };
  const table = makeTable(['set', 'rows', 'accuracy'], ['left', 'right', 'right']);
  for (const [set, rows] of [['train', data.train], ['validation', data.validation], ['test', data.test]] as const) {
    table.push([set, rows.t.length, `${(100 * accuracy[set]).toFixed(2)} %`]);
  }
  log(table.toString());
  log(`final validation loss ${result.validationLoss.at(-1)?.toExponential(4)}; training took ${result.seconds.toFixed(3)} s`);

  const run = { params: result.params, accuracy, validationLoss: result.validationLoss, seconds: result.seconds, plots: [] as string[] };
  if (args.plots) run.plots = drawPlots(spec, classifier, run, data, testPrediction, outDir, name, settings);
  if (run.plots.length > 0) log(`plots: ${run.plots.map((p) => path.relative(process.cwd(), p)).join(', ')}`);
  if (args.json !== undefined) {
    writeFileSync(args.json, `${JSON.stringify(summary(classifier, run), null, 2)}\n`);
    log(`summary: ${args.json}`);
  }
  return run;
}

/** The dataset, the decision regions, the loss curve and the model's own plots; returns the files. */
function drawPlots<P>(spec: TrainerSpec<P>, classifier: Classifier<P>, result: TrainerRun<P>, data: LabData, prediction: number[], outDir: string, name: DatasetName, settings: string): string[] {
  const { accuracy } = result;
  const stem = `${spec.model}-${name}`;
  const title = `${spec.model} on ${name} (${settings}): ${(100 * accuracy.test).toFixed(1)} % test accuracy`;
  const plots = [path.join(outDir, `dataset-${name}.png`), path.join(outDir, `${stem}-decision.png`), path.join(outDir, `${stem}-loss.png`)];
  const trainingRows = { x: [...data.train.x, ...data.validation.x], t: [...data.train.t, ...data.validation.t] };
  plotDataset(plots[0], trainingRows, `The ${name} dataset: ${trainingRows.t.length} training rows`);
  const decision: DecisionPlot = {
    test: data.test,
    prediction,
    output: (x) => classifier.output(x, result.params),
    lines: spec.lines?.(result.params),
    title,
  };
  plotDecision(plots[1], decision);
  plotLoss(plots[2], result.validationLoss, `Validation loss of the ${spec.model} on ${name} (${settings})`);
  plots.push(...(spec.extraPlots?.(result.params, decision, outDir, stem) ?? []));
  return plots;
}

/** The JSON summary: parameters, accuracy, validation loss per epoch, loop seconds. */
export function summary<P>(classifier: Classifier<P>, run: TrainerRun<P>): Record<string, unknown> {
  return {
    parameters: classifier.toJson(run.params),
    accuracy: run.accuracy,
    validationLoss: run.validationLoss,
    seconds: run.seconds,
  };
}

/** A progress bar on a terminal, a line per tenth of the run otherwise, nothing when quiet. */
function makeProgress(args: TrainerArgs): { update: (epoch: number, loss: number) => void; stop: () => void } {
  if (args.quiet) return { update: () => undefined, stop: () => undefined };
  if (process.stderr.isTTY) {
    const bar = new SingleBar({ format: 'epoch {value}/{total} [{bar}] validation loss {loss}', stream: process.stderr, hideCursor: true });
    bar.start(args.epochs, 0, { loss: '-' });
    return { update: (epoch, loss) => bar.update(epoch, { loss: loss.toExponential(3) }), stop: () => bar.stop() };
  }
  const every = Math.max(1, Math.round(args.epochs / 10));
  return {
    update: (epoch, loss) => {
      if (epoch % every === 0 || epoch === args.epochs) console.log(`epoch ${epoch}/${args.epochs}  validation loss ${loss.toExponential(4)}`);
    },
    stop: () => undefined,
  };
}
