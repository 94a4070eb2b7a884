/**
 * Part 1: one sigmoid neuron. These tests grade exercises/neuron.ts (`npm test`) and prove
 * reference/neuron.ts (`npm run test:reference`): `@target` is whichever of the two is tested.
 */
import * as target from '@target/neuron';
import { RandomState } from '../../course/numpy/random';
import { NEURON_CONSTANTS, checkDerivativeOfSigmoid, checkNeuronStep, checkUnchanged } from '../checks';
import { explainMismatch, explainTuple, expectUnchanged, fail } from '../feedback';
import { centralDifference, copy, expectAllClose, fixture, randomMatrix, randomTargets, relativeError, sigma } from '../helpers';
import { studentModule } from '../student';

// every call to your code has a time limit (tests/student.ts): an endless loop fails in seconds
const { derivativeOfSigmoid, evaluateNeuron, evaluatePrediction, lossFunction, updateWeights } = studentModule(target);

// A hand-checked batch: a = x·w + b = [0.5 − 0.5 + 0.1, 0.1, −0.5 − 0.25 + 0.1] = [0.1, 0.1, −0.65]
const { x, w, b, t } = NEURON_CONSTANTS;
const a = [0.1, 0.1, -0.65];
const y = a.map(sigma);

/** The loss's usual slips, by how the result relates to the right one. */
const lossFactors = (n: number) => [
  { factor: 2, mistake: 'twice the expected value: the 1/2 of J = 1/(2N)·Σ(y − t)² is missing.' },
  { factor: n, mistake: `${n} times too large, the number of samples: J is a mean, divide the sum by N = ${n} (and by 2).` },
  { factor: 2 * n, mistake: `${2 * n} times too large: J = 1/(2N)·Σ(y − t)², divide the sum by 2N = ${2 * n}.` },
  { factor: 0.5, mistake: 'half the expected value: divided by 2 twice? J = 1/(2N)·Σ(y − t)².' },
];

describe('evaluateNeuron', () => {
  it('returns [y, a]: y = σ(x·w + b) and the pre-activation a = x·w + b for each sample', () => {
    const compare = (name: string, got: unknown, expected: number[]) => explainMismatch({ what: name, got, expected, tolerance: 1e-12 });
    fail(explainTuple('evaluateNeuron', ['y', 'a'], evaluateNeuron(x, w, b), [y, a], compare));
  });

  // properties a harmless wrong function can have too: they count only beside a passing test above
  describe('properties', () => {
    it('gives y = σ(0) = 0.5 for every sample when w = 0 and b = 0', () => {
      expectAllClose(evaluateNeuron(x, [0, 0], 0)[0], [0.5, 0.5, 0.5], 1e-15, 'y');
    });

    it('returns one value per sample in each output', () => {
      const rs = new RandomState(1);
      const [ys, as] = evaluateNeuron(randomMatrix(rs, 7, 2), [0.3, -0.2], 0.5);
      expect(ys).toHaveLength(7);
      expect(as).toHaveLength(7);
    });

    it('keeps y strictly between 0 and 1 for moderate inputs', () => {
      const rs = new RandomState(2);
      const [ys] = evaluateNeuron(randomMatrix(rs, 50, 2, 3), [1.5, -2], 0.3);
      for (const value of ys) {
        expect(value).toBeGreaterThan(0);
        expect(value).toBeLessThan(1);
      }
    });

    it('does not change its inputs', () => {
      checkUnchanged('evaluateNeuron', { x, w }, (c) => evaluateNeuron(c.x as number[][], c.w as number[], b));
    });
  });
});

describe('derivativeOfSigmoid', () => {
  it('is σ(a)·(1 − σ(a)) at the pre-activation', () => {
    checkDerivativeOfSigmoid(derivativeOfSigmoid);
  });

  it('matches the central difference of σ', () => {
    const values = [-2.5, -0.7, 0, 0.9, 3.1];
    const numeric = values.map((v) => centralDifference(sigma, v));
    const derivatives = derivativeOfSigmoid(values);
    expect(derivatives).toHaveLength(values.length); // else an empty answer would pass the loop below
    derivatives.forEach((d, i) => expect(relativeError(d, numeric[i])).toBeLessThan(1e-8));
  });

  // properties a harmless wrong function can have too: they count only beside a passing test above
  describe('properties', () => {
    it('is 0.25 at a = 0', () => {
      expectAllClose(derivativeOfSigmoid([0]), [0.25], 1e-15, "σ'(0)");
    });

    it('is symmetric: σ′(−a) = σ′(a)', () => {
      const values = [0.3, 1.7, 4.2];
      expectAllClose(derivativeOfSigmoid(values.map((v) => -v)), derivativeOfSigmoid(values), 1e-14, "σ'(−a)");
    });

    it('goes to 0 without NaN for large |a|', () => {
      const d = derivativeOfSigmoid([-800, 800]);
      const bad = d.findIndex((v) => !(Number.isFinite(v) && v >= 0 && v < 1e-300));
      if (bad >= 0) throw new Error(`σ'(${[-800, 800][bad]}) = ${d[bad]}: expected a number ≥ 0 and below 1e-300 (σ saturates; compute s = σ(a), then s·(1 − s))`);
    });

    it('returns one value per input and does not change its input', () => {
      expect(derivativeOfSigmoid([1, 2, 3])).toHaveLength(3);
      checkUnchanged('derivativeOfSigmoid', { a: [1, 2, 3] }, (c) => derivativeOfSigmoid(c.a as number[]));
    });
  });
});

describe('lossFunction', () => {
  it('is 1/(2N)·Σ(y − t)² on a hand-checked batch', () => {
    const expected = y.reduce((sum, yi, i) => sum + (yi - t[i]) ** 2, 0) / (2 * 3);
    fail(explainMismatch({ what: 'J', got: lossFunction(x, t, w, b), expected, tolerance: 1e-14, factors: lossFactors(3) }));
  });

  // properties a harmless wrong function can have too: they count only beside a passing test above
  describe('properties', () => {
    it('is 0.125 for y = 0.5 and t all ones (the 1/2 and the 1/N are both there)', () => {
      expectAllClose(lossFunction(x, [1, 1, 1], [0, 0], 0), 0.125, 1e-15, 'J');
    });

    it('is 0 when the targets equal the outputs', () => {
      expect(lossFunction(x, copy(y), w, b)).toBeCloseTo(0, 15);
    });

    it('is a mean: repeating the batch does not change it', () => {
      expectAllClose(lossFunction([...x, ...x], [...t, ...t], w, b), lossFunction(x, t, w, b), 1e-14, 'J');
    });

    it('is never negative', () => {
      const rs = new RandomState(3);
      for (let trial = 0; trial < 10; trial++) {
        const xs = randomMatrix(rs, 20, 2, 2);
        expect(lossFunction(xs, randomTargets(rs, 20), rs.randn(2), rs.randn(1)[0])).toBeGreaterThanOrEqual(0);
      }
    });

    it('does not change its inputs', () => {
      checkUnchanged('lossFunction', { x, t, w }, (c) => lossFunction(c.x as number[][], c.t as number[], c.w as number[], b));
    });
  });
});

describe('updateWeights', () => {
  it.each([1, 2, 3, 4])('steps by −lr × the finite-difference gradient of lossFunction (case %i)', (seed) => {
    checkNeuronStep(updateWeights, seed);
  });

  it('takes the hand-checked step on a one-sample batch', () => {
    // x = [2, −1], w = [0.5, 0.5], b = 0 → a = 0.5; δ = (σ(0.5) − 1)·σ'(0.5); step = −lr·δ·[2, −1 | 1]
    const s = sigma(0.5);
    const delta = (s - 1) * s * (1 - s);
    const [newW, newB] = updateWeights([[2, -1]], [1], [0.5, 0.5], 0, 0.1);
    expectAllClose(newW, [0.5 - 0.1 * delta * 2, 0.5 + 0.1 * delta], 1e-14, 'w');
    expectAllClose(newB, -0.1 * delta, 1e-14, 'b');
  });

  it('takes the step that lowers the loss with a small learning rate', () => {
    const [w1, b1] = updateWeights(x, t, w, b, 0.1);
    const [wRef, bRef] = fixture<[number[], number]>('neuronSmallStep');
    expectAllClose([...w1, b1], [...wRef, bRef], 1e-12, 'the parameters after one step');
  });

  // properties a harmless wrong function can have too: they count only beside a passing test above
  describe('properties', () => {
    it('returns new weights and leaves its inputs unchanged', () => {
      const c = copy({ x, t, w });
      const [w1] = updateWeights(c.x, c.t, c.w, b, 0.5);
      expectUnchanged('updateWeights', c, { x, t, w });
      if (w1 === c.w) throw new Error('updateWeights returned its input w itself: build and return a new array (w.map(…) does).');
    });

    it('averages the gradient: repeating the batch gives the same step', () => {
      const [w1, b1] = updateWeights(x, t, w, b, 0.5);
      const [w2, b2] = updateWeights([...x, ...x], [...t, ...t], w, b, 0.5);
      expectAllClose(w2, w1, 1e-14, 'w');
      expectAllClose(b2, b1, 1e-14, 'b');
    });

    it('scales the step with the learning rate', () => {
      const [w1, b1] = updateWeights(x, t, w, b, 0.1);
      const [w2, b2] = updateWeights(x, t, w, b, 0.2);
      expectAllClose(w2.map((v, j) => v - w[j]), w1.map((v, j) => 2 * (v - w[j])), 1e-12, 'step in w');
      expectAllClose(b2 - b, 2 * (b1 - b), 1e-12, 'step in b');
    });
  });
});

describe('evaluatePrediction', () => {
  it('predicts 1 where y ≥ 0.5 and 0 elsewhere', () => {
    expect(evaluatePrediction(x, t, w, b)[0]).toEqual([1, 1, 0]);
  });

  it('reports the share of correct predictions as accuracy', () => {
    // predictions [1, 1, 0] against t = [1, 0, 0]: two of three correct
    expect(evaluatePrediction(x, t, w, b)[1]).toBeCloseTo(2 / 3, 15);
  });

  it('gives accuracy 1 for a perfect and 0 for an all-wrong classifier', () => {
    expect(evaluatePrediction(x, [1, 1, 0], w, b)[1]).toBe(1);
    expect(evaluatePrediction(x, [0, 0, 1], w, b)[1]).toBe(0);
  });

  // properties a harmless wrong function can have too: they count only beside a passing test above
  describe('properties', () => {
    it('predicts 1 at exactly y = 0.5', () => {
      expect(evaluatePrediction([[0, 0]], [1], [1, 1], 0)[0]).toEqual([1]);
    });

    it('does not change its inputs', () => {
      checkUnchanged('evaluatePrediction', { x, t, w }, (c) => evaluatePrediction(c.x as number[][], c.t as number[], c.w as number[], b));
    });
  });
});
