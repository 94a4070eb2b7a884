/**
 * `npm test`'s output for a student: jest's default reporter, with two changes for the exercise
 * suites.
 * - The TypeScript errors of the student's modules come first (course/grading/typecheck.ts), with
 *   the file and line of the TypeScript source: jest only transpiles, so a syntax error otherwise
 *   shows as a line of compiled JavaScript, and a type error not at all.
 * - A function not started yet (every test of it fails with "not implemented yet") takes one line
 *   instead of a stack trace per test: on the stubs that was 1,500 lines.
 * Every other failure is printed as jest prints it.
 */
import path from 'node:path';
import { DefaultReporter } from '@jest/reporters';
import type { AggregatedResult, Test, TestResult } from '@jest/test-result';
import type { Config } from '@jest/types';
import { formatResultsErrors } from 'jest-message-util';
import { compileErrors } from '../course/grading/typecheck';

const NOT_STARTED = 'not implemented yet';

export default class ExerciseReporter extends DefaultReporter {
  constructor(globalConfig: Config.GlobalConfig) {
    super(globalConfig);
  }

  private compileErrorsShown = false;
  private compileErrorLines: string[] = [];

  /** Before the first exercise suite's results: the type errors of the modules it tests. */
  private showCompileErrors(): void {
    if (this.compileErrorsShown) return;
    this.compileErrorsShown = true;
    const errors = compileErrors(process.env.LAB_TARGET ?? path.resolve(__dirname, '..', 'exercises'));
    this.compileErrorLines = errors;
    if (errors.length > 0) {
      process.stderr.write(['', 'TypeScript errors in your code (fix these first; the tests below ran what could be compiled):', ...errors.map((e) => `  ${e}`), '', ''].join('\n'));
    }
  }

  override onTestResult(test: Test, result: TestResult, aggregated: AggregatedResult): void {
    if (test.context.config.displayName?.name !== 'exercises') return super.onTestResult(test, result, aggregated);
    this.showCompileErrors();
    super.onTestResult(test, this.condensed(test, result), aggregated);
  }

  /** The result with each function whose tests all say "not implemented yet" folded into one line. */
  private condensed(test: Test, result: TestResult): TestResult {
    // a suite that could not load because of them: the TypeScript errors above say it, not Babel's advice
    const module = path.basename(test.path).replace(/\.test\.ts$/, '');
    if (result.testExecError !== undefined && this.compileErrorLines.some((line) => line.includes(`/${module}.ts:`))) {
      return { ...result, failureMessage: `  ● ${path.basename(test.path)} could not run: your code does not compile. Fix the TypeScript errors above first.` };
    }
    const byFunction = new Map<string, TestResult['testResults']>();
    for (const assertion of result.testResults) {
      const name = assertion.ancestorTitles[0] ?? assertion.title;
      byFunction.set(name, [...(byFunction.get(name) ?? []), assertion]);
    }
    const notStarted = [...byFunction].filter(([, tests]) => tests.every((t) => t.status === 'failed' && t.failureMessages.some((m) => m.includes(NOT_STARTED))));
    if (notStarted.length === 0) return result;
    const folded = new Set(notStarted.map(([name]) => name));
    const rest = result.testResults.filter((t) => !folded.has(t.ancestorTitles[0] ?? t.title));
    const lines = notStarted.map(([name, tests]) => `  · ${name}: not started (its ${tests.length} tests fail with "${NOT_STARTED}")`);
    const others = formatResultsErrors(rest, test.context.config, { noStackTrace: false }, result.testFilePath);
    return { ...result, failureMessage: [lines.join('\n'), others].filter((part) => part).join('\n\n') };
  }
}
