/**
 * The runs `npm run demo` makes: every model of the course at its defaults, each as the command a
 * student would type (`npm run <script> -- <flags>`), and the activations plot.
 */
import path from 'node:path';
import { Mat } from '../../lib/matrix';
import { ensureWritableDirectory } from '../cli/flags';
import { plotActivations } from '../plots/notebook-plots';
import { loadModule, type Target } from '../targets';
import type { Model, RunSettings } from './model';
import { LOGREG } from './models/logreg';
import { MLP } from './models/mlp';
import { NETWORK } from './models/network';
import { NEURON } from './models/neuron';
import { ACTIVATIONS } from './notebook';
import { parseSettings, runModel } from './run';

export interface DemoResult {
  summary: string;
  seconds: number;
  plots: string[];
}

export interface DemoRun {
  title: string;
  /** trains and draws into `out`; `animate` (the demo's default) also writes the run's GIF */
  run: (out: string, target: Target, animate?: boolean) => DemoResult;
}

function trainerRun<P, S extends RunSettings>(part: string, model: Model<P, S>, flags: string[]): DemoRun {
  return {
    title: `${part}: ${model.script}${flags.length > 0 ? ` ${flags.join(' ')}` : ''}`,
    run: (out, target, animate = true) => {
      const run = runModel(model, parseSettings(model, [...flags, ...(animate ? ['--animate'] : []), '--target', target.dir, '--out', out]));
      return { summary: run.evaluation.result, seconds: run.seconds, plots: run.plots };
    },
  };
}

const activationsPlot: DemoRun = {
  title: 'Part 3: activations and their derivatives',
  run: (out, target) => {
    const file = path.join(ensureWritableDirectory(out), 'activations.png');
    const activations = loadModule<typeof import('../../exercises/activations')>(target, 'activations');
    const scalar = (f: (z: Mat, deriv?: boolean) => Mat, deriv: boolean) => (v: number) => f(Mat.from([[v]]), deriv).data[0];
    plotActivations(file, ACTIVATIONS.map((name) => ({ name, f: scalar(activations[name], false), df: scalar(activations[name], true) })));
    return { summary: 'logistic, tanh, relu on [−5, 5]', seconds: 0, plots: [file] };
  },
};

export const DEMO_RUNS: DemoRun[] = [
  trainerRun('Part 1', NEURON, []),
  trainerRun('Part 1', NEURON, ['--no-linearly-separable']),
  trainerRun('Part 2', NETWORK, []),
  activationsPlot,
  trainerRun('Part 3', LOGREG, ['--data', 'sin']),
  trainerRun('Part 3', LOGREG, ['--data', 'linear']),
  trainerRun('Part 3', MLP, ['--preset', 'hidden2']),
  trainerRun('Part 3', MLP, ['--preset', 'deep']),
];
