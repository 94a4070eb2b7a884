/**
 * The maintainers' gate (`npm run check`, what CI runs), on a checkout whose exercises/ holds the
 * committed stubs:
 *   typecheck and lint; the exercises and reference export the same API; the metadata and the naming
 *   convention agree; the course tests and the exercise suites against reference/ all pass; the same
 *   suites against the stubs all fail, each with "not implemented yet"; the grader is proven; the
 *   student release holds no solution.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { exerciseName, loadExercises, testFile } from '../../course/grading/exercises';
import { PROPERTIES } from '../../course/grading/grader';
import { firstLine, runJest, type TestOutcome } from '../../course/grading/jest-report';
import { ROOT } from '../../course/targets';
import { exportStudentRepository, findSolutionLines } from '../release/release';
import { verifyGrader } from '../verify/verify';
import { checkExpectedPlots } from './expected-plots';
import { checkEnvironment } from './environment';
import { gradeSubmission } from '../../course/grading/submission';
import { forgedFiles, honestPoints, writeHostileSubmission } from '../tests/hostile/submission';
import { FIXTURES_FILE, fixturesText } from '../fixtures/fixtures';
import { findImplementations } from '../release/probe';

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

/** course/exercises.toml lists exactly the exported functions of the exercise modules, each with its suite. */
function metadataCoversExports(): void {
  const exercises = loadExercises();
  const listed = exercises.map((e) => `${e.module}.${e.function}`).sort();
  const exported = readdirSync(path.join(ROOT, 'exercises'))
    .filter((f) => f.endsWith('.ts'))
    .flatMap((file) => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- reading the modules' exports
      const module = require(path.join(ROOT, 'exercises', file)) as Record<string, unknown>;
      return Object.keys(module).filter((k) => typeof module[k] === 'function').map((k) => `${path.basename(file, '.ts')}.${k}`);
    })
    .sort();
  const missing = exported.filter((e) => !listed.includes(e)).map((e) => `exported but not in course/exercises.toml: ${e}`);
  const extra = listed.filter((e) => !exported.includes(e)).map((e) => `in course/exercises.toml but not exported: ${e}`);
  const twice = listed.filter((e, i) => listed.indexOf(e) !== i).map((e) => `listed twice: ${e}`);
  const convention = [...new Set(exercises.map((e) => e.module))].flatMap((module) =>
    [`reference/${module}.ts`, `tests/exercises/${module}.test.ts`].filter((file) => !existsSync(path.join(ROOT, file))).map((file) => `${module}: ${file} is missing (the naming convention)`),
  );
  record(missing.length + extra.length + twice.length + convention.length === 0, 'course/exercises.toml lists every exercise function once; each module has its reference and its suite', [...missing, ...extra, ...twice, ...convention]);
}

/** Every exercise test is graded: its file and outermost describe name one listed function. */
function everyTestGraded(tests: TestOutcome[]): void {
  const exercises = loadExercises();
  const orphans = tests.filter((t) => !exercises.some((e) => testFile(e) === t.file && e.function === t.ancestors[0]));
  // a function's properties earn only beside a passing test of its values (grader.ts), so each needs one
  const empty = exercises.filter((e) => !tests.some((t) => t.file === testFile(e) && t.ancestors[0] === e.function && t.ancestors[1] !== PROPERTIES));
  record(orphans.length + empty.length === 0, 'every exercise test sits in the describe block of one listed function, and every function has tests of its values', [
    ...orphans.map((t) => `not graded: ${t.file} › ${t.fullName}`),
    ...empty.map((e) => `no value tests: ${exerciseName(e)}`),
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
    record(!existsSync(path.join(dir, 'reference')) && !existsSync(path.join(dir, 'instructor')), 'release: the student repository has no reference/ and no instructor/');
    const scripts = (JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
    const dangling = Object.entries(scripts).flatMap(([name, command]) => command.split(/\s+/).filter((word) => /\.ts$/.test(word) && !existsSync(path.join(dir, word))).map((file) => `npm run ${name}: ${file} is not in the release`));
    const readme = readFileSync(path.join(dir, 'README.md'), 'utf8');
    record(dangling.length === 0 && !readme.includes('instructor -->') && !readme.includes('npm run check'), 'release: every npm script runs a file of the release, and the README has no instructor section', dangling);
    const lint = spawnSync(process.execPath, [path.join(ROOT, 'node_modules', '@tktco', 'node-actionlint', 'bin', 'node-actionlint.js')], { cwd: dir, encoding: 'utf8' });
    record(lint.status === 0 && existsSync(path.join(dir, '.github', 'workflows', 'classroom.yml')) && !existsSync(path.join(dir, '.github', 'workflows', 'grade-class.yml')), "release: Classroom's workflow is there and passes actionlint; class grading's is not", `${lint.stdout}${lint.stderr}`.split('\n'));
    const leaks = findSolutionLines(dir);
    record(leaks.length === 0, 'release: no code line of reference/ appears in the student repository', leaks);
    symlinkSync(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
    const implementations = findImplementations(dir);
    record(implementations.length === 0, 'release: no function of its tests/ or lib/ computes a graded function (called with each one\'s inputs)', implementations);
    const result = spawnSync(process.execPath, [path.join(dir, 'node_modules', 'jest', 'bin', 'jest.js'), '--selectProjects', 'exercises', '--ci', '--silent', '--json'], { cwd: dir, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    const json = JSON.parse(result.stdout) as { numTotalTests: number; numFailedTests: number; testResults: { message: string }[] };
    const allSayIt = json.testResults.every((r) => r.message.includes('not implemented yet'));
    record(json.numTotalTests === exerciseTests && json.numFailedTests === exerciseTests && allSayIt, `release: npm test there runs all ${exerciseTests} exercise tests and each fails with "not implemented yet" (${json.numFailedTests} of ${json.numTotalTests} failed)`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * A hostile submission (instructor/tests/hostile/submission.ts) graded as a student's would be:
 * each module must score exactly its honest points, and no file the attacks write may appear.
 */
function hostileSubmission(): void {
  const dir = mkdtempSync(path.join(tmpdir(), 'hostile-submission-'));
  try {
    writeHostileSubmission(dir);
    const report = gradeSubmission(dir);
    const honest = honestPoints();
    for (const [module, points] of honest) {
      const got = report.functions.filter((f) => f.exercise.module === module).reduce((sum, f) => sum + f.points, 0);
      const why = report.functions.filter((f) => f.exercise.module === module && f.firstFailure !== undefined).map((f) => `${f.exercise.function}: ${f.firstFailure ?? ''}`.slice(0, 200));
      record(Math.abs(got - points) < 1e-9, `hostile submission: ${module}.ts scores its honest ${points} (got ${Math.round(got * 100) / 100})`, got === points ? [] : why);
    }
    const forged = forgedFiles(dir).filter((file) => existsSync(file));
    record(forged.length === 0, 'hostile submission: no file written by the submission exists', forged);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The files of exercises/ that differ from the committed stubs (check proves the course on its stubs). */
function changedExercises(): string[] {
  return execFileSync('git', ['status', '--porcelain', '--', 'exercises'], { cwd: ROOT, encoding: 'utf8' }).split('\n').filter((l) => l.trim().length > 0).map((l) => l.slice(3));
}

/** Runs every check in order, printing a line each; returns the counts. */
export async function runCheck(): Promise<{ passed: number; failed: number }> {
  const changed = changedExercises();
  if (changed.length > 0) {
    record(false, 'exercises/ holds the committed stubs', [
      `changed: ${changed.join(', ')}`,
      'npm run check proves the suites fail on the stubs, so it runs on a clean checkout: git stash, or a fresh clone.',
      'Students: npm test and npm run grade check your work.',
    ]);
    return { passed, failed };
  }
  command('typecheck (tsc --noEmit, strict)', 'tsc', ['--noEmit', '-p', '.']);
  command('lint (eslint)', 'eslint', ['.']);
  command('workflows (actionlint)', 'node-actionlint', []);
  apiParity();
  metadataCoversExports();
  record(readFileSync(FIXTURES_FILE, 'utf8') === fixturesText(), 'tests/fixtures.json is what reference/ computes (else: npm run make-fixtures)');

  const proven = runJest(['--selectProjects', 'instructor', 'reference', '--ci']);
  const stubs = runJest(['--selectProjects', 'exercises', '--ci']);
  for (const run of [proven, stubs]) if (run.failure !== undefined) record(false, `jest ran: ${run.failure}`);
  for (const broken of [...proven.brokenSuites, ...stubs.brokenSuites]) record(false, `test suite failed to run: ${broken.file}`, [firstLine(broken.message)]);

  const exerciseFiles = new Set(stubs.tests.map((t) => t.file));
  const referenceTests = proven.tests.filter((t) => exerciseFiles.has(t.file));
  const courseTests = proven.tests.filter((t) => !exerciseFiles.has(t.file));
  outcomes('instructor', courseTests, true);
  outcomes('reference', referenceTests, true);
  outcomes('exercises (stubs)', stubs.tests, false);
  const count = (tests: TestOutcome[], status: string) => tests.filter((t) => t.status === status).length;
  console.log(`     course and scripts: ${count(courseTests, 'passed')} of ${courseTests.length} tests pass`);
  console.log(`     reference: ${count(referenceTests, 'passed')} of ${referenceTests.length} exercise tests pass`);
  console.log(`     stubs: ${count(stubs.tests, 'failed')} of ${stubs.tests.length} exercise tests fail (each must say "not implemented yet")`);
  const names = (tests: TestOutcome[]) => tests.map((t) => `${t.file} › ${t.fullName}`).sort().join('\n');
  record(stubs.tests.length > 0 && names(stubs.tests) === names(referenceTests), 'the same exercise tests ran against reference/ and exercises/');
  everyTestGraded(stubs.tests);

  console.log('     proving the grader (npm run verify): stubs, reference, mutants, faults…');
  const { checks } = verifyGrader();
  for (const check of checks) record(check.ok, `grader: ${check.what}`, check.ok ? [] : check.details);

  console.log('     grading a hostile submission (tampering, stolen solutions, process.exit, a syntax error, a symlink, files outside exercises/)…');
  hostileSubmission();
  studentRelease(stubs.tests.length);
  for (const check of checkEnvironment()) record(check.ok, `environment: ${check.what}`, check.details);
  console.log('     regenerating the expected plots of docs/expected/…');
  const expected = await checkExpectedPlots();
  record(expected.ok, expected.what, expected.details);

  return { passed, failed };
}
