/**
 * Grades the exercises: points per function, a Markdown report (terminal, and the job summary in
 * GitHub Actions) and a Gradescope results.json. The student's code runs in the sandbox; the exit
 * code says whether grading ran (0), not whether the work passed; bad input is one error line, 1.
 *   npm run grade [-- --submission DIR] [--out grade] [--preview --flagged-files changed.txt]
 */
import { hideBin } from 'yargs/helpers';
import { booleanOption, commandLine, integerOption, parseCommandLine, parsedOption, readTextFile, runMain, stringDefaultOption, stringOption } from '../course/cli/flags';
import { UsageError } from '../course/cli/errors';
import { moduleList } from '../course/grading/exercises';
import { writeReports } from '../course/grading/reports';

/** More changed files than this is not a pull request's list (GitHub's own file list stops at 3000). */
const MAX_FLAGGED_FILES = 3000;

runMain(async () => {
  const argv = parseCommandLine(
    commandLine(hideBin(process.argv), 'npm run grade --', 'Grades the exercise functions and writes report.md and results.json.')
      .option('submission', stringOption('submission', "a student's repository checkout: only its exercise files are graded (default: this working tree)"))
      .option('out', stringDefaultOption('out', 'directory for report.md and results.json', 'grade'))
      .option('target', stringOption('target', 'a folder of modules of this repository instead (reference, .stage-…)'))
      .option('only', parsedOption('only', moduleList, 'comma-separated modules to grade (neuron,network,…)'))
      .option('preview', booleanOption("label the report a preview (the student's own pull request)", false))
      .option('flagged-files', stringOption('flagged-files', 'a file listing files outside exercises/ the pull request changed, one per line'))
      .option('timeout', integerOption('timeout', 5, 3600, 'seconds one test process may run', 120)),
  );
  const flaggedList = argv['flagged-files'];
  const flaggedFiles = flaggedList === undefined ? [] : readTextFile(flaggedList, 'flagged-files').split('\n').map((l) => l.trim()).filter((l) => l.length > 0);
  if (flaggedFiles.length > MAX_FLAGGED_FILES) throw new UsageError(`--flagged-files ${flaggedList}: ${flaggedFiles.length} files, more than a pull request's ${MAX_FLAGGED_FILES} a report lists`);
  const { markdown, files } = await writeReports({ submission: argv.submission, target: argv.target, out: argv.out, only: argv.only, timeoutSeconds: argv.timeout, labels: { preview: argv.preview, flaggedFiles } });
  console.log(markdown);
  console.log(`reports: ${files.join(', ')}`);
});
