/**
 * Part 3: one hidden layer (exercises/one_hidden_layer.ts). The activations and costs here are the
 * tests' own, so these tests do not depend on your activations.ts and costs.ts.
 */
import * as target from '@target/one_hidden_layer';
import { notebookData } from '../../course/data/notebook-data';
import { RandomState } from '../../course/numpy/random';
import type { Mat } from '../../lib/matrix';
import { explainMismatch, explainSteps, explainTuple, expectMatsUnchanged, fail, valuesOf } from '../feedback';
import { expectAllClose, forwardByHand, numericGradient, randomMat, testCrossEntropy, testLogistic, testMse, testTanh } from '../helpers';
import { studentModule } from '../student';

// every call to your code has a time limit (tests/student.ts): an endless loop fails in seconds
const { backprop, forwardPass } = studentModule(target);

const { x, y } = notebookData('sin');
const acts = [testTanh, testLogistic];

const matrices = (ms: Mat[]) => ms.map((m) => m.toArray());
const compare = (what: string, got: unknown, expected: number[][]) => explainMismatch({ what, got: valuesOf(got), expected, tolerance: 1e-12 });

function network(seed: number, hidden = 2) {
  const rs = new RandomState(seed);
  return { ws: [randomMat(rs, 2, hidden, 0.5), randomMat(rs, hidden, 1, 0.5)], bs: [randomMat(rs, 1, hidden, 0.5), randomMat(rs, 1, 1, 0.5)] };
}

describe('forwardPass', () => {
  it('computes Z1 = x·W1 + b1, A1 = f1(Z1), Z2 = A1·W2 + b2, A2 = f2(Z2)', () => {
    const { ws, bs } = network(1);
    const { Zs, As } = forwardByHand(x, ws, bs, acts);
    fail(explainTuple('forwardPass', ['Z1', 'A1', 'Z2', 'A2'], forwardPass(x, ws, bs, acts), matrices([Zs[0], As[0], Zs[1], As[1]]), compare));
  });

  it('returns m×n hidden and m×1 output matrices', () => {
    const { ws, bs } = network(2, 3);
    expect(forwardPass(x, ws, bs, acts).map((m) => m.shape)).toEqual([[25, 3], [25, 3], [25, 1], [25, 1]]);
  });
});

describe('backprop', () => {
  it.each([
    ['cross-entropy', testCrossEntropy],
    ['MSE', testMse],
  ] as const)('steps every weight and bias by −lrate × its finite-difference gradient (%s)', (_, cost) => {
    const { ws, bs } = network(3);
    const [given, givenB] = [ws.map((w) => w.clone()), bs.map((b) => b.clone())];
    const [ws1, bs1] = backprop(x, y, given, givenB, acts, cost, 0.1, 1);
    expectMatsUnchanged('backprop', { ws: given, bs: givenB }, { ws: matrices(ws), bs: matrices(bs) });
    const loss = () => cost(forwardByHand(x, ws, bs, acts).As[1], y);
    const parameters = [...ws, ...bs];
    fail(explainSteps({
      functionName: 'backprop',
      names: ['W1', 'W2', 'b1', 'b2'],
      before: parameters,
      after: [...(ws1 ?? []), ...(bs1 ?? [])],
      expected: parameters.map((p) => Array.from(numericGradient(loss, p).data, (g) => -0.1 * g)),
      m: x.rows,
      outputLayer: ['W2', 'b2'],
    }));
  });

  it('returns the forward pass of the last epoch, before its update', () => {
    const { ws, bs } = network(4);
    const [ws4, bs4] = backprop(x, y, ws, bs, acts, testCrossEntropy, 0.1, 4);
    const [, , , , , A2] = backprop(x, y, ws, bs, acts, testCrossEntropy, 0.1, 5);
    expectAllClose(A2.toArray(), forwardByHand(x, ws4, bs4, acts).As[1].toArray(), 1e-12, 'A2');
  });

  it('lowers the cost', () => {
    const { ws, bs } = network(5);
    const [ws1, bs1] = backprop(x, y, ws, bs, acts, testCrossEntropy, 0.1, 200);
    expect(testCrossEntropy(forwardByHand(x, ws1, bs1, acts).As[1], y)).toBeLessThan(testCrossEntropy(forwardByHand(x, ws, bs, acts).As[1], y));
  });

  it('does not change the weights and biases it was given', () => {
    const { ws, bs } = network(6);
    const before = { ws: matrices(ws), bs: matrices(bs) };
    backprop(x, y, ws, bs, acts, testCrossEntropy, 0.1, 3);
    expectMatsUnchanged('backprop', { ws, bs }, before);
  });
});
