/**
 * "See it work": trains every model of the lab from reference/ with the lab's defaults and writes
 * all plots into plots/.   npm run demo [-- --out DIR]
 */
import { hideBin } from 'yargs/helpers';
import { runMain } from '../course/cli/flags';
import { runDemo } from '../course/training/demo';

runMain(() => runDemo(hideBin(process.argv)));
