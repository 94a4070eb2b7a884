/**
 * Part 3: logistic regression on the notebook's data.
 *   npm run train:logreg -- --target reference --data sin --cost cross-entropy
 */
import yargs from 'yargs';
import { hideBin } from 'yargs/helpers';
import { failWithUsageError, integerFlag, positiveFlag, runMain, withOutputFlags } from '../course/cli/flags';
import { COSTS, DATA_SHAPES, runLogreg, type LogregArgs } from '../course/training/notebook-runs';

runMain(() => {
  const parser = failWithUsageError(yargs(hideBin(process.argv)))
    .scriptName('npm run train:logreg --')
    .usage('Trains logistic regression (ws = [1, 2], b = 0) on the notebook data by gradient descent.\n\nUsage: $0 [flags]')
    .option('data', { choices: DATA_SHAPES, default: 'sin' as const, describe: 'sin-shaped (not linearly separable) or linear data' })
    .option('cost', { choices: COSTS, default: 'cross-entropy' as const, describe: 'the cost function' })
    .option('learning-rate', { default: 0.1, coerce: positiveFlag('learning-rate'), describe: 'step size lrate > 0' })
    .option('epochs', { default: 500, coerce: integerFlag('epochs', 1, 1_000_000), describe: 'gradient-descent steps on all 25 examples' });
  runLogreg(withOutputFlags(parser).parseSync() as LogregArgs);
});
