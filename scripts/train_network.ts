/**
 * Part 2: trains the 2-2-1 network (the lab's train_network.py).
 *   npm run train:network -- --target reference --seed 3
 */
import { NETWORK, experimentMain } from '../course/training/experiments';

experimentMain(NETWORK);
