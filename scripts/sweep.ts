/**
 * Trains one model with several seeds and summarises the test accuracy: how often does it get stuck?
 *   npm run sweep -- --model network --seeds 0-9 --target reference [any trainer flag]
 */
import { hideBin } from 'yargs/helpers';
import { runMain } from '../course/cli/flags';
import { runSweep } from '../course/training/sweep';

runMain(() => runSweep(hideBin(process.argv)));
