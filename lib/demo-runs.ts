/**
 * The runs `npm run demo` makes: each lab model from reference/ at the lab's defaults.
 */
import { NETWORK, NEURON, runExperiment, type Experiment } from './experiments';

export interface DemoResult {
  summary: string;
  seconds: number;
  plots: string[];
}

export interface DemoRun {
  title: string;
  run: (out: string) => DemoResult;
}

function trainerRun<P>(part: string, experiment: Experiment<P>, linearlySeparable: boolean): DemoRun {
  const dataset = linearlySeparable ? 'linearly-separable' : 'not-linearly-separable';
  return {
    title: `${part}: ${experiment.script} on ${dataset}`,
    run: (out) => {
      const run = runExperiment(experiment, ['--target', 'reference', '--out', out], { linearlySeparable });
      return { summary: `${(100 * run.accuracy.test).toFixed(1)} % test accuracy`, seconds: run.seconds, plots: run.plots };
    },
  };
}

export const DEMO_RUNS: DemoRun[] = [
  trainerRun('Part 1', NEURON, true),
  trainerRun('Part 1', NEURON, false),
  trainerRun('Part 2', NETWORK, false),
];
