/**
 * Where you stand: every exercise function in order, done / failing / not started, and the next
 * one to work on.   npm run progress [-- --timeout 3]
 */
import { hideBin } from 'yargs/helpers';
import { commandLine, parseCommandLine, runMain } from '../course/cli/flags';
import { grade } from '../course/grading/grader';
import { callTimeoutOption, progressReport } from '../course/grading/progress';
import { compileErrors } from '../course/grading/typecheck';

runMain(() => {
  const argv = parseCommandLine(
    commandLine(hideBin(process.argv), 'npm run progress --', 'Every exercise function: done, failing or not started, and what to do next.')
      .option('timeout', callTimeoutOption()),
  );
  // read by the test process through the grader's environment (tests/student.ts)
  process.env.LAB_CALL_TIMEOUT = String(argv.timeout);
  const errors = compileErrors();
  if (errors.length > 0) console.log(['TypeScript errors in your code (fix these first):', ...errors.map((e) => `  ${e}`), ''].join('\n'));
  console.log(progressReport(grade()).text);
});
