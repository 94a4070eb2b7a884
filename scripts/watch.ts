/**
 * Watch mode: re-runs the current exercise's tests on every save, moves on to the next function
 * when they pass. Keys: h the next hint, q quit.   npm run watch [-- --once] [-- --timeout 3]
 */
import { hideBin } from 'yargs/helpers';
import { booleanOption, commandLine, parseCommandLine, runMain } from '../course/cli/flags';
import { callTimeoutOption } from '../course/grading/progress';
import { runWatch } from '../course/grading/watch';

runMain(async () => {
  const argv = parseCommandLine(
    commandLine(hideBin(process.argv), 'npm run watch --', 'Re-runs the current exercise on every save. Keys: h hint, q quit (without a terminal: type h or q and Enter).')
      .option('once', booleanOption('check once and exit', false))
      .option('timeout', callTimeoutOption()),
  );
  await runWatch({ once: argv.once, timeoutSeconds: argv.timeout });
});
