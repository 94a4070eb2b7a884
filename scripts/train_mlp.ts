/**
 * Part 3: the notebook's networks. A preset sets every field; any flag overrides it.
 *   npm run train:mlp -- --preset deep
 *   npm run train:mlp -- --layers 2,8,2,1 --activations tanh,tanh,logistic
 */
import { MLP } from '../course/training/models/mlp';
import { trainMain } from '../course/training/run';

trainMain(MLP);
