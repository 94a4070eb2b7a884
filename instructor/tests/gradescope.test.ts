/**
 * The Gradescope autograder, run as Gradescope would: the zip unpacked into <root>/source, the
 * course's packages where setup.sh puts them (here: this checkout's node_modules, linked), a
 * submission in <root>/submission, run_autograder with AUTOGRADER_ROOT=<root>. Its results.json
 * must hold only fields of Gradescope's specification and the submission's honest score.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import AdmZip from 'adm-zip';
import { loadExercises } from '../../course/grading/exercises';
import { RESULTS_FIELDS, TEST_FIELDS, buildAutograder } from '../../course/grading/gradescope';
import { ROOT } from '../../course/targets';

interface Results {
  score: number;
  output_format?: string;
  execution_time?: number;
  tests: { score: number; max_score: number; name: string }[];
}

describe('the Gradescope autograder', () => {
  const root = mkdtempSync(path.join(tmpdir(), 'autograder-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  const run = () => spawnSync('bash', [path.join(root, 'source', 'run_autograder')], { env: { ...process.env, AUTOGRADER_ROOT: root }, encoding: 'utf8' });
  const results = () => JSON.parse(readFileSync(path.join(root, 'results', 'results.json'), 'utf8')) as Results;

  it('grades a submission in the simulated layout: spec fields only, the honest score', () => {
    const zip = path.join(root, 'autograder.zip');
    buildAutograder(zip);
    new AdmZip(zip).extractAllTo(path.join(root, 'source'));
    symlinkSync(path.join(ROOT, 'node_modules'), path.join(root, 'source', 'course', 'node_modules'), 'dir');
    mkdirSync(path.join(root, 'submission', 'exercises'), { recursive: true });
    copyFileSync(path.join(ROOT, 'reference', 'costs.ts'), path.join(root, 'submission', 'exercises', 'costs.ts'));
    const result = run();
    expect(result.status).toBe(0);
    const json = results();
    expect(Object.keys(json).filter((k) => !RESULTS_FIELDS.includes(k))).toEqual([]);
    for (const test of json.tests) expect(Object.keys(test).filter((k) => !TEST_FIELDS.includes(k))).toEqual([]);
    expect(json.output_format).toBe('md');
    expect(typeof json.execution_time).toBe('number');
    expect(json.tests).toHaveLength(loadExercises().length);
    const costs = loadExercises().filter((e) => e.module === 'costs').reduce((sum, e) => sum + e.points, 0);
    expect(json.score).toBe(costs);
  }, 180_000);

  it('writes a valid failure result when grading itself fails', () => {
    rmSync(path.join(root, 'source', 'course', 'scripts', 'grade.ts'));
    expect(run().status).toBe(0);
    const json = results();
    expect(json.score).toBe(0);
    expect(json.tests).toEqual([]);
    expect(Object.keys(json).filter((k) => !RESULTS_FIELDS.includes(k))).toEqual([]);
  }, 60_000);
});
