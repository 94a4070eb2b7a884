/**
 * Checks your gradient step against a numerical gradient, parameter by parameter.
 *   npm run gradcheck -- updateWeights          (Parts 1 and 2)   npm run gradcheck -- network.updateWeights
 *   npm run gradcheck -- backprop               (Part 3)          npm run gradcheck -- gradientDescent
 */
import yargs from 'yargs';
import { hideBin } from 'yargs/helpers';
import { failWithUsageError, runMain } from '../course/cli/flags';
import { gradientCheck } from '../course/gradcheck';
import { resolveTarget } from '../course/targets';

runMain(() => {
  const argv = failWithUsageError(yargs(hideBin(process.argv)))
    .scriptName('npm run gradcheck --')
    .usage('Sets the step your function takes on each parameter beside −lr × the central-difference gradient of the loss.\n\nUsage: $0 <function>')
    .command('$0 <function>', false, (y) => y.positional('function', { type: 'string', describe: 'updateWeights, backprop or gradientDescent (or module.function)' }))
    .option('target', { type: 'string', default: 'exercises', coerce: resolveTarget, describe: 'whose code: exercises (yours) or a folder of modules' })
    .parseSync();
  const { text, ok } = gradientCheck(String(argv.function), argv.target);
  console.log(text);
  process.exitCode = ok ? 0 : 1;
});
