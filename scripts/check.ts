/**
 * The project's own test command (`npm run check`, what CI runs):
 *   typecheck and lint; the exercises and reference export the same API; the lib/ and script tests
 *   and the exercise suites against reference/ all pass; the same suites against the stubs in
 *   exercises/ all fail, each with "not implemented yet".
 * Ends with one line `check: N passed, N failed` and a non-zero exit if anything failed.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { firstLine, runJest, type TestOutcome } from '../lib/jest-report';
import { ROOT } from '../lib/targets';

let passed = 0;
let failed = 0;

function record(ok: boolean, what: string, details: string[] = []): void {
  if (ok) passed += 1;
  else failed += 1;
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}`);
  for (const line of details.slice(0, 20)) console.log(`       ${line}`);
  if (details.length > 20) console.log(`       … and ${details.length - 20} more`);
}

function command(what: string, bin: string, args: string[]): void {
  const result = spawnSync(path.join(ROOT, 'node_modules', '.bin', bin), args, { cwd: ROOT, encoding: 'utf8' });
  const output = `${result.stdout}${result.stderr}`.trim().split('\n').filter((line) => line.length > 0);
  record(result.status === 0, what, result.status === 0 ? [] : output);
}

/** The same exported names and arities in exercises/ and reference/. */
function apiParity(): void {
  const modules = readdirSync(path.join(ROOT, 'exercises')).filter((f) => f.endsWith('.ts'));
  for (const file of modules) {
    /* eslint-disable @typescript-eslint/no-require-imports -- comparing the two folders' modules */
    const exercise = require(path.join(ROOT, 'exercises', file)) as Record<string, unknown>;
    const reference = require(path.join(ROOT, 'reference', file)) as Record<string, unknown>;
    /* eslint-enable @typescript-eslint/no-require-imports */
    const describe = (m: Record<string, unknown>) =>
      Object.keys(m).sort().map((k) => `${k}/${typeof m[k] === 'function' ? (m[k] as (...a: unknown[]) => unknown).length : typeof m[k]}`);
    const [a, b] = [describe(exercise), describe(reference)];
    const differences = [...a.filter((k) => !b.includes(k)).map((k) => `only in exercises: ${k}`), ...b.filter((k) => !a.includes(k)).map((k) => `only in reference: ${k}`)];
    record(differences.length === 0, `exercises/${file} and reference/${file} export the same API`, differences);
  }
}

function outcomes(project: string, tests: TestOutcome[], expectPass: boolean): void {
  for (const test of tests) {
    const ok = expectPass ? test.status === 'passed' : test.status === 'failed' && test.failureMessages.some((m) => m.includes('not implemented yet'));
    if (!ok) {
      const why = expectPass ? test.failureMessages.map(firstLine)[0] ?? test.status : test.status === 'failed' ? `fails for another reason: ${firstLine(test.failureMessages[0] ?? '')}` : `${test.status} on the stubs: it asserts nothing that needs the exercise`;
      record(false, `${project}: ${test.file} › ${test.fullName}`, [why]);
    } else passed += 1;
  }
}

function main(): void {
  command('typecheck (tsc --noEmit, strict)', 'tsc', ['--noEmit', '-p', '.']);
  command('lint (eslint)', 'eslint', ['.']);
  apiParity();

  const proven = runJest(['--selectProjects', 'lib', 'reference']);
  const stubs = runJest(['--selectProjects', 'exercises']);
  for (const broken of [...proven.brokenSuites, ...stubs.brokenSuites]) record(false, `test suite failed to run: ${broken.file}`, [firstLine(broken.message)]);

  const exerciseFiles = new Set(stubs.tests.map((t) => t.file));
  const referenceTests = proven.tests.filter((t) => exerciseFiles.has(t.file));
  const libTests = proven.tests.filter((t) => !exerciseFiles.has(t.file));
  outcomes('lib', libTests, true);
  outcomes('reference', referenceTests, true);
  outcomes('exercises (stubs)', stubs.tests, false);
  const count = (tests: TestOutcome[], status: string) => tests.filter((t) => t.status === status).length;
  console.log(`     lib and scripts: ${count(libTests, 'passed')} of ${libTests.length} tests pass`);
  console.log(`     reference: ${count(referenceTests, 'passed')} of ${referenceTests.length} exercise tests pass`);
  console.log(`     stubs: ${count(stubs.tests, 'failed')} of ${stubs.tests.length} exercise tests fail (each must say "not implemented yet")`);
  const names = (tests: TestOutcome[]) => tests.map((t) => `${t.file} › ${t.fullName}`).sort().join('\n');
  record(stubs.tests.length > 0 && names(stubs.tests) === names(referenceTests), 'the same exercise tests ran against reference/ and exercises/');

  console.log(`check: ${passed} passed, ${failed} failed`);
  process.exitCode = failed === 0 ? 0 : 1;
}

main();
