/**
 * Runs jest with a JSON report and reads it back: the check script and the grader share this.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { scratchDir } from '../cli/leftovers';
import { ROOT } from '../targets';

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
  /** Test files that failed to run at all (a syntax error, a crash while loading), with jest's message. */
  brokenSuites: { file: string; message: string }[];
  /** Set when jest produced no report: why (timed out, out of memory, process.exit, crashed). */
  failure?: string;
}

export interface JestOptions {
  /** Extra environment variables (e.g. LAB_TARGET). */
  env?: NodeJS.ProcessEnv;
  /** Wall-clock limit; the process is killed after it. */
  timeoutSeconds?: number;
  /** Heap limit of the jest process, in MiB. */
  memoryMb?: number;
}

interface JestJson {
  testResults: {
    name: string;
    message: string;
    status: string;
    assertionResults: { ancestorTitles: string[]; title: string; fullName: string; status: TestOutcome['status']; failureMessages: string[] }[];
  }[];
}

/** Why a jest process left no report, from its error and what it printed. */
function whyNoReport(result: ReturnType<typeof spawnSync>, options: JestOptions): string {
  const stderr = String(result.stderr ?? '');
  const exit = /process\.exit called with "?(\d+)/.exec(stderr);
  if ((result.error as NodeJS.ErrnoException | undefined)?.code === 'ETIMEDOUT') return `did not finish within ${options.timeoutSeconds} s (an endless loop?)`;
  if (/heap out of memory|Allocation failed/i.test(stderr)) return `ran out of memory (more than ${options.memoryMb ?? 'the allowed'} MiB)`;
  if (exit) return `called process.exit(${exit[1]})`;
  return `the test process ended without a report (exit ${result.status ?? result.signal}): ${stderr.trim().split('\n').slice(-3).join(' ')}`.slice(0, 400);
}

/**
 * The variables a jest run gets from ours: what node and jest need, and the course's own (LAB_*).
 * Nothing else, so a secret of the calling job (class grading's token to read the students'
 * repositories) is never in a process that runs the suites beside a submission.
 */
const PASSED_ON = /^(PATH|HOME|TMPDIR|TMP|TEMP|LANG|LC_[A-Z]+|TZ|CI|SYSTEMROOT|LAB_[A-Z_]+)$/i;

export function allowedEnvironment(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(env).filter(([name]) => PASSED_ON.test(name)));
}

/** Runs jest with `args` (e.g. `--selectProjects exercises`) and returns every test's outcome. */
export function runJest(args: string[], options: JestOptions = {}): JestRun {
  const dir = scratchDir(tmpdir(), 'jest-report-');
  const output = path.join(dir, 'results.json');
  const jest = path.join(ROOT, 'node_modules', 'jest', 'bin', 'jest.js');
  // no inspector on SIGUSR1 (no-inspector.cjs), whatever sends it
  const node = ['--require', path.join(ROOT, 'course', 'grading', 'no-inspector.cjs'), ...(options.memoryMb === undefined ? [] : [`--max-old-space-size=${options.memoryMb}`])];
  const result = spawnSync(process.execPath, [...node, jest, '--json', `--outputFile=${output}`, '--silent', ...args], {
    cwd: ROOT,
    env: { ...allowedEnvironment(process.env), FORCE_COLOR: '0', ...options.env },
    encoding: 'utf8',
    timeout: options.timeoutSeconds === undefined ? undefined : options.timeoutSeconds * 1000,
    killSignal: 'SIGKILL',
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
    return { tests, brokenSuites };
  } catch {
    return { tests: [], brokenSuites: [], failure: whyNoReport(result, options) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Control characters (and the bidirectional overrides) shown as a visible \uXXXX: a message from a
 * submission could otherwise move a terminal's cursor and draw a different grade over the real one.
 */
export function visibleText(text: string): string {
  // eslint-disable-next-line no-control-regex -- these are the characters to make visible
  return text.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** The first line of a failure message, without colour codes, jest's stack or control characters. */
export function firstLine(message: string): string {
  // eslint-disable-next-line no-control-regex -- jest colours its messages with ANSI escapes
  const plain = message.replace(/\u001b\[[0-9;]*m/g, '');
  return visibleText(plain.split('\n').map((line) => line.trim()).find((line) => line.length > 0) ?? '');
}
