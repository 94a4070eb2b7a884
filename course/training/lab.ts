/**
 * What the lab's two models (Parts 1 and 2) share: the flags, the data (the lab's split and
 * mini-batches), the epoch of mini-batch steps, the accuracy table and the lab's plots. The batch
 * size goes straight down: --batch-size → LabSettings.batchSize → getNextBatch → the student's
 * updateWeights.
 */
import path from 'node:path';
import type { Argv } from 'yargs';
import { booleanOption, integerOption, makeTable, positiveOption } from '../cli/flags';
import { UsageError } from '../cli/errors';
import { loadLabData, type DatasetName, type LabData } from '../data/dataset';
import type { ChartConfiguration } from 'chart.js' with { 'resolution-mode': 'import' };
import { decisionChart, plotDataset, plotDecision, plotLoss, type DecisionPlot, type Line } from '../plots/lab-plots';
import { RandomState } from '../numpy/random';
import type { Target } from '../targets';
import type { Labelled, Matrix, Vector } from '../../lib/types';
import type { Evaluation, Model, RunSettings, Session } from './model';

export const DEFAULT_SEED = 42;
export const MAX_EPOCHS = 100_000;
export const MAX_BATCH_SIZE = 1_000_000;

export interface LabSettings extends RunSettings {
  linearlySeparable: boolean;
  batchSize: number;
  seed: number;
}

/** The student's module as the lab's loop and plots call it. */
export interface LabStudent<P> {
  update(x: Matrix, t: Vector, params: P, learningRate: number): P;
  loss(x: Matrix, t: Vector, params: P): number;
  predict(x: Matrix, t: Vector, params: P): [prediction: Vector, accuracy: number];
  /** the output y ∈ (0, 1) for each row of x, for the decision regions */
  output(x: Matrix, params: P): Vector;
}

/** One model of the lab: the neuron (Part 1) or the 2-2-1 network (Part 2). */
export interface LabDefinition<P, St extends LabStudent<P>> {
  /** names the plots, <name>-<dataset>-decision.png, and the run */
  name: string;
  script: string;
  description: string;
  defaults: { linearlySeparable: boolean; batchSize: number; learningRate: number; epochs: number };
  /** the initial parameters, drawn after the split (the lab's random call order) */
  init(rs: RandomState): P;
  /** how the lab calls the student's functions */
  student(target: Target): St;
  /** lines to draw in input space: a neuron's boundary, a network's hidden neurons */
  lines(params: P): Line[];
  /** plots beyond the lab's three, given the decision plot; returns the files written */
  extraPlots?(student: St, params: P, decision: DecisionPlot, outDir: string, stem: string): string[];
  parameters(params: P): Record<string, unknown>;
  /** an --animate frame's charts, given its decision plot; the decision plot alone by default */
  frameCharts?(student: St, params: P, decision: DecisionPlot): ChartConfiguration[];
}

export function datasetName(settings: LabSettings): DatasetName {
  return settings.linearlySeparable ? 'linearly-separable' : 'not-linearly-separable';
}

/** One epoch of the lab: mini-batch steps until the training set has been seen, then the validation loss. */
export function labEpoch<P>(data: LabData, batchSize: number, student: Pick<LabStudent<P>, 'update' | 'loss'>) {
  return (params: P, learningRate: number): { params: P; loss: number } => {
    do {
      const batch = data.train.getNextBatch(batchSize);
      params = student.update(batch.x, batch.t, params, learningRate);
    } while (!data.train.isEpochCompleted(batchSize));
    return { params, loss: student.loss(data.validation.x, data.validation.t, params) };
  };
}

export function labModel<P, St extends LabStudent<P>>(definition: LabDefinition<P, St>): Model<P, LabSettings> {
  const { defaults } = definition;
  return {
    script: definition.script,
    description: definition.description,
    flags: <T>(parser: Argv<T>) =>
      parser
        .option('linearly-separable', booleanOption('the linearly separable dataset (--no-linearly-separable for the other)', defaults.linearlySeparable))
        .option('batch-size', integerOption('batch-size', 1, MAX_BATCH_SIZE, 'samples per gradient step', defaults.batchSize))
        .option('learning-rate', positiveOption('learning-rate', 'step size lr > 0', defaults.learningRate))
        .option('epochs', integerOption('epochs', 1, MAX_EPOCHS, 'passes over the training set', defaults.epochs))
        .option('seed', integerOption('seed', 0, 2 ** 32 - 1, 'RandomState seed (split, initial weights, batches)', DEFAULT_SEED)) as unknown as Argv<T & Omit<LabSettings, 'target' | 'out' | 'json' | 'quiet' | 'plots'>>,
    start: (settings) => labSession(definition, settings),
  };
}

function labSession<P, St extends LabStudent<P>>(definition: LabDefinition<P, St>, settings: LabSettings): Session<P> {
  const student = definition.student(settings.target);
  const name = datasetName(settings);
  // the lab's random call order: split, then initial parameters, then the batches
  const rs = new RandomState(settings.seed);
  const data = loadLabData(name, rs);
  if (settings.batchSize > data.train.size) {
    throw new UsageError(`--batch-size ${settings.batchSize} is larger than the training set (${data.train.size} rows)`);
  }
  const describe = `lr ${settings.learningRate}, batch ${settings.batchSize}, ${settings.epochs} epochs, seed ${settings.seed}`;
  let testPrediction: Vector = []; // from evaluate, for the decision plot: the test set is predicted once
  return {
    headline: `Training the ${definition.name} (${settings.target.name}/) on ${name}: ${describe}`,
    lossName: 'validation loss',
    initial: definition.init(rs),
    epoch: labEpoch(data, settings.batchSize, student),
    evaluate: (params) => {
      const evaluation = evaluate(student, data, params);
      testPrediction = evaluation.testPrediction;
      return evaluation;
    },
    plots: (params, losses, evaluation, outDir) => {
      const stem = `${definition.name}-${name}`;
      const files = [path.join(outDir, `dataset-${name}.png`), path.join(outDir, `${stem}-decision.png`), path.join(outDir, `${stem}-loss.png`)];
      const trainingRows = { x: [...data.train.x, ...data.validation.x], t: [...data.train.t, ...data.validation.t] };
      plotDataset(files[0], trainingRows, `The ${name} dataset: ${trainingRows.t.length} training rows`);
      const accuracy = evaluation.scores.accuracy as { test: number };
      const decision: DecisionPlot = {
        test: data.test,
        prediction: testPrediction,
        output: (x) => student.output(x, params),
        lines: definition.lines(params),
        title: `${definition.name} on ${name} (${describe}): ${(100 * accuracy.test).toFixed(1)} % test accuracy`,
      };
      plotDecision(files[1], decision);
      plotLoss(files[2], losses, `Validation loss of the ${definition.name} on ${name} (${describe})`);
      return [...files, ...(definition.extraPlots?.(student, params, decision, outDir, stem) ?? [])];
    },
    parameters: definition.parameters,
    // the decision plot as it stands after each frame's epoch: regions, lines and the crossed errors
    animation: {
      file: `${definition.name}-${name}-training.gif`,
      frame: (params, epoch, loss) => {
        const [prediction, accuracy] = student.predict(data.test.x, data.test.t, params);
        const state = epoch === 0 ? 'initial weights' : `validation loss ${loss?.toExponential(3)}`;
        const decision: DecisionPlot = {
          test: data.test,
          prediction,
          output: (x) => student.output(x, params),
          lines: definition.lines(params),
          title: `${definition.name}, epoch ${epoch} of ${settings.epochs}: ${state}, ${(100 * accuracy).toFixed(1)} % test accuracy`,
        };
        return definition.frameCharts?.(student, params, decision) ?? [decisionChart(decision)];
      },
    },
  };
}

/** The accuracy on each set, as a table and as the summary's scores. */
function evaluate<P>(student: LabStudent<P>, data: LabData, params: P): Evaluation & { testPrediction: Vector } {
  const sets: [string, Labelled][] = [['train', data.train], ['validation', data.validation], ['test', data.test]];
  const predictions = sets.map(([, rows]) => student.predict(rows.x, rows.t, params));
  const accuracy = Object.fromEntries(sets.map(([set], i) => [set, predictions[i][1]])) as Record<'train' | 'validation' | 'test', number>;
  const table = makeTable(['set', 'rows', 'accuracy'], ['left', 'right', 'right']);
  for (const [set, rows] of sets) table.push([set, rows.t.length, `${(100 * accuracy[set as keyof typeof accuracy]).toFixed(2)} %`]);
  return { lines: [table.toString()], scores: { accuracy }, result: `${(100 * accuracy.test).toFixed(1)} % test accuracy`, lossField: 'validationLoss', testPrediction: predictions[2][0] };
}
