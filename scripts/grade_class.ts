/**
 * Grades a whole class from this pristine course checkout: clones each student's repository,
 * grades it with --submission on a pool of workers, writes a folder per student, gradebook.csv and
 * summary.md. With --merge, merges the gradebooks of the Actions matrix jobs instead.
 *   npm run grade-class -- --roster roster.csv --out class [--ref main | --deadline 2026-12-01T23:59:00Z]
 *   npm run grade-class -- --merge artifacts/ --out class
 */
import { hideBin } from 'yargs/helpers';
import { commandLine, ensureWritableDirectory, integerOption, parseCommandLine, runMain, stringOption } from '../course/cli/flags';
import { UsageError } from '../course/cli/errors';
import { gradeClass, mergeClass, readRoster } from '../course/grading/class';

runMain(async () => {
  const argv = parseCommandLine(
    commandLine(hideBin(process.argv), 'npm run grade-class --', 'Grades every student of a roster (CSV: student,repository) and writes a gradebook.')
      .option('roster', stringOption('roster', 'the roster CSV, header student,repository (a clone URL or a local path)'))
      .option('out', stringOption('out', 'directory for the per-student folders, gradebook.csv and summary.md'))
      .option('ref', stringOption('ref', 'the branch or tag to grade (default: the default branch)'))
      .option('deadline', stringOption('deadline', "grade the last commit dated at or before this time (ISO 8601; the date is the committer's own, so a backdated commit passes: for a cut-off that holds, grade at the deadline)"))
      .option('concurrency', integerOption('concurrency', 1, 64, 'students graded at once', 2))
      .option('merge', stringOption('merge', 'merge the gradebook.csv files under this directory instead of grading')),
  );
  if (argv.out === undefined) throw new UsageError('--out DIR is required');
  const out = ensureWritableDirectory(argv.out);
  if (argv.merge !== undefined) {
    const results = mergeClass(argv.merge, out);
    console.log(`merged ${results.length} students into ${out}/gradebook.csv and summary.md`);
    return;
  }
  if (argv.roster === undefined) throw new UsageError('--roster is required (or --merge)');
  if (argv.deadline !== undefined && Number.isNaN(Date.parse(argv.deadline))) throw new UsageError(`--deadline ${argv.deadline}: not an ISO 8601 time`);
  const started = Date.now();
  const results = await gradeClass(readRoster(argv.roster), out, { ref: argv.ref, deadline: argv.deadline }, argv.concurrency, (line) => console.log(line));
  console.log(`graded ${results.filter((r) => r.error === undefined).length} of ${results.length} students in ${((Date.now() - started) / 1000).toFixed(1)} s: ${out}/gradebook.csv, ${out}/summary.md`);
});
