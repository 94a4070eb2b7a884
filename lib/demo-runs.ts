/**
 * The runs `npm run demo` makes: each lab model from reference/ at the lab's defaults.
 */
import { neuronClassifier } from './models/neuron';
import { parseTrainerArgs, runTrainer, type TrainerDefaults } from './trainer';

export interface DemoResult {
  summary: string;
  seconds: number;
  plots: string[];
}

export interface DemoRun {
  title: string;
  run: (out: string) => DemoResult;
}

const NEURON_DEFAULTS: TrainerDefaults = { linearlySeparable: true, batchSize: 500, learningRate: 0.5, epochs: 1000 };

function neuronRun(linearlySeparable: boolean): DemoRun {
  const dataset = linearlySeparable ? 'linearly-separable' : 'not-linearly-separable';
  return {
    title: `Part 1: neuron on ${dataset}`,
    run: (out) => {
      const args = parseTrainerArgs('demo', '', NEURON_DEFAULTS, ['--target', 'reference', '--out', out]);
      const run = runTrainer({ model: 'neuron', classifier: neuronClassifier, boundary: (p) => p }, { ...args, linearlySeparable });
      return { summary: `${(100 * run.accuracy.test).toFixed(1)} % test accuracy`, seconds: run.seconds, plots: run.plots };
    },
  };
}

export const DEMO_RUNS: DemoRun[] = [neuronRun(true), neuronRun(false)];
