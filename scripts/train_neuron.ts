/**
 * Part 1: trains one sigmoid neuron (the lab's train_neuron.py).
 *   npm run train:neuron -- --target reference --learning-rate 0.1
 */
import { runMain } from '../lib/cli';
import { neuronClassifier } from '../lib/models/neuron';
import { parseTrainerArgs, runTrainer } from '../lib/trainer';

runMain(() => {
  const args = parseTrainerArgs('train:neuron', 'Trains a single sigmoid neuron on a 2-D dataset and plots the result.', {
    linearlySeparable: true,
    batchSize: 500,
    learningRate: 0.5,
    epochs: 1000,
  });
  runTrainer({ model: 'neuron', classifier: neuronClassifier, boundary: (params) => params }, args);
});
