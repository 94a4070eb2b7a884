/**
 * The student repository: everything a student needs and nothing that holds a solution, with the
 * grading workflow wired in and a fresh git history.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { UsageError } from '../../course/cli/errors';
import { exerciseName, loadExercises, testFile, testNamePattern } from '../../course/grading/exercises';
import { ROOT } from '../../course/targets';

/**
 * The folders the student repository leaves out, whole: the solutions, everything only instructors
 * and maintainers need, and this workplace's CI entry point. Nothing else is listed anywhere:
 * package.json loses the scripts that run files in these folders, and README.md loses its
 * instructor sections, marked <!-- instructor --> … <!-- /instructor -->.
 */
export const COURSE_ONLY_FOLDERS = ['reference', 'instructor', '.ci'];

const INSTRUCTOR_SECTION = /<!-- instructor -->[\s\S]*?<!-- \/instructor -->\n*/g;

/** The student package.json: every script that names no course-only folder (a path in it, or the jest project of that name). */
export function studentPackageJson(text: string): string {
  const pkg = JSON.parse(text) as { name: string; scripts: Record<string, string> };
  const runsCourseOnly = (command: string) => COURSE_ONLY_FOLDERS.some((folder) => command.split(/\s+/).some((word) => word === folder || word.startsWith(`${folder}/`)));
  const scripts = Object.fromEntries(Object.entries(pkg.scripts).filter(([, command]) => !runsCourseOnly(command)));
  return `${JSON.stringify({ ...pkg, name: `${pkg.name}-student`, scripts }, null, 2)}\n`;
}

/** README.md without its instructor sections. */
export function studentReadme(text: string): string {
  return text.replace(INSTRUCTOR_SECTION, '');
}

/** GitHub Classroom's autograding.json: one test per exercise function, from the metadata. */
export function classroomConfig(): Record<string, unknown> {
  return {
    tests: loadExercises().map((e) => ({
      name: `Part ${e.part}: ${exerciseName(e)}`,
      setup: 'npm ci --ignore-scripts',
      run: `npx jest --selectProjects exercises --ci ${testFile(e)} -t "${testNamePattern(e)}"`,
      input: '',
      output: '',
      comparison: 'included',
      timeout: 5,
      points: e.points,
    })),
  };
}

/**
 * Exports the committed tree (never the working tree, where an instructor may have solved the
 * exercises) minus the course-only folders into `out`, with its own fresh git history.
 */
export function exportStudentRepository(out: string): string[] {
  const target = path.resolve(out);
  if (existsSync(target) && readdirSync(target).length > 0) throw new UsageError(`--out ${out}: the directory is not empty`);
  mkdirSync(target, { recursive: true });
  const excluded = COURSE_ONLY_FOLDERS.map((folder) => `:(exclude)${folder}`);
  const archive = execFileSync('git', ['archive', '--format=tar', 'HEAD', '--', '.', ...excluded], { cwd: ROOT, maxBuffer: 256 * 1024 * 1024 });
  execFileSync('tar', ['-x', '-C', target], { input: archive });
  const edit = (file: string, transform: (text: string) => string) => writeFileSync(path.join(target, file), transform(readFileSync(path.join(target, file), 'utf8')));
  edit('package.json', studentPackageJson);
  edit('README.md', studentReadme);
  mkdirSync(path.join(target, '.github', 'classroom'), { recursive: true });
  writeFileSync(path.join(target, '.github', 'classroom', 'autograding.json'), `${JSON.stringify(classroomConfig(), null, 2)}\n`);
  const git = (...args: string[]) => execFileSync('git', args, { cwd: target, stdio: 'pipe', encoding: 'utf8' });
  git('init', '-q', '-b', 'main');
  git('add', '-A');
  git('-c', 'user.name=Course staff', '-c', 'user.email=staff@course.invalid', 'commit', '-qm', 'The neural-network lab');
  return git('ls-files').split('\n').filter((f) => f.length > 0);
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
