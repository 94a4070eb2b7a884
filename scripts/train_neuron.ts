/**
 * Part 1: trains one sigmoid neuron (the lab's train_neuron.py).
 *   npm run train:neuron -- --target reference --learning-rate 0.1
 */
import { NEURON, experimentMain } from '../course/training/experiments';

experimentMain(NEURON);
