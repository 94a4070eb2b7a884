/**
 * The release refuses to ship solutions: a course repository whose committed exercises/ holds the
 * reference (an instructor who solved the exercises and committed them) is caught module by module.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadExercises } from '../../course/grading/exercises';
import { ROOT } from '../../course/targets';
import { classroomWorkflow, committedSolutions } from '../release/release';

describe('release', () => {
  it('finds no solution in the committed stubs', () => {
    expect(committedSolutions()).toEqual([]);
  });

  it('names every solved function when the committed exercises/ holds the reference', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'solved-course-'));
    try {
      cpSync(path.join(ROOT, 'lib'), path.join(dir, 'lib'), { recursive: true });
      cpSync(path.join(ROOT, 'reference'), path.join(dir, 'exercises'), { recursive: true });
      const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@t', ...args], { cwd: dir, stdio: 'pipe' });
      git('init', '-q');
      git('add', '-A');
      git('commit', '-qm', 'solved');
      expect(committedSolutions(dir)).toHaveLength(loadExercises().length);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("Classroom's workflow: one command-grader step per function with its points, and the reporter over all", () => {
    const yml = classroomWorkflow();
    const exercises = loadExercises();
    expect(yml.match(/uses: classroom-resources\/autograding-command-grader@v1/g)).toHaveLength(exercises.length);
    expect(yml).toContain('classroom-resources/autograding-grading-reporter@v1');
    expect(yml).toContain(`max-score: ${exercises[0].points}`);
    expect(yml).toContain(`runners: ${exercises.map((e) => `${e.module}_${e.function}`.toLowerCase()).join(',')}`);
  });
});
