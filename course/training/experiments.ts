/**
 * The lab's two trainers, defined once: their defaults and what they plot. The scripts, the demo
 * and the tests all start from here.
 */
import { runMain } from '../cli/flags';
import { hiddenLines, hiddenSpacePlot, networkClassifier, type NetworkParams } from './models/network';
import { neuronClassifier, neuronLine, type NeuronParams } from './models/neuron';
import type { Target } from '../targets';
import { parseTrainerArgs, runTrainer, type TrainerArgs, type TrainerDefaults, type TrainerRun, type TrainerSpec } from './trainer';

export interface Experiment<P> {
  /** the npm script: `npm run <script>` */
  script: string;
  description: string;
  defaults: TrainerDefaults;
  spec: (target: Target) => TrainerSpec<P>;
}

export const NEURON: Experiment<NeuronParams> = {
  script: 'train:neuron',
  description: 'Trains a single sigmoid neuron on a 2-D dataset and plots the result.',
  defaults: { linearlySeparable: true, batchSize: 500, learningRate: 0.5, epochs: 1000 },
  spec: () => ({ model: 'neuron', classifier: neuronClassifier, lines: neuronLine }),
};

export const NETWORK: Experiment<NetworkParams> = {
  script: 'train:network',
  description: 'Trains a 2-2-1 sigmoid network on a 2-D dataset and plots the result.',
  defaults: { linearlySeparable: false, batchSize: 500, learningRate: 0.5, epochs: 2000 },
  spec: (target) => ({ model: 'network', classifier: networkClassifier, lines: hiddenLines, extraPlots: hiddenSpacePlot(target) }),
};

/** Parses `argv` as the experiment's flags (its defaults applied) and trains. */
export function runExperiment<P>(experiment: Experiment<P>, argv: string[], overrides: Partial<TrainerArgs> = {}): TrainerRun<P> {
  const args = { ...parseTrainerArgs(experiment.script, experiment.description, experiment.defaults, argv), ...overrides };
  return runTrainer(experiment.spec(args.target), args);
}

/** The whole of a trainer script. */
export function experimentMain<P>(experiment: Experiment<P>): void {
  runMain(() => {
    runExperiment(experiment, process.argv.slice(2));
  });
}

export const EXPERIMENTS = { neuron: NEURON, network: NETWORK } as const;
export type ExperimentName = keyof typeof EXPERIMENTS;
