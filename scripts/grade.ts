/**
 * Grades the exercises: points per function, a Markdown report (terminal, and the job summary in
 * GitHub Actions) and a Gradescope results.json. The exit code says whether grading ran, not
 * whether the work passed.
 *   npm run grade [-- --out grade --flagged-files changed.txt]
 */
import { appendFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import yargs from 'yargs';
import { hideBin } from 'yargs/helpers';
import { failWithUsageError, integerFlag } from '../course/cli/flags';
import { resolveTarget } from '../course/targets';
import { describeExpectedError } from '../course/cli/errors';
import { grade, gradescopeReport, markdownReport } from '../course/grading/grader';

function main(): void {
  const argv = failWithUsageError(yargs(hideBin(process.argv)))
    .scriptName('npm run grade --')
    .usage('Grades the exercise functions and writes report.md and results.json.')
    .option('out', { type: 'string', default: 'grade', describe: 'directory for report.md and results.json' })
    .option('target', { type: 'string', default: 'exercises', coerce: resolveTarget, describe: 'whose modules to grade: exercises, reference or a folder' })
    .option('only', { type: 'string', describe: 'comma-separated modules to grade (neuron,network,…)' })
    .option('flagged-files', { type: 'string', describe: 'a file listing protected files the pull request changed, one per line' })
    .option('timeout', { default: 120, coerce: integerFlag('timeout', 5, 3600), describe: 'seconds one test process may run' })
    .parseSync();
  const flagged = argv.flaggedFiles !== undefined && existsSync(argv.flaggedFiles)
    ? readFileSync(argv.flaggedFiles, 'utf8').split('\n').map((l) => l.trim()).filter((l) => l.length > 0)
    : [];
  const report = grade({ target: argv.target, only: argv.only?.split(','), timeoutSeconds: argv.timeout });
  const markdown = markdownReport(report, flagged);
  mkdirSync(argv.out, { recursive: true });
  writeFileSync(path.join(argv.out, 'report.md'), `${markdown}\n`);
  writeFileSync(path.join(argv.out, 'results.json'), `${JSON.stringify(gradescopeReport(report, flagged), null, 2)}\n`);
  if (process.env.GITHUB_STEP_SUMMARY) appendFileSync(process.env.GITHUB_STEP_SUMMARY, `${markdown}\n`);
  console.log(markdown);
  console.log(`reports: ${path.join(argv.out, 'report.md')}, ${path.join(argv.out, 'results.json')}`);
}

try {
  main();
} catch (error) {
  const line = describeExpectedError(error);
  console.error(`error: grading did not run: ${line ?? (error as Error).message}`);
  process.exitCode = 2;
}
