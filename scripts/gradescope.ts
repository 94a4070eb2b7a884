/**
 * Builds the Gradescope autograder zip from the committed course: setup.sh, run_autograder and the
 * course without its solutions.
 *   npm run gradescope -- --out autograder.zip
 */
import path from 'node:path';
import yargs from 'yargs';
import { hideBin } from 'yargs/helpers';
import { ensureWritableDirectory, failWithUsageError, runMain } from '../course/cli/flags';
import { buildAutograder } from '../course/grading/gradescope';

runMain(() => {
  const argv = failWithUsageError(yargs(hideBin(process.argv)))
    .scriptName('npm run gradescope --')
    .usage('Builds the Gradescope autograder (setup.sh, run_autograder, the course) as a zip.')
    .option('out', { type: 'string', default: 'autograder.zip', describe: 'the zip to write' })
    .parseSync();
  const out = path.resolve(argv.out);
  ensureWritableDirectory(path.dirname(out));
  const files = buildAutograder(out);
  console.log(`wrote ${out}: setup.sh, run_autograder and ${files} course files; upload it as the assignment's autograder`);
});
