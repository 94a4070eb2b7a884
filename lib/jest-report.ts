/**
 * Runs jest with a JSON report and reads it back: the check script and the grader share this.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ROOT } from './targets';

export interface TestOutcome {
  file: string;
  /** describe blocks, outermost first */
  ancestors: string[];
  title: string;
  fullName: string;
  status: 'passed' | 'failed' | 'pending' | 'todo' | 'skipped' | 'disabled' | 'focused';
  failureMessages: string[];
}

export interface JestRun {
  tests: TestOutcome[];
  /** Suites that failed to run at all (a syntax error, a crash), with jest's message. */
  brokenSuites: { file: string; message: string }[];
  exitCode: number | null;
}

interface JestJson {
  testResults: {
    name: string;
    message: string;
    status: string;
    assertionResults: { ancestorTitles: string[]; title: string; fullName: string; status: TestOutcome['status']; failureMessages: string[] }[];
  }[];
}

/** Runs jest with `args` (e.g. `--selectProjects exercises`) and returns every test's outcome. */
export function runJest(args: string[], env: NodeJS.ProcessEnv = process.env): JestRun {
  const dir = mkdtempSync(path.join(tmpdir(), 'jest-report-'));
  const output = path.join(dir, 'results.json');
  const jest = path.join(ROOT, 'node_modules', 'jest', 'bin', 'jest.js');
  const result = spawnSync(process.execPath, [jest, '--json', `--outputFile=${output}`, '--silent', ...args], {
    cwd: ROOT,
    env,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  try {
    const json = JSON.parse(readFileSync(output, 'utf8')) as JestJson;
    const tests: TestOutcome[] = [];
    const brokenSuites: JestRun['brokenSuites'] = [];
    for (const suite of json.testResults) {
      const file = path.relative(ROOT, suite.name);
      if (suite.assertionResults.length === 0 && suite.status === 'failed') brokenSuites.push({ file, message: suite.message });
      for (const test of suite.assertionResults) {
        tests.push({ file, ancestors: test.ancestorTitles, title: test.title, fullName: test.fullName, status: test.status, failureMessages: test.failureMessages });
      }
    }
    return { tests, brokenSuites, exitCode: result.status };
  } catch {
    throw new Error(`jest ${args.join(' ')} did not produce a report (exit ${result.status}):\n${result.stderr.slice(-3000)}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The first line of a failure message, without colour codes or jest's stack. */
export function firstLine(message: string): string {
  // eslint-disable-next-line no-control-regex -- jest colours its messages with ANSI escapes
  const plain = message.replace(/\u001b\[[0-9;]*m/g, '');
  return plain.split('\n').map((line) => line.trim()).find((line) => line.length > 0) ?? '';
}
