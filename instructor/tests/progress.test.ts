import { readFileSync } from 'node:fs';
import path from 'node:path';
import { exerciseFile, loadExercises } from '../../course/grading/exercises';
import { grade } from '../../course/grading/grader';
import { findExercise, progressReport, statusOf, stubLocation } from '../../course/grading/progress';
import { ROOT } from '../../course/targets';
import { removeStage, stageModules } from '../../course/grading/stage';

/** The stubs with Part 1 (neuron.ts) replaced by the reference. */
const studentWithPart1Done = () => stageModules('progress-test', (file) => (file === 'neuron.ts' ? 'reference' : 'exercises'));

describe('progress', () => {
  const target = studentWithPart1Done();
  const report = grade({ target });
  afterAll(() => removeStage(target));

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
    expect(readFileSync(path.join(ROOT, exerciseFile(exercise)), 'utf8').split('\n')[Number(line) - 1]).toMatch(/^export function updateWeights\(/);
  });
});

describe('findExercise', () => {
  const exercises = loadExercises();

  it('takes a plain or a module-qualified name', () => {
    expect(findExercise(exercises, 'lossFunction').exercise?.module).toBe('neuron');
    expect(findExercise(exercises, 'lossFunction').others.map((e) => e.module)).toEqual(['network']);
    expect(findExercise(exercises, 'network.lossFunction').exercise?.module).toBe('network');
    expect(findExercise(exercises, 'nope').exercise).toBeUndefined();
  });
});
