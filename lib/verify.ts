/**
 * Proves the grader: the stubs score 0, the reference scores full marks, each mutant of the
 * reference (one deliberate, typical mistake) loses points, and a deliberately faulty module is
 * graded function by function without taking the rest down.
 */
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { grade, type GradeReport } from './grader';
import { ROOT } from './targets';

export interface Mutant {
  name: string;
  module: string;
  from: string;
  to: string;
}

export const MUTANTS: Mutant[] = [
  { name: 'sign flipped in the weight gradient', module: 'neuron', from: 'wj - (learningRate * gradW[j]) / n', to: 'wj + (learningRate * gradW[j]) / n' },
  { name: 'gradient not averaged over the batch', module: 'neuron', from: 'wj - (learningRate * gradW[j]) / n', to: 'wj - learningRate * gradW[j]' },
  { name: 'bias not updated', module: 'neuron', from: 'return [newW, b - (learningRate * gradB) / n];', to: 'return [newW, b];' },
  { name: "σ' applied to the output instead of the pre-activation", module: 'neuron', from: 'const s = sigmoid(a[i]);', to: 'const s = sigmoid(sigmoid(a[i]));' },
  { name: 'loss without the 1/2', module: 'neuron', from: 'return sumOfSquares / (2 * x.length);', to: 'return sumOfSquares / x.length;' },
  { name: 'off-by-one in the batch loop', module: 'neuron', from: 'for (let i = 0; i < n; i++) {\n    const y = sigmoid', to: 'for (let i = 0; i < n - 1; i++) {\n    const y = sigmoid' },
  { name: 'threshold y > 0.5 instead of y ≥ 0.5', module: 'neuron', from: "prediction[i] = y[i] >= 0.5 ? 1 : 0;", to: "prediction[i] = y[i] > 0.5 ? 1 : 0;" },
  { name: 'transposed hidden weights', module: 'network', from: 'aHj += xi[k] * Wt[k][j];', to: 'aHj += xi[k] * Wt[j][k];' },
  { name: "hidden δ without σ'", module: 'network', from: 'const deltaH = deltaY * w[j] * h[j] * (1 - h[j]);', to: 'const deltaH = deltaY * w[j];' },
  { name: 'hidden bias gradient not averaged', module: 'network', from: 'btj - step * gradBt[j]', to: 'btj - learningRate * gradBt[j]' },
  { name: "tanh' = 1 − tanh instead of 1 − tanh²", module: 'activations', from: 'return deriv ? 1 - t * t : t;', to: 'return deriv ? 1 - t : t;' },
  { name: "cross-entropy' is the shortcut ŷ − y", module: 'costs', from: '(clip(p) - t) / (clip(p) * (1 - clip(p)))', to: '(clip(p) - t)' },
  { name: 'logistic regression bias not updated', module: 'logistic_regression', from: 'bias -= lrate * mean(dz);', to: 'bias -= 0 * mean(dz);' },
  { name: 'W1 gradient not divided by m', module: 'one_hidden_layer', from: 'W1 = subtractScaled(W1, matmulTransA(x, delta1), lrate / m);', to: 'W1 = subtractScaled(W1, matmulTransA(x, delta1), lrate);' },
  {
    name: 'δ computed with W after its update',
    module: 'mlp',
    from: '      if (l > 0) multiply(matmulTransB(deltas[l], weights[l], deltas[l - 1]), actFs[l - 1](Zs[l - 1], true), deltas[l - 1]);\n      subtractScaled(weights[l], gradW[l], lrate / m, weights[l]);',
    to: '      subtractScaled(weights[l], gradW[l], lrate / m, weights[l]);\n      if (l > 0) multiply(matmulTransB(deltas[l], weights[l], deltas[l - 1]), actFs[l - 1](Zs[l - 1], true), deltas[l - 1]);',
  },
  { name: 'bias gradient summed instead of averaged', module: 'mlp', from: 'subtractScaled(biases[l], gradB[l], lrate, biases[l]);', to: 'subtractScaled(biases[l], gradB[l], lrate * m, biases[l]);' },
];

export interface VerifyCheck {
  ok: boolean;
  what: string;
  details: string[];
}

const VERIFY_DIR = path.join(ROOT, '.verify');

/**
 * Writes the exercise modules into `dir`, two levels below the root (.verify/<name>/), each taken
 * from the folder `sourceOf(file)` names, with its imports of ../lib rewritten for the extra level
 * and `edit` applied. The grader can then grade `dir` in place of exercises/.
 */
export function stageModules(dir: string, sourceOf: (file: string) => 'exercises' | 'reference', edit = (_file: string, text: string) => text): string {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (const file of readdirSync(path.join(ROOT, 'exercises')).filter((f) => f.endsWith('.ts'))) {
    const text = readFileSync(path.join(ROOT, sourceOf(file), file), 'utf8').replaceAll("'../lib/", "'../../lib/");
    writeFileSync(path.join(dir, file), edit(file, text));
  }
  return dir;
}

/** reference/ staged with one mutation applied; the mutation's text must occur exactly once. */
function mutantFolder(mutant: Mutant, index: number): string {
  return stageModules(path.join(VERIFY_DIR, `mutant-${index}`), () => 'reference', (file, text) => {
    if (file !== `${mutant.module}.ts`) return text;
    const count = text.split(mutant.from).length - 1;
    if (count !== 1) throw new Error(`mutant "${mutant.name}": its text occurs ${count} times in reference/${file}, expected once`);
    return text.replace(mutant.from, mutant.to);
  });
}

/** The failing tests of a report, as "function › test". */
function caughtBy(report: GradeReport): string[] {
  return report.functions.filter((f) => f.passed < f.total || f.total === 0).map((f) => `${f.exercise.function} (${f.passed}/${f.total} pass): ${f.firstFailure ?? ''}`.slice(0, 160));
}

export function verifyGrader(onProgress: (line: string) => void = () => undefined): { checks: VerifyCheck[]; mutantTable: { name: string; module: string; lost: number; caughtBy: string[] }[] } {
  const checks: VerifyCheck[] = [];
  const stubs = grade();
  checks.push({ ok: stubs.score === 0, what: `the stubs score 0 (got ${stubs.score} of ${stubs.maxScore})`, details: [] });
  const reference = grade({ exercisesDir: path.join(ROOT, 'reference') });
  checks.push({ ok: reference.score === reference.maxScore, what: `the reference scores full marks (got ${reference.score} of ${reference.maxScore})`, details: caughtBy(reference) });

  const mutantTable: { name: string; module: string; lost: number; caughtBy: string[] }[] = [];
  try {
    MUTANTS.forEach((mutant, i) => {
      onProgress(`mutant ${i + 1}/${MUTANTS.length}: ${mutant.name}`);
      const report = grade({ exercisesDir: mutantFolder(mutant, i), only: [mutant.module] });
      const lost = report.maxScore - report.score;
      mutantTable.push({ name: mutant.name, module: mutant.module, lost, caughtBy: caughtBy(report) });
      checks.push({ ok: lost > 0, what: `mutant "${mutant.name}" (${mutant.module}.ts) loses points (${Math.round(lost * 100) / 100})`, details: [] });
    });
  } finally {
    rmSync(VERIFY_DIR, { recursive: true, force: true });
  }

  onProgress('a faulty module: endless loop, process.exit, unbounded memory, console flood');
  const faulty = grade({ exercisesDir: path.join(ROOT, 'tests', 'grading', 'faulty'), only: ['neuron'], timeoutSeconds: 8, memoryMb: 512 });
  const points = Object.fromEntries(faulty.functions.map((f) => [f.exercise.function, f.points]));
  const expected = { evaluateNeuron: 2, derivativeOfSigmoid: 1, lossFunction: 0, updateWeights: 0, evaluatePrediction: 0 };
  checks.push({
    ok: JSON.stringify(points) === JSON.stringify(expected),
    what: 'faults are isolated: the right functions of a faulty module keep their points',
    details: faulty.functions.map((f) => `${f.exercise.function}: ${f.points} (${f.firstFailure ?? 'passed'})`),
  });
  return { checks, mutantTable };
}
