/**
 * Grades the exercises: points per function, a Markdown report (terminal, and the job summary in
 * GitHub Actions) and a Gradescope results.json. The student's code runs in the sandbox; the exit
 * code says whether grading ran, not whether the work passed.
 *   npm run grade [-- --submission DIR] [--out grade] [--preview --flagged-files changed.txt]
 */
import { existsSync, readFileSync } from 'node:fs';
import yargs from 'yargs';
import { hideBin } from 'yargs/helpers';
import { failWithUsageError, integerFlag } from '../course/cli/flags';
import { describeExpectedError } from '../course/cli/errors';
import { writeReports } from '../course/grading/reports';

function main(): void {
  const argv = failWithUsageError(yargs(hideBin(process.argv)))
    .scriptName('npm run grade --')
    .usage('Grades the exercise functions and writes report.md and results.json.')
    .option('submission', { type: 'string', describe: "a student's repository checkout: only its exercise files are graded (default: this working tree)" })
    .option('out', { type: 'string', default: 'grade', describe: 'directory for report.md and results.json' })
    .option('target', { type: 'string', describe: 'a folder of modules of this repository instead (reference, .stage-…)' })
    .option('only', { type: 'string', describe: 'comma-separated modules to grade (neuron,network,…)' })
    .option('preview', { type: 'boolean', default: false, describe: "label the report a preview (the student's own pull request)" })
    .option('flagged-files', { type: 'string', describe: 'a file listing files outside exercises/ the pull request changed, one per line' })
    .option('timeout', { default: 120, coerce: integerFlag('timeout', 5, 3600), describe: 'seconds one test process may run' })
    .parseSync();
  const flaggedFiles = argv.flaggedFiles !== undefined && existsSync(argv.flaggedFiles)
    ? readFileSync(argv.flaggedFiles, 'utf8').split('\n').map((l) => l.trim()).filter((l) => l.length > 0)
    : [];
  const { markdown, files } = writeReports({ submission: argv.submission, target: argv.target, out: argv.out, only: argv.only?.split(','), timeoutSeconds: argv.timeout, labels: { preview: argv.preview, flaggedFiles } });
  console.log(markdown);
  console.log(`reports: ${files.join(', ')}`);
}

try {
  main();
} catch (error) {
  const line = describeExpectedError(error);
  console.error(`error: grading did not run: ${line ?? (error as Error).message}`);
  process.exitCode = 2;
}
