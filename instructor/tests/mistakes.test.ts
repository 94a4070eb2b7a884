/**
 * What a student sees first for each common mistake, from real runs: the reference with one
 * mistake applied (the mutants marked in reference/) is graded like a student's exercises/, and the
 * first failure of the function, the line watch, progress and the grade report show, must name the
 * mistake. One staged folder per round, each module carrying at most one mistake per round.
 */
import { grade } from '../../course/grading/grader';
import { removeStage, stageModules } from '../../course/grading/stage';
import { applyMutant } from '../verify/mutants';

interface Mistake {
  mutant: string;
  module: string;
  function: string;
  /** the function's module, when it is not the mistake's (a mistake in costs.ts seen by gradientDescent) */
  functionModule?: string;
  /** what the first failure must contain */
  firstLine: string;
}

const MISTAKES: Mistake[] = [
  { mutant: 'evaluateNeuron returns [a, y]', module: 'neuron', function: 'evaluateNeuron', firstLine: 'evaluateNeuron returned a where y belongs: the order is [y, a] (swapped return order)' },
  { mutant: 'σ\' applied to the output instead of the pre-activation', module: 'neuron', function: 'derivativeOfSigmoid', firstLine: "σ'(a): σ' is applied to the output y = σ(a), not to the pre-activation a" },
  { mutant: 'gradient not averaged over the batch', module: 'neuron', function: 'updateWeights', firstLine: 'Δw1, Δw2 are 25 times too large, the size of the batch' },
  { mutant: 'sign flipped in the weight gradient', module: 'neuron', function: 'updateWeights', firstLine: 'Δw1, Δw2 have the wrong sign; the rest are right' },
  { mutant: 'updateWeights changes w and returns it', module: 'neuron', function: 'updateWeights', firstLine: 'updateWeights changed its input w' },
  { mutant: 'loss without the 1/2', module: 'neuron', function: 'lossFunction', firstLine: 'J: twice the expected value: the 1/2 of J = 1/(2N)·Σ(y − t)² is missing.' },
  { mutant: 'an index past the end of w (j <= w.length)', module: 'neuron', function: 'evaluateNeuron', firstLine: 'got NaN at index 0: NaN comes from arithmetic on undefined, which an array read past its end gives' },
  { mutant: 'transposed hidden weights', module: 'network', function: 'evaluateNetwork', firstLine: 'the weights are transposed: Wt[k][j] joins input k to hidden neuron j' },
  { mutant: "hidden δ without σ'", module: 'network', function: 'updateWeights', firstLine: "ΔWt00, ΔWt01, ΔWt10, ΔWt11, Δbt1, Δbt2 are off and the rest are right: the output neuron's step is right, so the error is in the hidden δ" },
  { mutant: 'hidden bias gradient not averaged', module: 'network', function: 'updateWeights', firstLine: 'Δbt1, Δbt2 are 20 times too large, the size of the batch' },
  { mutant: "tanh' = 1 − tanh instead of 1 − tanh²", module: 'activations', function: 'tanh', firstLine: "tanh(z, true): tanh' = 1 − tanh(z) is missing the square: tanh'(z) = 1 − tanh(z)²." },
  { mutant: "logistic' applied to the output σ(z)", module: 'activations', function: 'logistic', firstLine: "logistic(z, true): logistic' is applied to the output σ(z), not to z" },
  { mutant: "relu'(0) = 1", module: 'activations', function: 'relu', firstLine: "relu(z, true): relu'(0) should be 0, got 1" },
  { mutant: 'logistic regression bias not updated', module: 'logistic_regression', function: 'gradientDescent', firstLine: 'gradientDescent: the step (ws, b): b[0] did not move (a step of exactly 0) and the rest are right' },
  { mutant: "cross-entropy' is the shortcut ŷ − y", module: 'costs', function: 'crossEntropy', firstLine: "crossEntropy(yPred, y, true): that is the notebook's shortcut ŷ − y" },
  { mutant: "cross-entropy' is the shortcut ŷ − y", module: 'costs', function: 'gradientDescent', functionModule: 'logistic_regression', firstLine: "gradientDescent: the step with the tests' own cost is right, the one with your crossEntropy (the default) is not: check crossEntropy(yPred, y, true)" },
  { mutant: 'W1 gradient not divided by m', module: 'one_hidden_layer', function: 'backprop', firstLine: 'W1[0][0], W1[0][1], W1[1][0], W1[1][1] are 25 times too large, the size of the batch' },
  { mutant: "hidden δ1 without f1'", module: 'one_hidden_layer', function: 'backprop', firstLine: "are off and the rest are right: the error is in the δ of the hidden layer. δ_{l−1} = (δ_l·W_lᵀ) ⊙ f'_{l−1}(Z_{l−1}): is the f' there" },
  { mutant: 'forwardPass returns [A1, Z1, …]', module: 'one_hidden_layer', function: 'forwardPass', firstLine: 'forwardPass returned A1 where Z1 belongs: the order is [Z1, A1, Z2, A2] (swapped return order)' },
  { mutant: 'bias gradient summed instead of averaged', module: 'mlp', function: 'backprop', firstLine: 'b1[0], b1[1], b1[2], b2[0] are 25 times too large, the size of the batch' },
  { mutant: 'δ computed with W after its update', module: 'mlp', function: 'backprop', firstLine: 'are off and the rest are right: the error is in the δ of the hidden layer' },
  { mutant: 'backprop updates ws in place', module: 'mlp', function: 'backprop', firstLine: 'backprop changed its input ws' },
];

/** logistic_regression.ts uses activations.ts and costs.ts: a mistake there would change its results. */
const USES: Record<string, string[]> = { logistic_regression: ['activations', 'costs'] };
/** The modules a mistake changes and the modules whose grades it is read from, with what those use. */
const reach = (m: Mistake) => [m.module, m.functionModule ?? m.module].flatMap((module) => [module, ...(USES[module] ?? [])]);
const clash = (a: Mistake, b: Mistake) => reach(a).some((module) => reach(b).includes(module));

/** Each round holds mistakes that do not interfere: one per module, none under a module that uses it. */
const rounds: Mistake[][] = [];
for (const mistake of MISTAKES) {
  const round = rounds.find((r) => !r.some((m) => clash(m, mistake)));
  if (round) round.push(mistake);
  else rounds.push([mistake]);
}

describe.each(rounds.map((round, i) => [i + 1, round] as const))('the first line a student sees (round %i)', (index, round) => {
  let firstFailures: Map<string, string>;

  beforeAll(() => {
    const target = stageModules(`mistakes-${index}`, () => 'reference', (file, text) => {
      const mistake = round.find((m) => `${m.module}.ts` === file);
      return mistake ? applyMutant(text, mistake.mutant) : text;
    });
    try {
      const report = grade({ target, only: round.flatMap((m) => [m.module, m.functionModule ?? m.module]) });
      firstFailures = new Map(report.functions.map((f) => [`${f.exercise.module}.${f.exercise.function}`, f.firstFailure ?? 'every test passes']));
    } finally {
      removeStage(target);
    }
  }, 240_000);

  it.each(round.map((m) => [m.mutant, m] as const))('%s', (_, mistake) => {
    expect(firstFailures.get(`${mistake.functionModule ?? mistake.module}.${mistake.function}`)).toContain(mistake.firstLine);
  });
});
