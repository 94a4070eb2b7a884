/**
 * Exports the student repository (`npm run release -- --out DIR`): no reference/, no solution, the
 * grading workflow and a GitHub Classroom configuration, its own fresh git history.
 */
import path from 'node:path';
import { hideBin } from 'yargs/helpers';
import { commandLine, parseCommandLine, runMain, stringOption } from '../../course/cli/flags';
import { UsageError } from '../../course/cli/errors';
import { exportStudentRepository, findSolutionLines, uncommittedExercises } from '../release/release';

runMain(() => {
  const argv = parseCommandLine(
    commandLine(hideBin(process.argv), 'npm run release --', 'Exports the student repository into an empty directory.')
      .option('out', stringOption('out', 'the directory to create (absent or empty)')),
  );
  if (argv.out === undefined) throw new UsageError('--out DIR is required: the directory to export into');
  const changed = uncommittedExercises();
  if (changed.length > 0) console.log(`note: exercises/ in the working tree differs from the committed stubs (${changed.join(', ')}); the release exports the committed stubs`);
  const files = exportStudentRepository(argv.out);
  const leaks = findSolutionLines(path.resolve(argv.out));
  console.log(`exported ${files.length} files to ${path.resolve(argv.out)} (fresh git history)`);
  if (leaks.length > 0) {
    console.error(`error: solution code in the export:\n${leaks.join('\n')}`);
    process.exitCode = 1;
    return;
  }
  console.log('no line of reference/ appears in it; next: cd there, npm ci && npm test');
});
