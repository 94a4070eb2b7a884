import { execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadExercises } from '../../course/grading/exercises';
import { gradescopeReport, markdownReport, type GradeReport } from '../../course/grading/grader';

const ROOT = path.resolve(__dirname, '..', '..');

describe('restore-protected.sh (run by the grading workflow)', () => {
  const repo = mkdtempSync(path.join(tmpdir(), 'restore-'));
  const git = (...args: string[]) => execFileSync('git', args, { cwd: repo, encoding: 'utf8' }).trim();
  const write = (file: string, text: string) => {
    mkdirSync(path.dirname(path.join(repo, file)), { recursive: true });
    writeFileSync(path.join(repo, file), text);
  };
  git('init', '-q', '-b', 'main');
  git('config', 'user.email', 't@example.invalid');
  git('config', 'user.name', 'test');
  write('tests/exercises/neuron.test.ts', 'pristine test\n');
  write('exercises/neuron.ts', 'stub\n');
  write('lib/sigmoid.ts', 'pristine lib\n');
  git('add', '.');
  git('commit', '-qm', 'base');
  const base = git('rev-parse', 'HEAD');
  git('checkout', '-qb', 'student');
  write('tests/exercises/neuron.test.ts', 'test edited to pass\n');
  write('tests/exercises/extra.test.ts', 'a test the student added\n');
  write('.npmrc', 'node-options=--require ./hook.js\n');
  write('exercises/neuron.ts', 'the student work\n');
  git('add', '.');
  git('commit', '-qm', 'my work');
  const flagged = path.join(repo, '..', `${path.basename(repo)}-flagged.txt`);
  execFileSync('bash', [path.join(ROOT, '.github', 'scripts', 'restore-protected.sh'), base, flagged], { cwd: repo });

  it('puts the pristine test back', () => {
    expect(readFileSync(path.join(repo, 'tests/exercises/neuron.test.ts'), 'utf8')).toBe('pristine test\n');
  });

  it('removes files the pull request added anywhere but the exercise files', () => {
    expect(existsSync(path.join(repo, 'tests/exercises/extra.test.ts'))).toBe(false);
    expect(existsSync(path.join(repo, '.npmrc'))).toBe(false);
  });

  it("keeps the student's work in exercises/", () => {
    expect(readFileSync(path.join(repo, 'exercises/neuron.ts'), 'utf8')).toBe('the student work\n');
  });

  it('lists exactly the other files the pull request changed', () => {
    expect(readFileSync(flagged, 'utf8').trim().split('\n').sort()).toEqual(['.npmrc', 'tests/exercises/extra.test.ts', 'tests/exercises/neuron.test.ts']);
  });
});

describe('grade reports', () => {
  const [first, second] = loadExercises();
  const report: GradeReport = {
    functions: [
      { exercise: first, passed: 6, total: 6, points: first.points },
      { exercise: second, passed: 3, total: 6, points: second.points / 2, firstFailure: 'is 0.25 at a = 0: expected 0.25, got 0.5' },
    ],
    score: first.points + second.points / 2,
    maxScore: first.points + second.points,
    notes: [],
  };

  it('Markdown: the score, a row per function with its first failure, and the flagged files', () => {
    const markdown = markdownReport(report, { flaggedFiles: ['tests/exercises/neuron.test.ts', 'exercises/x`](javascript:alert(1)).ts'] });
    expect(markdown).toContain(`# Grade: ${report.score} / ${report.maxScore} points`);
    expect(markdown).toContain('| `neuron.ts › derivativeOfSigmoid` | 3 / 6 | 0.5 / 1 | is 0.25 at a = 0: expected 0.25, got 0.5 |');
    expect(markdown).toContain('Files outside exercises/ changed in this pull request');
    expect(markdown).toContain('tests/exercises/neuron.test.ts');
    // a file name with a backtick or a link cannot write raw Markdown into the report
    expect(markdown).toContain('exercises/x\\`\\]\\(javascript:alert\\(1\\)\\).ts');
  });

  it('Markdown: a preview says so, and student text is escaped', () => {
    const hostile = { ...report, functions: [{ ...report.functions[1], firstFailure: '<img src=x> | `code` *bold*\nnext' }] };
    const markdown = markdownReport(hostile, { preview: true });
    expect(markdown).toContain('# Preview grade:');
    expect(markdown).toContain('&lt;img src=x&gt; \\| \\`code\\` \\*bold\\* next');
  });

  it("Gradescope: results.json's fields, one test entry per function", () => {
    const json = gradescopeReport(report, { executionSeconds: 12.3 }) as { score: number; tests: Record<string, unknown>[] };
    expect(json.score).toBe(report.score);
    expect(Object.keys(json).sort()).toEqual(['execution_time', 'output', 'output_format', 'score', 'stdout_visibility', 'tests', 'visibility']);
    expect(Object.keys(json.tests[0]).sort()).toEqual(['max_score', 'name', 'output', 'output_format', 'score', 'status', 'visibility']);
    expect(json.tests[1]).toMatchObject({ name: 'Part 1: neuron.ts › derivativeOfSigmoid', score: 0.5, max_score: 1 });
  });
});
