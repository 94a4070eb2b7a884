/**
 * Checks your gradient step against a numerical gradient, parameter by parameter.
 *   npm run gradcheck -- updateWeights          (Parts 1 and 2)   npm run gradcheck -- network.updateWeights
 *   npm run gradcheck -- backprop               (Part 3)          npm run gradcheck -- gradientDescent
 */
import { hideBin } from 'yargs/helpers';
import { commandLine, parseCommandLine, runMain, targetOption } from '../course/cli/flags';
import { gradientCheck } from '../course/gradcheck';
import type { Target } from '../course/targets';

runMain(() => {
  const argv = parseCommandLine(
    commandLine(hideBin(process.argv), 'npm run gradcheck --', 'Sets the step your function takes on each parameter beside −lr × the central-difference gradient of the loss.\n\nUsage: $0 <function>')
      .command('$0 <function>', false, (y) => y.positional('function', { type: 'string', describe: 'updateWeights, backprop or gradientDescent (or module.function)' }))
      .option('target', targetOption('exercises', 'whose code: exercises (yours) or a folder of modules')),
  ) as { function: string; target: Target };
  const { text, ok } = gradientCheck(String(argv.function), argv.target);
  console.log(text);
  process.exitCode = ok ? 0 : 1;
});
