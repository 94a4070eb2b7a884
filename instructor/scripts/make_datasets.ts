/**
 * Regenerates data/ from the seeded generator in lib/generate.ts; the same files on every run.
 *   npm run make-datasets [-- --out data]
 */
import path from 'node:path';
import yargs from 'yargs';
import { hideBin } from 'yargs/helpers';
import { DATA_DIR, datasetFile, writeLabelledCsv, type DatasetName } from '../../course/data/dataset';
import { RULES, generateDataset } from '../data/generate';
import { runMain } from '../../course/cli/flags';

runMain(() => {
  const argv = yargs(hideBin(process.argv))
    .scriptName('npm run make-datasets --')
    .usage('Writes the lab datasets as CSV files.')
    .option('out', { type: 'string', default: DATA_DIR, describe: 'directory to write into' })
    .strict()
    .parseSync();
  for (const name of Object.keys(RULES) as DatasetName[]) {
    const { train, test } = generateDataset(name);
    for (const [split, rows] of [['train', train], ['test', test]] as const) {
      const file = datasetFile(name, split, path.resolve(argv.out));
      writeLabelledCsv(file, rows);
      const ones = rows.t.filter((label) => label === 1).length;
      console.log(`${path.relative(process.cwd(), file)}: ${rows.t.length} rows, ${ones} of class 1 (${RULES[name].description})`);
    }
  }
});
