/**
 * Part 3: the fully parametrised network (exercises/mlp.ts). The activations and costs here are the
 * tests' own, so these tests do not depend on your activations.ts and costs.ts.
 */
import * as target from '@target/mlp';
import type { Mat } from '../../lib/matrix';
import { notebookData } from '../../course/data/notebook-data';
import { RandomState } from '../../course/numpy/random';
import { explainMismatch, explainSteps, explainTuple, expectMatsUnchanged, fail, valuesOf } from '../feedback';
import { expectAllClose, forwardByHand, numericGradient, randomMat, testCrossEntropy, testLogistic, testMse, testRelu, testTanh } from '../helpers';
import { studentModule } from '../student';

// every call to your code has a time limit (tests/student.ts): an endless loop fails in seconds
const { backprop, forwardPass } = studentModule(target);

const { x, y } = notebookData('sin');

function network(seed: number, layers: number[]) {
  const rs = new RandomState(seed);
  const ws = layers.slice(0, -1).map((n, l) => randomMat(rs, n, layers[l + 1], 0.5));
  const bs = layers.slice(1).map((n) => randomMat(rs, 1, n, 0.5));
  return { ws, bs };
}

const shapes = (ms: Mat[]) => ms.map((m) => m.shape);
const matrices = (ms: Mat[]) => ms.map((m) => m.toArray());

/** Zs or As, layer by layer: the count of layers first, then each matrix. */
function compareLayers(what: string, got: unknown, expected: number[][][]): string | undefined {
  if (!Array.isArray(got) || got.length !== expected.length) return `${what}: expected one matrix per layer (${expected.length}), got ${Array.isArray(got) ? got.length : typeof got}`;
  for (let l = 0; l < expected.length; l++) {
    const message = explainMismatch({ what: `${what}[${l}]`, got: valuesOf(got[l]), expected: expected[l], tolerance: 1e-12 });
    if (message !== undefined) return message;
  }
  return undefined;
}

describe('forwardPass', () => {
  it('computes Z_l = A_{l−1}·W_l + b_l and A_l = f_l(Z_l) through every layer', () => {
    const acts = [testTanh, testRelu, testLogistic];
    const { ws, bs } = network(1, [2, 4, 3, 1]);
    const expected = forwardByHand(x, ws, bs, acts);
    fail(explainTuple('forwardPass', ['Zs', 'As'], forwardPass(x, ws, bs, acts), [matrices(expected.Zs), matrices(expected.As)], compareLayers));
  });

  it('returns one Z and one A per layer, without x, the output last', () => {
    const { ws, bs } = network(2, [2, 5, 2, 1]);
    const [Zs, As] = forwardPass(x, ws, bs, [testTanh, testTanh, testLogistic]);
    expect(shapes(Zs)).toEqual([[25, 5], [25, 2], [25, 1]]);
    expect(shapes(As)).toEqual([[25, 5], [25, 2], [25, 1]]);
  });

  it('works for a single layer (logistic regression)', () => {
    const { ws, bs } = network(3, [2, 1]);
    const [, As] = forwardPass(x, ws, bs, [testLogistic]);
    expectAllClose(As[0].toArray(), forwardByHand(x, ws, bs, [testLogistic]).As[0].toArray(), 1e-12, 'As[0]');
  });
});

describe('backprop', () => {
  it.each([
    ['2-3-1, tanh/logistic, cross-entropy', [2, 3, 1], [testTanh, testLogistic], testCrossEntropy],
    ['2-4-3-2-1, tanh/tanh/tanh/logistic, MSE', [2, 4, 3, 2, 1], [testTanh, testTanh, testTanh, testLogistic], testMse],
    ['2-1, logistic, cross-entropy', [2, 1], [testLogistic], testCrossEntropy],
  ] as const)('steps every weight and bias by −lrate × its finite-difference gradient (%s)', (_, layers, acts, cost) => {
    const { ws, bs } = network(4, [...layers]);
    const [given, givenB] = [ws.map((w) => w.clone()), bs.map((b) => b.clone())];
    const [ws1, bs1] = backprop(x, y, given, givenB, [...acts], cost, 0.05, 1);
    expectMatsUnchanged('backprop', { ws: given, bs: givenB }, { ws: matrices(ws), bs: matrices(bs) });
    const loss = () => cost(forwardByHand(x, ws, bs, [...acts]).As[layers.length - 2], y);
    const parameters = [...ws, ...bs];
    const L = ws.length;
    fail(explainSteps({
      functionName: 'backprop',
      names: [...ws.map((_, l) => `W${l + 1}`), ...bs.map((_, l) => `b${l + 1}`)],
      before: parameters,
      after: [...(ws1 ?? []), ...(bs1 ?? [])],
      expected: parameters.map((p) => Array.from(numericGradient(loss, p).data, (g) => -0.05 * g)),
      m: x.rows,
      outputLayer: [`W${L}`, `b${L}`],
    }));
  });

  it('returns the forward pass of the last epoch, before its update', () => {
    const acts = [testTanh, testRelu, testLogistic];
    const { ws, bs } = network(5, [2, 6, 4, 1]);
    const [ws2, bs2] = backprop(x, y, ws, bs, acts, testMse, 0.05, 2);
    const [, , Zs, As] = backprop(x, y, ws, bs, acts, testMse, 0.05, 3);
    const expected = forwardByHand(x, ws2, bs2, acts);
    expectAllClose(Zs[2].toArray(), expected.Zs[2].toArray(), 1e-12, 'Zs[2]');
    expectAllClose(As[2].toArray(), expected.As[2].toArray(), 1e-12, 'As[2]');
  });

  it('lowers the cost', () => {
    const acts = [testRelu, testTanh, testLogistic];
    const { ws, bs } = network(6, [2, 8, 8, 1]);
    const [ws1, bs1] = backprop(x, y, ws, bs, acts, testMse, 0.05, 300);
    expect(testMse(forwardByHand(x, ws1, bs1, acts).As[2], y)).toBeLessThan(testMse(forwardByHand(x, ws, bs, acts).As[2], y));
  });

  it('does not change the weights and biases it was given', () => {
    const { ws, bs } = network(7, [2, 3, 1]);
    const before = { ws: matrices(ws), bs: matrices(bs) };
    backprop(x, y, ws, bs, [testTanh, testLogistic], testMse, 0.05, 3);
    expectMatsUnchanged('backprop', { ws, bs }, before);
  });
});
