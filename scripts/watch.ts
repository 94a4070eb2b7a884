/**
 * Watch mode: re-runs the current exercise's tests on every save, moves on to the next function
 * when they pass. Keys: h the next hint, q quit.   npm run watch [-- --once] [-- --timeout 3]
 */
import yargs from 'yargs';
import { hideBin } from 'yargs/helpers';
import { failWithUsageError, positiveFlag, runMain } from '../course/cli/flags';
import { runWatch } from '../course/grading/watch';

runMain(async () => {
  const argv = failWithUsageError(yargs(hideBin(process.argv)))
    .scriptName('npm run watch --')
    .usage('Re-runs the current exercise on every save. Keys: h hint, q quit (without a terminal: type h or q and Enter).')
    .option('once', { type: 'boolean', default: false, describe: 'check once and exit' })
    .option('timeout', { default: 3, coerce: positiveFlag('timeout'), describe: 'seconds one call to your code may take before it counts as an endless loop' })
    .parseSync();
  await runWatch({ once: argv.once, timeoutSeconds: argv.timeout });
});
