/**
 * Part 1, the single sigmoid neuron (the lab's train_neuron.py): w ~ N(0, 0.58²), b = 0, trained
 * by exercises/neuron.ts's updateWeights on mini-batches; its decision boundary w·x + b = 0.
 */
import { loadModule, type Target } from '../../targets';
import type { Vector } from '../../../lib/types';
import { labModel } from '../lab';

type NeuronModule = typeof import('../../../exercises/neuron');

export interface NeuronParams {
  w: Vector;
  b: number;
}

export const NEURON = labModel<NeuronParams, ReturnType<typeof neuronStudent>>({
  name: 'neuron',
  script: 'train:neuron',
  description: 'Trains a single sigmoid neuron on a 2-D dataset and plots the result.',
  defaults: { linearlySeparable: true, batchSize: 500, learningRate: 0.5, epochs: 1000 },
  init: (rs) => ({ w: rs.normal(0, 0.58, 2), b: 0 }),
  student: neuronStudent,
  lines: ({ w, b }) => [{ w, b, label: 'decision boundary w·x + b = 0' }],
  parameters: ({ w, b }) => ({ w, b }),
});

function neuronStudent(target: Target) {
  const neuron = loadModule<NeuronModule>(target, 'neuron');
  return {
    update: (x: number[][], t: Vector, { w, b }: NeuronParams, learningRate: number): NeuronParams => {
      const [newW, newB] = neuron.updateWeights(x, t, w, b, learningRate);
      return { w: newW, b: newB };
    },
    loss: (x: number[][], t: Vector, { w, b }: NeuronParams) => neuron.lossFunction(x, t, w, b),
    predict: (x: number[][], t: Vector, { w, b }: NeuronParams) => neuron.evaluatePrediction(x, t, w, b),
    output: (x: number[][], { w, b }: NeuronParams) => neuron.evaluateNeuron(x, w, b)[0],
  };
}
