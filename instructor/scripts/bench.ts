/**
 * Times the training loops against NumPy and the product kernel (`npm run bench`). Not a test: it
 * prints tables (instructor/bench/bench.ts says how it measures).
 *   npm run bench [-- --repeats 3 --only neuron]
 */
import { hideBin } from 'yargs/helpers';
import { runBench } from '../bench/bench';
import { commandLine, integerOption, parseCommandLine, runMain, stringOption } from '../../course/cli/flags';

runMain(() => {
  const argv = parseCommandLine(
    commandLine(hideBin(process.argv), 'npm run bench --', 'Times each training loop here and in NumPy (bench/*.py) and prints a table.')
      .option('repeats', integerOption('repeats', 1, 50, 'runs per side, interleaved; the best counts', 3))
      .option('only', stringOption('only', 'only cases whose name contains this')),
  );
  for (const line of runBench({ repeats: argv.repeats, only: argv.only }, (line) => console.log(line))) console.log(line);
});
