/**
 * "See it work": trains every model of the lab from reference/ with the lab's defaults and writes
 * all plots into plots/.   npm run demo [-- --out DIR]
 */
import path from 'node:path';
import yargs from 'yargs';
import { hideBin } from 'yargs/helpers';
import { failWithUsageError, runMain, makeTable } from '../course/cli/flags';
import { DEMO_RUNS } from '../course/training/demo';
import { describeExpectedError } from '../course/cli/errors';
import { defaultDemoTarget, resolveTarget } from '../course/targets';

runMain(() => {
  const argv = failWithUsageError(yargs(hideBin(process.argv)))
    .scriptName('npm run demo --')
    .usage('Trains every model of the lab with the lab defaults and writes all plots.')
    .option('out', { type: 'string', default: 'plots', describe: 'directory for the PNG plots' })
    .option('target', { type: 'string', default: defaultDemoTarget(), coerce: resolveTarget, describe: 'whose code: reference (where there is one), exercises or a folder' })
    .parseSync();
  let failures = 0;
  const table = makeTable(['run', 'result', 'seconds']);
  const plots: string[] = [];
  for (const demo of DEMO_RUNS) {
    console.log(`\n== ${demo.title}`);
    try {
      const result = demo.run(argv.out, argv.target);
      table.push([demo.title, result.summary, result.seconds.toFixed(2)]);
      for (const plot of result.plots) if (!plots.includes(plot)) plots.push(plot);
    } catch (error) {
      const line = describeExpectedError(error);
      if (line === undefined) throw error;
      console.log(`error: ${line}`);
      table.push([demo.title, `not run: ${line.split(':')[0]}`, '']);
      failures += 1;
    }
  }
  console.log(`\n${table.toString()}`);
  console.log(`\n${plots.length} plots in ${path.resolve(argv.out)}:`);
  for (const plot of plots) console.log(`  ${path.relative(process.cwd(), plot)}`);
  if (failures > 0) {
    console.log(`${failures} of ${DEMO_RUNS.length} runs did not run (see the errors above)`);
    process.exitCode = 1;
  }
});
