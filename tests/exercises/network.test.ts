/**
 * Part 2: the 2-2-1 network. These tests grade exercises/network.ts (`npm test -- network`) and
 * prove reference/network.ts: `@target` is whichever of the two is tested.
 */
import * as target from '@target/network';
import { RandomState } from '../../course/numpy/random';
import type { Matrix, Vector } from '../../lib/types';
import { NETWORK_CONSTANTS, checkHiddenPreActivation, checkNetworkStep, checkUnchanged } from '../checks';
import { explainMismatch, explainTuple, expectUnchanged, fail } from '../feedback';
import { copy, expectAllClose, fixture, randomMatrix, randomTargets, sigma } from '../helpers';
import { studentModule } from '../student';

// every call to your code has a time limit (tests/student.ts): an endless loop fails in seconds
const { evaluateNetwork, evaluatePrediction, lossFunction, updateWeights } = studentModule(target);

// A hand-checked network. Sample [1, 2]: a_h = [1·0.5 + 2·(−1) + 0.1, 1·0.25 + 2·0.75 − 0.2] = [−1.4, 1.55]
const { x, t, w, b, Wt, bt } = NETWORK_CONSTANTS;

/** The forward pass of the hand-checked network, precomputed from the reference (tests/fixtures.json). */
const forward = fixture<{ y: Vector; aY: Vector; h: Matrix; aH: Matrix }>('networkForward');
const expected = forward.y.map((y, i) => ({ aH: forward.aH[i], h: forward.h[i], aY: forward.aY[i], y }));

function randomNetwork(rs: RandomState): { w: Vector; b: number; Wt: Matrix; bt: Vector } {
  return { w: rs.randn(2), b: rs.randn(1)[0], Wt: rs.randn(2, 2), bt: rs.randn(2) };
}

describe('evaluateNetwork', () => {
  it('returns [y, aY, h, aH] in this order', () => {
    // what transposed hidden weights give (precomputed from the reference), to name that mistake in any of the four outputs
    const transposed = fixture<typeof forward>('networkForwardTransposed');
    const suspectOf: Record<string, number[]> = { y: transposed.y, aY: transposed.aY, h: transposed.h.flat(), aH: transposed.aH.flat() };
    const compare = (name: string, got: unknown, want: number[] | number[][]) =>
      explainMismatch({ what: name, got, expected: want, tolerance: 1e-12, suspects: [{ values: suspectOf[name], mistake: 'the weights are transposed: Wt[k][j] joins input k to hidden neuron j, so aH[j] = Σ_k x[k]·Wt[k][j] + bt[j].' }] });
    const want = [forward.y, forward.aY, forward.h, forward.aH];
    fail(explainTuple('evaluateNetwork', ['y', 'aY', 'h', 'aH'], evaluateNetwork(x, w, b, Wt, bt), want, compare));
  });

  it('computes the hidden pre-activations a_h = x·W̃ + b̃ (W̃[k][j]: input k → hidden j)', () => {
    checkHiddenPreActivation(evaluateNetwork);
    expectAllClose(evaluateNetwork(x, w, b, Wt, bt)[3][0], [-1.4, 1.55], 1e-12, 'aH of the first sample');
  });

  it('computes the hidden outputs h = σ(a_h)', () => {
    expectAllClose(evaluateNetwork(x, w, b, Wt, bt)[2], expected.map((e) => e.h), 1e-12, 'h');
  });

  it('computes the output pre-activation a_y = h·w + b', () => {
    expectAllClose(evaluateNetwork(x, w, b, Wt, bt)[1], expected.map((e) => e.aY), 1e-12, 'aY');
  });

  it('computes the output y = σ(a_y)', () => {
    expectAllClose(evaluateNetwork(x, w, b, Wt, bt)[0], expected.map((e) => e.y), 1e-12, 'y');
  });

  it('with an identity hidden layer (W̃ = I, b̃ = 0) is a neuron on σ(x)', () => {
    const expectedH = x.map((xi) => xi.map(sigma)); // before the call, which gets copies
    const [y, , h] = evaluateNetwork(copy(x), w, b, [[1, 0], [0, 1]], [0, 0]);
    expectAllClose(h, expectedH, 1e-12, 'h');
    expectAllClose(y, fixture<{ y: Vector }>('networkIdentity').y, 1e-12, 'y');
  });

  // properties a harmless wrong function can have too: they count only beside a passing test above
  describe('properties', () => {
    it('returns N outputs and N×2 hidden values', () => {
      const [y, aY, h, aH] = evaluateNetwork(randomMatrix(new RandomState(1), 6, 2), w, b, Wt, bt);
      expect([y.length, aY.length, h.length, aH.length]).toEqual([6, 6, 6, 6]);
      expect(h.every((row) => row.length === 2) && aH.every((row) => row.length === 2)).toBe(true);
    });

    it('does not change its inputs', () => {
      checkUnchanged('evaluateNetwork', { x, w, Wt, bt }, (c) => evaluateNetwork(c.x as Matrix, c.w as Vector, b, c.Wt as Matrix, c.bt as Vector));
    });
  });
});

describe('lossFunction', () => {
  it('is 1/(2N)·Σ(y − t)² on a hand-checked batch', () => {
    const J = expected.reduce((sum, e, i) => sum + (e.y - t[i]) ** 2, 0) / (2 * 3);
    const factors = [
      { factor: 2, mistake: 'twice the expected value: the 1/2 of J = 1/(2N)·Σ(y − t)² is missing.' },
      { factor: 3, mistake: '3 times too large, the number of samples: J is a mean, divide the sum by N (and by 2).' },
      { factor: 6, mistake: '6 times too large: J = 1/(2N)·Σ(y − t)², divide the sum by 2N.' },
    ];
    fail(explainMismatch({ what: 'J', got: lossFunction(x, t, w, b, Wt, bt), expected: J, tolerance: 1e-14, factors }));
  });

  // properties a harmless wrong function can have too: they count only beside a passing test above
  describe('properties', () => {
    it('is 0.125 when every output is 0.5 and every target 1', () => {
      expectAllClose(lossFunction(x, [1, 1, 1], [0, 0], 0, Wt, bt), 0.125, 1e-15, 'J');
    });

    it('is a mean: repeating the batch does not change it', () => {
      expectAllClose(lossFunction([...x, ...x], [...t, ...t], w, b, Wt, bt), lossFunction(x, t, w, b, Wt, bt), 1e-14, 'J');
    });

    it('is never negative', () => {
      const rs = new RandomState(3);
      for (let trial = 0; trial < 10; trial++) {
        const net = randomNetwork(rs);
        expect(lossFunction(randomMatrix(rs, 15, 2, 2), randomTargets(rs, 15), net.w, net.b, net.Wt, net.bt)).toBeGreaterThanOrEqual(0);
      }
    });

    it('does not change its inputs', () => {
      checkUnchanged('lossFunction', { x, t, w, Wt, bt }, (c) => lossFunction(c.x as Matrix, c.t as Vector, c.w as Vector, b, c.Wt as Matrix, c.bt as Vector));
    });
  });
});

describe('updateWeights', () => {
  it.each([1, 2, 3])('steps every parameter by −lr × its finite-difference gradient (case %i)', (seed) => {
    checkNetworkStep(updateWeights, seed);
  });

  it('takes the step that lowers the loss with a small learning rate', () => {
    const step = updateWeights(x, t, w, b, Wt, bt, 0.1);
    expectAllClose(step.flat(2), fixture<[Vector, number, Matrix, Vector]>('networkSmallStep').flat(2), 1e-12, 'the parameters after one step');
  });

  it('learns a separable toy set through an identity hidden layer', () => {
    // class 1 where x1 + x2 > 0: separable in σ(x) too, since σ is increasing
    const rs = new RandomState(7);
    const xs = randomMatrix(rs, 40, 2, 2);
    const ts = xs.map(([x1, x2]) => (x1 + x2 > 0 ? 1 : 0));
    let net: [Vector, number, Matrix, Vector] = [[0, 0], 0, [[1, 0], [0, 1]], [0, 0]];
    for (let step = 0; step < 3000; step++) net = updateWeights(xs, ts, ...net, 2);
    // the reference reaches ≥ 95 % accuracy here (tests/fixtures.json); the same parameters do too
    const learned = fixture<{ parameters: [Vector, number, Matrix, Vector]; accuracy: number }>('networkLearned');
    expect(learned.accuracy).toBeGreaterThanOrEqual(0.95);
    expectAllClose(net.flat(2), learned.parameters.flat(2), 1e-6, 'the parameters after 3000 steps');
  });

  // properties a harmless wrong function can have too: they count only beside a passing test above
  describe('properties', () => {
    it('does not change its inputs and returns new arrays', () => {
      const c = copy({ x, t, w, Wt, bt });
      const [w1, , Wt1, bt1] = updateWeights(c.x, c.t, c.w, b, c.Wt, c.bt, 0.5);
      expectUnchanged('updateWeights', c, { x, t, w, Wt, bt });
      {
        const same = ([['w', w1 === c.w], ['Wt', Wt1 === c.Wt], ['bt', bt1 === c.bt]] as const).filter(([, isSame]) => isSame).map(([name]) => name);
        if (same.length > 0) throw new Error(`updateWeights returned its input ${same.join(', ')} itself: build and return new arrays.`);
      }
    });

    it('averages the gradients: repeating the batch gives the same step', () => {
      const once = updateWeights(x, t, w, b, Wt, bt, 0.5);
      const twice = updateWeights([...x, ...x], [...t, ...t], w, b, Wt, bt, 0.5);
      expectAllClose(twice.flat(2), once.flat(2), 1e-13, 'parameters');
    });

    it('returns parameters of the same shapes', () => {
      const [w1, b1, Wt1, bt1] = updateWeights(x, t, w, b, Wt, bt, 0.1);
      expect([w1.length, typeof b1, Wt1.length, Wt1[0].length, Wt1[1].length, bt1.length]).toEqual([2, 'number', 2, 2, 2, 2]);
    });
  });
});

describe('evaluatePrediction', () => {
  it('predicts 1 where y ≥ 0.5 and reports the share correct', () => {
    const predicted = expected.map((e) => (e.y >= 0.5 ? 1 : 0));
    const share = predicted.filter((p, i) => p === t[i]).length / 3; // before the call, which gets copies
    const [prediction, accuracy] = evaluatePrediction(copy(x), copy(t), w, b, Wt, bt);
    expect(prediction).toEqual(predicted);
    expect(accuracy).toBeCloseTo(share, 15);
  });

  // properties a harmless wrong function can have too: they count only beside a passing test above
  describe('properties', () => {
    it('predicts 1 at exactly y = 0.5', () => {
      expect(evaluatePrediction([[3, -1]], [1], [0, 0], 0, Wt, bt)[0]).toEqual([1]);
    });

    it('gives accuracy 1 against its own predictions', () => {
      const [prediction] = evaluatePrediction(x, t, w, b, Wt, bt);
      expect(evaluatePrediction(x, prediction, w, b, Wt, bt)[1]).toBe(1);
    });

    it('does not change its inputs', () => {
      checkUnchanged('evaluatePrediction', { x, t, w, Wt, bt }, (c) => evaluatePrediction(c.x as Matrix, c.t as Vector, c.w as Vector, b, c.Wt as Matrix, c.bt as Vector));
    });
  });
});
