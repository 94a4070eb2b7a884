/**
 * Builds the Gradescope autograder zip from the committed course: setup.sh, run_autograder and the
 * course without its solutions.
 *   npm run gradescope -- --out autograder.zip
 */
import path from 'node:path';
import { hideBin } from 'yargs/helpers';
import { commandLine, ensureReplaceableFile, ensureWritableDirectory, parseCommandLine, runMain, stringDefaultOption } from '../course/cli/flags';
import { buildAutograder } from '../course/grading/gradescope';

runMain(() => {
  const argv = parseCommandLine(
    commandLine(hideBin(process.argv), 'npm run gradescope --', 'Builds the Gradescope autograder (setup.sh, run_autograder, the course) as a zip.')
      .option('out', stringDefaultOption('out', 'the zip to write', 'autograder.zip')),
  );
  const out = path.resolve(argv.out);
  ensureWritableDirectory(path.dirname(out));
  ensureReplaceableFile(argv.out, 'out');
  const files = buildAutograder(out);
  console.log(`wrote ${out}: setup.sh, run_autograder and ${files} course files; upload it as the assignment's autograder`);
});
