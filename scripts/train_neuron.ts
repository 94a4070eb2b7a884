/**
 * Part 1: trains one sigmoid neuron (the lab's train_neuron.py).
 *   npm run train:neuron -- --learning-rate 0.1
 */
import { NEURON } from '../course/training/models/neuron';
import { trainMain } from '../course/training/run';

trainMain(NEURON);
