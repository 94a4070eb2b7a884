/**
 * Part 3: the notebook's networks. A preset sets every field; any flag overrides it.
 *   npm run train:mlp -- --target reference --preset deep
 *   npm run train:mlp -- --target reference --layers 2,8,2,1 --activations tanh,tanh,logistic
 */
import { hideBin } from 'yargs/helpers';
import { runMain } from '../course/cli/flags';
import { parseMlpArgs } from '../course/training/mlp-flags';
import { runMlp } from '../course/training/notebook-runs';

runMain(() => {
  runMlp(parseMlpArgs(hideBin(process.argv)));
});
