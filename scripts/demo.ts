/**
 * "See it work": trains every model of the lab from reference/ with the lab's defaults and writes
 * all plots into plots/.   npm run demo [-- --out DIR]
 */
import path from 'node:path';
import yargs from 'yargs';
import { hideBin } from 'yargs/helpers';
import { failWithUsageError, runMain, makeTable } from '../lib/cli';
import { DEMO_RUNS } from '../lib/demo-runs';

runMain(() => {
  const argv = failWithUsageError(yargs(hideBin(process.argv)))
    .scriptName('npm run demo --')
    .usage('Trains every model of the lab from reference/ with the lab defaults and writes all plots.')
    .option('out', { type: 'string', default: 'plots', describe: 'directory for the PNG plots' })
    .parseSync();
  const table = makeTable(['run', 'result', 'seconds']);
  const plots: string[] = [];
  for (const demo of DEMO_RUNS) {
    console.log(`\n== ${demo.title}`);
    const result = demo.run(argv.out);
    table.push([demo.title, result.summary, result.seconds.toFixed(2)]);
    for (const plot of result.plots) if (!plots.includes(plot)) plots.push(plot);
  }
  console.log(`\n${table.toString()}`);
  console.log(`\n${plots.length} plots in ${path.resolve(argv.out)}:`);
  for (const plot of plots) console.log(`  ${path.relative(process.cwd(), plot)}`);
});
