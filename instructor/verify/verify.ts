/**
 * Proves the grader, through the sandbox as it grades students: the stubs score 0, the reference
 * scores full marks, each mutant of the reference (one deliberate, typical mistake) loses points,
 * and a deliberately faulty module is graded function by function without taking the rest down.
 */
import path from 'node:path';
import { grade, type GradeReport } from '../../course/grading/grader';
import { removeStage, stageModules } from '../../course/grading/stage';
import { resolveTarget, type Target } from '../../course/targets';
import { applyMutant, findMutants, type Mutant } from './mutants';

export interface VerifyCheck {
  ok: boolean;
  what: string;
  details: string[];
}

/** reference/ staged with one mutation applied. */
function mutantTarget(mutant: Mutant, index: number): Target {
  return stageModules(`mutant-${index}`, () => 'reference', (file, text) => (file === `${mutant.module}.ts` ? applyMutant(text, mutant.name) : text));
}

/** The failing tests of a report, as "function › test". */
function caughtBy(report: GradeReport): string[] {
  return report.functions.filter((f) => f.passed < f.total || f.total === 0).map((f) => `${f.exercise.function} (${f.passed}/${f.total} pass): ${f.firstFailure ?? ''}`.slice(0, 160));
}

export function verifyGrader(onProgress: (line: string) => void = () => undefined): { checks: VerifyCheck[]; mutantTable: { name: string; module: string; lost: number; caughtBy: string[] }[] } {
  const checks: VerifyCheck[] = [];
  const stubs = grade({ sandbox: true });
  checks.push({ ok: stubs.score === 0, what: `the stubs score 0 (got ${stubs.score} of ${stubs.maxScore})`, details: [] });
  const reference = grade({ target: resolveTarget('reference'), sandbox: true });
  checks.push({ ok: reference.score === reference.maxScore, what: `the reference scores full marks (got ${reference.score} of ${reference.maxScore})`, details: caughtBy(reference) });

  const mutantTable: { name: string; module: string; lost: number; caughtBy: string[] }[] = [];
  const mutants = findMutants();
  mutants.forEach((mutant, i) => {
    onProgress(`mutant ${i + 1}/${mutants.length}: ${mutant.name}`);
    const target = mutantTarget(mutant, i);
    try {
      const report = grade({ target, only: [mutant.module], sandbox: true, typecheck: false });
      const lost = report.maxScore - report.score;
      mutantTable.push({ name: mutant.name, module: mutant.module, lost, caughtBy: caughtBy(report) });
      checks.push({ ok: lost > 0, what: `mutant "${mutant.name}" (${mutant.module}.ts) loses points (${Math.round(lost * 100) / 100})`, details: [] });
      // a no-op (a function that returns something harmless and computes nothing) earns nothing:
      // its properties (shapes, unchanged inputs, invariances) count only beside a passing value test
      const noOp = /^no-op: (\w+)/.exec(mutant.name)?.[1];
      if (noOp !== undefined) {
        const earned = report.functions.find((f) => f.exercise.function === noOp)?.points;
        checks.push({ ok: earned === 0, what: `no-op mutant "${mutant.name}" earns 0 points for ${noOp} (got ${earned ?? 'no grade'})`, details: [] });
      }
    } finally {
      removeStage(target);
    }
  });
  checks.push({ ok: mutants.length >= 16, what: `reference/ names at least 16 mutants (found ${mutants.length})`, details: [] });

  onProgress('a faulty module: endless loop, process.exit, unbounded memory, console flood');
  const faultyTarget = stageModules('faulty', (file) => (file === 'neuron.ts' ? path.join('instructor', 'tests', 'faulty') : 'exercises'));
  let faulty: GradeReport;
  try {
    faulty = grade({ target: faultyTarget, only: ['neuron'], timeoutSeconds: 20, callTimeoutSeconds: 2, memoryMb: 512, sandbox: true });
  } finally {
    removeStage(faultyTarget);
  }
  const points = Object.fromEntries(faulty.functions.map((f) => [f.exercise.function, f.points]));
  const expected = { evaluateNeuron: 2, derivativeOfSigmoid: 1, lossFunction: 0, updateWeights: 0, evaluatePrediction: 0 };
  checks.push({
    ok: JSON.stringify(points) === JSON.stringify(expected),
    what: 'faults are isolated: the right functions of a faulty module keep their points',
    details: faulty.functions.map((f) => `${f.exercise.function}: ${f.points} (${f.firstFailure ?? 'passed'})`),
  });
  return { checks, mutantTable };
}
