/** The single neuron of Part 1 as a Classifier, from exercises/neuron.ts or reference/neuron.ts. */
import type { Line } from '../../plots/lab-plots';
import type { RandomState } from '../../numpy/random';
import { loadModule, type Target } from '../../targets';
import type { Vector } from '../../../lib/types';
import type { Classifier } from './classifier';

type NeuronModule = typeof import('../../../exercises/neuron');

export interface NeuronParams {
  w: Vector;
  b: number;
}

export function neuronClassifier(target: Target): Classifier<NeuronParams> {
  const neuron = loadModule<NeuronModule>(target, 'neuron');
  return {
    // w ~ N(0, 0.58²), b = 0
    init: (rs: RandomState) => ({ w: rs.normal(0, 0.58, 2), b: 0 }),
    update: (x, t, { w, b }, learningRate) => {
      const [newW, newB] = neuron.updateWeights(x, t, w, b, learningRate);
      return { w: newW, b: newB };
    },
    loss: (x, t, { w, b }) => neuron.lossFunction(x, t, w, b),
    predict: (x, t, { w, b }) => neuron.evaluatePrediction(x, t, w, b),
    output: (x, { w, b }) => neuron.evaluateNeuron(x, w, b)[0],
    toJson: ({ w, b }) => ({ w, b }),
  };
}

/** The neuron's decision boundary w·x + b = 0 (where y = 0.5). */
export function neuronLine({ w, b }: NeuronParams): Line[] {
  return [{ w, b, label: 'decision boundary w·x + b = 0' }];
}
