import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { loadExercises } from '../../lib/exercises';
import { grade } from '../../lib/grader';
import { findExercise, progressReport, statusOf, stubLocation } from '../../lib/progress';
import { ROOT } from '../../lib/targets';
import { stageModules } from '../../lib/verify';

/** The stubs with Part 1 (neuron.ts) replaced by the reference, in a folder one level deeper. */
const studentWithPart1Done = (): string =>
  stageModules(path.join(ROOT, '.progress-test', 'exercises'), (file) => (file === 'neuron.ts' ? 'reference' : 'exercises'));

describe('progress', () => {
  const dir = studentWithPart1Done();
  const report = grade({ exercisesDir: dir });
  afterAll(() => rmSync(path.join(ROOT, '.progress-test'), { recursive: true, force: true }));

  it('shows Part 1 done and the rest not started', () => {
    expect(report.functions.map(statusOf)).toEqual([...Array(5).fill('done'), ...Array(14).fill('not started')]);
  });

  it('counts "k of n done" and names the next function with the file and line of its stub', () => {
    const { text, next } = progressReport(report);
    expect(text).toContain('5 of 19 functions done');
    expect(next?.function).toBe('evaluateNetwork');
    expect(text).toMatch(/Next: evaluateNetwork in exercises\/network\.ts:\d+/);
    expect(text).toContain('npm test -- network -t evaluateNetwork');
  });

  it('points at the line of the stub', () => {
    const exercise = loadExercises().find((e) => e.function === 'updateWeights')!;
    const [, line] = stubLocation(exercise).split(':');
    expect(readFileSync(path.join(ROOT, exercise.file), 'utf8').split('\n')[Number(line) - 1]).toMatch(/^export function updateWeights\(/);
  });
});

describe('findExercise', () => {
  const exercises = loadExercises();

  it('takes a plain or a module-qualified name', () => {
    expect(findExercise(exercises, 'lossFunction').exercise?.file).toBe('exercises/neuron.ts');
    expect(findExercise(exercises, 'lossFunction').others.map((e) => e.file)).toEqual(['exercises/network.ts']);
    expect(findExercise(exercises, 'network.lossFunction').exercise?.file).toBe('exercises/network.ts');
    expect(findExercise(exercises, 'nope').exercise).toBeUndefined();
  });
});
