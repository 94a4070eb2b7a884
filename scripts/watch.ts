/**
 * Watch mode: re-runs the current exercise's tests on every save, moves on to the next function
 * when they pass. Keys: h the next hint, q quit.   npm run watch [-- --once]
 */
import yargs from 'yargs';
import { hideBin } from 'yargs/helpers';
import { failWithUsageError } from '../course/cli/flags';
import { runWatch } from '../course/grading/watch';

const argv = failWithUsageError(yargs(hideBin(process.argv)))
  .scriptName('npm run watch --')
  .usage('Re-runs the current exercise on every save. Keys: h hint, q quit.')
  .option('once', { type: 'boolean', default: false, describe: 'check once and exit' })
  .parseSync();
runWatch(argv.once);
