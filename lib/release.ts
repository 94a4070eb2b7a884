/**
 * The student repository: everything a student needs and nothing that holds a solution, with the
 * grading workflow wired in and a fresh git history.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { UsageError } from './errors';
import { loadExercises, testNamePattern } from './exercises';
import { ROOT } from './targets';

/** Paths (prefixes) of the course repository that stay out of the student repository. */
export const INSTRUCTOR_ONLY = [
  'reference/', // the solutions
  'bench/', // NumPy mirrors of the solutions
  'tools/', // fixture generators
  'tests/lib/', // tests of the scaffolding, which train the reference
  'tests/grading/', // the grader's fault fixtures
  'tests/fixtures/', // NumPy draws for the tests of lib/random
  'lib/verify.ts', // mutants of the reference
  'lib/bench-cases.ts',
  'lib/release.ts',
  'scripts/check.ts',
  'scripts/verify.ts',
  'scripts/bench.ts',
  'scripts/release.ts',
  '.ci/',
  '.github/workflows/ci.yml',
];

const STUDENT_SCRIPTS: Record<string, string> = {
  test: 'jest --selectProjects exercises --ci',
  typecheck: 'tsc --noEmit -p .',
  lint: 'eslint .',
  grade: 'tsx scripts/grade.ts',
  'train:neuron': 'tsx scripts/train_neuron.ts',
  'train:network': 'tsx scripts/train_network.ts',
  'train:logreg': 'tsx scripts/train_logreg.ts',
  'train:mlp': 'tsx scripts/train_mlp.ts',
  sweep: 'tsx scripts/sweep.ts',
  demo: 'tsx scripts/demo.ts --target exercises',
  progress: 'tsx scripts/progress.ts',
  watch: 'tsx scripts/watch.ts',
  hint: 'tsx scripts/hint.ts',
};

const README = `# Neural-network lab

Implement a neuron, a 2-2-1 network and an N-layer network by hand, in TypeScript.

\`\`\`sh
npm ci
npm test                          # every exercise test; each fails with "not implemented yet" until you write it
npm test -- neuron -t updateWeights   # one file, one function
npm run train:neuron              # train your neuron and plot it (also train:network, train:logreg, train:mlp)
npm run grade                     # your points per function, as the pull-request grading computes them
npm run progress                  # what is done, what is next
npm run watch                     # re-runs the current function's tests on every save (h: hint, q: quit)
npm run hint -- updateWeights     # a hint in three levels (--level 1|2|3)
\`\`\`

The guides in docs/ give the formulas, derivation hints and what each plot should look like.

Work through the files in exercises/ in this order: neuron.ts, network.ts, activations.ts, costs.ts,
logistic_regression.ts, one_hidden_layer.ts, mlp.ts. Each function's doc comment gives the formula,
the shapes and a hint. Do not edit tests/, lib/, scripts/ or the configuration: a pull request is
graded with the original files, and the report lists any you changed.
`;

function trackedFiles(): string[] {
  return execFileSync('git', ['ls-files'], { cwd: ROOT, encoding: 'utf8' }).split('\n').filter((f) => f.length > 0);
}

/** GitHub Classroom's autograding.json: one test per exercise function, from the metadata. */
export function classroomConfig(): Record<string, unknown> {
  return {
    tests: loadExercises().map((e) => ({
      name: `Part ${e.part}: ${path.basename(e.file)} › ${e.function}`,
      setup: 'npm ci',
      run: `npx jest --selectProjects exercises --ci ${e.tests.file} -t "${testNamePattern(e)}"`,
      input: '',
      output: '',
      comparison: 'included',
      timeout: 5,
      points: e.points,
    })),
  };
}

export function exportStudentRepository(out: string): string[] {
  const target = path.resolve(out);
  if (existsSync(target) && readdirSync(target).length > 0) throw new UsageError(`--out ${out}: the directory is not empty`);
  const files = trackedFiles().filter((f) => !INSTRUCTOR_ONLY.some((prefix) => f === prefix || f.startsWith(prefix)));
  for (const file of files) {
    mkdirSync(path.dirname(path.join(target, file)), { recursive: true });
    cpSync(path.join(ROOT, file), path.join(target, file));
  }
  const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as Record<string, unknown>;
  writeFileSync(path.join(target, 'package.json'), `${JSON.stringify({ ...pkg, name: 'neural-network-lab-student', scripts: STUDENT_SCRIPTS }, null, 2)}\n`);
  writeFileSync(path.join(target, 'README.md'), README);
  mkdirSync(path.join(target, '.github', 'classroom'), { recursive: true });
  writeFileSync(path.join(target, '.github', 'classroom', 'autograding.json'), `${JSON.stringify(classroomConfig(), null, 2)}\n`);
  const git = (...args: string[]) => execFileSync('git', args, { cwd: target, stdio: 'pipe' });
  git('init', '-q', '-b', 'main');
  git('add', '-A');
  git('-c', 'user.name=Course staff', '-c', 'user.email=staff@course.invalid', 'commit', '-qm', 'The neural-network lab');
  return files;
}

/** Code lines of reference/ (not comments, imports or signatures) that appear in the export. */
export function findSolutionLines(exported: string): string[] {
  const codeLines = (text: string) =>
    text
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l.length >= 30 && !/^(\*|\/\/|\/\*|import |export function|export const EPSILON|\)|function )/.test(l));
  const linesOf = (dir: string) => readdirSync(path.join(ROOT, dir)).filter((f) => f.endsWith('.ts')).flatMap((f) => codeLines(readFileSync(path.join(ROOT, dir, f), 'utf8')));
  const stubLines = new Set(linesOf('exercises')); // shared with the stubs (signatures): not a solution
  const solution = new Set(linesOf('reference').filter((line) => !stubLines.has(line)));
  const leaks: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir)) {
      if (entry === 'node_modules' || entry === '.git') continue;
      const full = path.join(dir, entry);
      if (statSync(full).isDirectory()) walk(full);
      else if (/\.(ts|mjs|js|py|json|md)$/.test(entry)) {
        for (const line of codeLines(readFileSync(full, 'utf8'))) if (solution.has(line)) leaks.push(`${path.relative(exported, full)}: ${line}`);
      }
    }
  };
  walk(exported);
  return leaks;
}
