/**
 * Part 2: trains the 2-2-1 network (the lab's train_network.py).
 *   npm run train:network -- --seed 3
 */
import { NETWORK } from '../course/training/models/network';
import { trainMain } from '../course/training/run';

trainMain(NETWORK);
