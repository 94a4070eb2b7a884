/**
 * Part 3: logistic regression on the notebook's data.
 *   npm run train:logreg -- --target reference --data sin --cost cross-entropy
 */
import yargs from 'yargs';
import { hideBin } from 'yargs/helpers';
import { failWithUsageError, integerFlag, positiveFlag, runMain } from '../lib/cli';
import { COSTS, DATA_SHAPES, runLogreg, type LogregArgs } from '../lib/notebook-runs';
import { TARGETS, type Target } from '../lib/targets';

runMain(() => {
  const args = failWithUsageError(yargs(hideBin(process.argv)))
    .scriptName('npm run train:logreg --')
    .usage('Trains logistic regression (ws = [1, 2], b = 0) on the notebook data by gradient descent.\n\nUsage: $0 [flags]')
    .option('target', { choices: TARGETS, default: 'exercises' as Target, describe: 'whose code to train: yours or the reference solution' })
    .option('data', { choices: DATA_SHAPES, default: 'sin' as const, describe: 'sin-shaped (not linearly separable) or linear data' })
    .option('cost', { choices: COSTS, default: 'cross-entropy' as const, describe: 'the cost function' })
    .option('learning-rate', { default: 0.1, coerce: positiveFlag('learning-rate'), describe: 'step size lrate > 0' })
    .option('epochs', { default: 500, coerce: integerFlag('epochs', 1, 1_000_000), describe: 'gradient-descent steps on all 25 examples' })
    .option('out', { type: 'string', default: 'plots', describe: 'directory for the PNG plots' })
    .option('json', { type: 'string', describe: 'also write a JSON summary to this file' })
    .option('quiet', { type: 'boolean', default: false, describe: 'print nothing but errors' })
    .option('plots', { type: 'boolean', default: true, describe: 'draw the PNG plots (--no-plots to skip them)' })
    .parseSync() as LogregArgs;
  runLogreg(args);
});
