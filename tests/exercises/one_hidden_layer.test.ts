/**
 * Part 3: one hidden layer (exercises/one_hidden_layer.ts). The activations and costs here are the
 * tests' own (none of them one you write), so these tests do not depend on your activations.ts and
 * costs.ts. Expected values come from tests/fixtures.json, precomputed from the reference.
 */
import * as target from '@target/one_hidden_layer';
import type { Mat } from '../../lib/matrix';
import { notebookData } from '../../course/data/notebook-data';
import { explainMismatch, explainSteps, explainTuple, expectMatsUnchanged, fail, valuesOf } from '../feedback';
import { expectAllClose, fixture, randomNetwork, testCubic, testQuartic, testSoftsign, testSquash } from '../helpers';
import { studentModule } from '../student';

// every call to your code has a time limit (tests/student.ts): an endless loop fails in seconds
const { backprop, forwardPass } = studentModule(target);

const { x, y } = notebookData('sin');
const acts = [testSoftsign, testSquash];

const network = (seed: number, hidden = 2) => randomNetwork(seed, [2, hidden, 1]);
const matrices = (ms: Mat[]) => ms.map((m) => m.toArray());
const compare = (what: string, got: unknown, expected: number[][]) => explainMismatch({ what, got: valuesOf(got), expected, tolerance: 1e-12 });

describe('forwardPass', () => {
  it('computes Z1 = x·W1 + b1, A1 = f1(Z1), Z2 = A1·W2 + b2, A2 = f2(Z2)', () => {
    const { ws, bs } = network(1);
    fail(explainTuple('forwardPass', ['Z1', 'A1', 'Z2', 'A2'], forwardPass(x, ws, bs, acts), fixture<number[][][]>('hiddenForward'), compare));
  });

  // properties a harmless wrong function can have too: they count only beside a passing test above
  describe('properties', () => {
    it('returns m×n hidden and m×1 output matrices', () => {
      const { ws, bs } = network(2, 3);
      expect(forwardPass(x, ws, bs, acts).map((m) => m.shape)).toEqual([[25, 3], [25, 3], [25, 1], [25, 1]]);
    });
  });
});

describe('backprop', () => {
  it.each([
    ['quartic cost', 0],
    ['cubic cost', 1],
  ] as const)('steps every weight and bias by −lrate × its finite-difference gradient (%s)', (_, i) => {
    const cost = [testQuartic, testCubic][i];
    const gradient = fixture<{ ws: number[][][]; bs: number[][][] }[]>('hiddenBackprop')[i];
    const { ws, bs } = network(3);
    const [given, givenB] = [ws.map((w) => w.clone()), bs.map((b) => b.clone())];
    const [ws1, bs1] = backprop(x, y, given, givenB, acts, cost, 0.1, 1);
    expectMatsUnchanged('backprop', { ws: given, bs: givenB }, { ws: matrices(ws), bs: matrices(bs) });
    fail(explainSteps({
      functionName: 'backprop',
      names: ['W1', 'W2', 'b1', 'b2'],
      before: [...ws, ...bs],
      after: [...(ws1 ?? []), ...(bs1 ?? [])],
      expected: [...gradient.ws, ...gradient.bs].map((g) => g.flat().map((v) => -0.1 * v)),
      m: x.rows,
      outputLayer: ['W2', 'b2'],
    }));
  });

  it('returns the forward pass of the last epoch, before its update', () => {
    const { ws, bs } = network(4);
    const [, , , , , A2] = backprop(x, y, ws, bs, acts, testQuartic, 0.1, 5);
    expectAllClose(A2.toArray(), fixture<number[][]>('hiddenLastEpoch'), 1e-10, 'A2');
  });

  // properties a harmless wrong function can have too: they count only beside a passing test above
  describe('properties', () => {
    it('lowers the cost', () => {
      const { ws, bs } = network(5);
      // one epoch returns the forward pass of the weights it was given: the output before and after training
      const before = backprop(x, y, ws, bs, acts, testQuartic, 0.1, 1)[5];
      const [ws1, bs1] = backprop(x, y, ws, bs, acts, testQuartic, 0.1, 200);
      const after = backprop(x, y, ws1, bs1, acts, testQuartic, 0.1, 1)[5];
      expect(testQuartic(after, y)).toBeLessThan(testQuartic(before, y));
    });

    it('does not change the weights and biases it was given', () => {
      const { ws, bs } = network(6);
      const before = { ws: matrices(ws), bs: matrices(bs) };
      backprop(x, y, ws, bs, acts, testQuartic, 0.1, 3);
      expectMatsUnchanged('backprop', { ws, bs }, before);
    });
  });
});
