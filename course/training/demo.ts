/**
 * The runs `npm run demo` makes: each lab model from reference/ at the lab's defaults.
 */
import path from 'node:path';
import { ensureWritableDirectory } from '../cli/flags';
import { NETWORK, NEURON, runExperiment, type Experiment } from './experiments';
import { Mat } from '../../lib/matrix';
import { plotActivations } from '../plots/notebook-plots';
import { PRESETS, runLogreg, runMlp } from './notebook-runs';
import { loadModule, type Target } from '../targets';

export interface DemoResult {
  summary: string;
  seconds: number;
  plots: string[];
}

export interface DemoRun {
  title: string;
  run: (out: string, target: Target) => DemoResult;
}

function trainerRun<P>(part: string, experiment: Experiment<P>, linearlySeparable: boolean): DemoRun {
  const dataset = linearlySeparable ? 'linearly-separable' : 'not-linearly-separable';
  return {
    title: `${part}: ${experiment.script} on ${dataset}`,
    run: (out, target) => {
      const run = runExperiment(experiment, ['--out', out], { linearlySeparable, target });
      return { summary: `${(100 * run.accuracy.test).toFixed(1)} % test accuracy`, seconds: run.seconds, plots: run.plots };
    },
  };
}

const outputs = (out: string, target: Target) => ({ target, out, quiet: false, plots: true, json: undefined });

const activationsPlot: DemoRun = {
  title: 'Part 3: activations and their derivatives',
  run: (out, target) => {
    const file = path.join(ensureWritableDirectory(out), 'activations.png');
    const activations = loadModule<typeof import('../../exercises/activations')>(target, 'activations');
    const scalar = (f: (z: Mat, deriv?: boolean) => Mat, deriv: boolean) => (v: number) => f(Mat.from([[v]]), deriv).data[0];
    plotActivations(file, (['logistic', 'tanh', 'relu'] as const).map((name) => ({ name, f: scalar(activations[name], false), df: scalar(activations[name], true) })));
    return { summary: 'logistic, tanh, relu on [−5, 5]', seconds: 0, plots: [file] };
  },
};

function logregRun(data: 'sin' | 'linear'): DemoRun {
  return {
    title: `Part 3: logistic regression, ${data} data`,
    run: (out, target) => {
      const run = runLogreg({ ...outputs(out, target), data, cost: 'cross-entropy', learningRate: 0.1, epochs: 500 });
      return { summary: `${run.misclassified} of 25 misclassified, cost ${run.finalCost.toFixed(4)}`, seconds: run.seconds, plots: run.plots };
    },
  };
}

function mlpRun(preset: keyof typeof PRESETS): DemoRun {
  return {
    title: `Part 3: train:mlp --preset ${preset}`,
    run: (out, target) => {
      const run = runMlp({ ...outputs(out, target), ...PRESETS[preset], name: preset });
      return { summary: `${run.misclassified} of 25 misclassified, cost ${run.finalCost.toFixed(4)}`, seconds: run.seconds, plots: run.plots };
    },
  };
}

export const DEMO_RUNS: DemoRun[] = [
  trainerRun('Part 1', NEURON, true),
  trainerRun('Part 1', NEURON, false),
  trainerRun('Part 2', NETWORK, false),
  activationsPlot,
  logregRun('sin'),
  logregRun('linear'),
  mlpRun('hidden2'),
  mlpRun('deep'),
];
