/**
 * A hostile submission, built on disk for `npm run check`: half the work done honestly (neuron.ts
 * and costs.ts are the reference), and every other way we know to take points without earning
 * them. Each attack sits in a module whose honest score we know, so a grade that differs from the
 * honest one shows which attack worked:
 *   network.ts            a stub that replaces jest's expect, writes a jest report where every
 *                         test passed to the grader's --outputFile and exits 0, writes fake
 *                         result files (grade/results.json) and spawns a process
 *   logistic_regression   a stub that reads the reference's solution from the course checkout
 *   one_hidden_layer.ts   a stub that calls process.exit(0) in the middle of a test run
 *   activations.ts        the reference plus a trailing syntax error: does not compile, 0
 *   mlp.ts                a symbolic link to reference/mlp.ts: not a regular file, 0
 *   neuron.ts, costs.ts   the reference with the same tampering, which must not cost them points
 *   outside exercises/    .npmrc (node-options --require), jest.config.js, package.json scripts,
 *                         a suite that always passes, and an exercise file named with a backtick
 * The honest score is the points of neuron.ts and costs.ts.
 */
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadExercises } from '../../../course/grading/exercises';
import { ROOT } from '../../../course/targets';

/** Files the attacks try to create; none may exist after grading. */
export function forgedFiles(dir: string): string[] {
  const run = path.basename(dir);
  return [path.join(ROOT, 'grade', `hostile-results-${run}.json`), path.join(dir, 'pwned.txt'), path.join(tmpdir(), `lab-hostile-${run}.txt`)];
}

/** The exercise functions by module, for the outputFile forgery (which builds jest's report at run time). */
const FUNCTIONS = JSON.stringify([...new Set(loadExercises().map((e) => e.module))].map((module) => [module, loadExercises().filter((e) => e.module === module).map((e) => e.function)]));

const TAMPER = (dir: string) => `
// ---- hostile: tamper with the test framework, the result files and the process ----
try {
  const g = globalThis as Record<string, unknown>;
  const pass = { toBe() {}, toEqual() {}, toBeCloseTo() {}, toBeLessThan() {}, toBeGreaterThan() {}, toHaveLength() {} };
  g.expect = () => new Proxy(pass, { get: () => () => undefined });
} catch { /* keep going */ }
// the grader's jest writes its report to --outputFile: write one where every test passed, then leave
try {
  const out = process.argv.find((a) => a.startsWith('--outputFile='));
  if (out !== undefined) {
    const suites = (${FUNCTIONS} as [string, string[]][]).map(([module, functions]) => ({
      name: require('node:path').join(process.cwd(), 'tests', 'exercises', module + '.test.ts'),
      message: '',
      status: 'passed',
      assertionResults: functions.map((f) => ({ ancestorTitles: [f], title: 'forged', fullName: f + ' forged', status: 'passed', failureMessages: [] })),
    }));
    require('node:fs').writeFileSync(out.slice('--outputFile='.length), JSON.stringify({ testResults: suites }));
    process.exit(0);
  }
} catch { /* denied */ }
for (const file of ${JSON.stringify(forgedFiles(dir))}) {
  try { require('node:fs').writeFileSync(file, '{"score": 43}'); } catch { /* denied */ }
}
try { require('node:child_process').execSync('touch ${forgedFiles(dir)[2]}'); } catch { /* denied */ }
try { new (require('node:worker_threads').Worker)('1', { eval: true }); } catch { /* denied */ }
`;

const STEAL = (module: string) => `
// ---- hostile: the solution from the course checkout ----
try {
  const stolen = require(${JSON.stringify(path.join(ROOT, 'reference', `${module}.ts`))});
  Object.assign(module.exports, stolen);
} catch { /* denied */ }
try {
  const text = require('node:fs').readFileSync(${JSON.stringify(path.join(ROOT, 'reference', `${module}.ts`))}, 'utf8');
  module.exports.stolen = text.length;
} catch { /* denied */ }
`;

/** Writes the hostile submission into `dir` (a student's repository checkout). */
export function writeHostileSubmission(dir: string): void {
  const exercises = path.join(dir, 'exercises');
  mkdirSync(exercises, { recursive: true });
  const read = (folder: string, module: string) => readFileSync(path.join(ROOT, folder, `${module}.ts`), 'utf8');
  const hostile = (text: string) => `// @ts-nocheck -- a hostile submission\n${text}`;
  writeFileSync(path.join(exercises, 'neuron.ts'), hostile(read('reference', 'neuron') + TAMPER(dir)));
  writeFileSync(path.join(exercises, 'costs.ts'), hostile(read('reference', 'costs') + STEAL('costs')));
  writeFileSync(path.join(exercises, 'network.ts'), hostile(read('exercises', 'network') + TAMPER(dir)));
  writeFileSync(path.join(exercises, 'logistic_regression.ts'), hostile(read('exercises', 'logistic_regression') + STEAL('logistic_regression')));
  writeFileSync(
    path.join(exercises, 'one_hidden_layer.ts'),
    hostile(read('exercises', 'one_hidden_layer').replace(/throw new NotImplementedError/g, 'process.exit(0);\n  throw new NotImplementedError')),
  );
  writeFileSync(path.join(exercises, 'activations.ts'), `${read('reference', 'activations')}\nexport const broken = (;\n`);
  symlinkSync(path.join(ROOT, 'reference', 'mlp.ts'), path.join(exercises, 'mlp.ts'));
  writeFileSync(path.join(exercises, 'we`ird](x).ts'), read('reference', 'neuron'));
  writeFileSync(path.join(dir, '.npmrc'), `node-options=--require ${path.join(dir, 'evil.js')}\n`);
  writeFileSync(path.join(dir, 'evil.js'), `require('fs').writeFileSync(${JSON.stringify(path.join(dir, 'pwned.txt'))}, 'x');\n`);
  writeFileSync(path.join(dir, 'jest.config.js'), "module.exports = { testMatch: ['**/always.test.js'] };\n");
  writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'x', scripts: { grade: 'echo "# Grade: 43 / 43 points"', test: 'true' } }));
  mkdirSync(path.join(dir, 'tests', 'exercises'), { recursive: true });
  writeFileSync(path.join(dir, 'tests', 'exercises', 'network.test.ts'), "describe('evaluateNetwork', () => it('passes', () => undefined));\n");
}

/** Points per module that the hostile submission earns honestly: neuron.ts and costs.ts, nothing else. */
export function honestPoints(): Map<string, number> {
  const points = new Map<string, number>();
  for (const e of loadExercises()) points.set(e.module, (points.get(e.module) ?? 0) + (['neuron', 'costs'].includes(e.module) ? e.points : 0));
  return points;
}
