/**
 * Regenerates data/ from the seeded generator in lib/generate.ts; the same files on every run.
 *   npm run make-datasets [-- --out data]
 */
import path from 'node:path';
import { hideBin } from 'yargs/helpers';
import { DATA_DIR, datasetFile, writeLabelledCsv, type DatasetName } from '../../course/data/dataset';
import { RULES, generateDataset } from '../data/generate';
import { commandLine, ensureWritableDirectory, outOption, parseCommandLine, runMain } from '../../course/cli/flags';

runMain(() => {
  const argv = parseCommandLine(commandLine(hideBin(process.argv), 'npm run make-datasets --', 'Writes the lab datasets as CSV files.').option('out', outOption('directory to write into', DATA_DIR)));
  const out = ensureWritableDirectory(argv.out); // before generating: a bad --out fails at once
  for (const name of Object.keys(RULES) as DatasetName[]) {
    const { train, test } = generateDataset(name);
    for (const [split, rows] of [['train', train], ['test', test]] as const) {
      const file = datasetFile(name, split, out);
      writeLabelledCsv(file, rows); // atomically: a failure leaves every file whole, old or new
      const ones = rows.t.filter((label) => label === 1).length;
      console.log(`${path.relative(process.cwd(), file)}: ${rows.t.length} rows, ${ones} of class 1 (${RULES[name].description})`);
    }
  }
});
