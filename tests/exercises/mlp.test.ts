/**
 * Part 3: the fully parametrised network (exercises/mlp.ts). The activations and costs here are the
 * tests' own (none of them one you write), so these tests do not depend on your activations.ts and
 * costs.ts. Expected values come from tests/fixtures.json, precomputed from the reference.
 */
import * as target from '@target/mlp';
import type { Mat } from '../../lib/matrix';
import { notebookData } from '../../course/data/notebook-data';
import { MLP_CASES } from '../checks';
import { explainMismatch, explainSteps, explainTuple, expectMatsUnchanged, fail, valuesOf } from '../feedback';
import { expectAllClose, fixture, randomNetwork, testCubic, testQuartic, testSin, testSoftsign, testSquash } from '../helpers';
import { studentModule } from '../student';

// every call to your code has a time limit (tests/student.ts): an endless loop fails in seconds
const { backprop, forwardPass } = studentModule(target);

const { x, y } = notebookData('sin');
const network = randomNetwork;

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
    const expected = fixture<{ Zs: number[][][]; As: number[][][] }>('mlpForward');
    const { ws, bs } = network(1, [2, 4, 3, 1]);
    fail(explainTuple('forwardPass', ['Zs', 'As'], forwardPass(x, ws, bs, [testSoftsign, testSin, testSquash]), [expected.Zs, expected.As], compareLayers));
  });

  it('works for a single layer (logistic regression)', () => {
    const { ws, bs } = network(3, [2, 1]);
    const [, As] = forwardPass(x, ws, bs, [testSquash]);
    expectAllClose(As[0].toArray(), fixture<{ single: number[][] }>('mlpForward').single, 1e-12, 'As[0]');
  });

  // properties a harmless wrong function can have too: they count only beside a passing test above
  describe('properties', () => {
    it('returns one Z and one A per layer, without x, the output last', () => {
      const { ws, bs } = network(2, [2, 5, 2, 1]);
      const [Zs, As] = forwardPass(x, ws, bs, [testSoftsign, testSoftsign, testSquash]);
      expect(shapes(Zs)).toEqual([[25, 5], [25, 2], [25, 1]]);
      expect(shapes(As)).toEqual([[25, 5], [25, 2], [25, 1]]);
    });
  });
});

describe('backprop', () => {
  it.each(MLP_CASES.map(([name], i) => [name, i] as const))('steps every weight and bias by −lrate × its finite-difference gradient (%s)', (_, i) => {
    const [, layers, acts, cost] = MLP_CASES[i];
    const gradient = fixture<{ ws: number[][][]; bs: number[][][] }[]>('mlpBackprop')[i];
    const { ws, bs } = network(4, [...layers]);
    const [given, givenB] = [ws.map((w) => w.clone()), bs.map((b) => b.clone())];
    const [ws1, bs1] = backprop(x, y, given, givenB, [...acts], cost, 0.05, 1);
    expectMatsUnchanged('backprop', { ws: given, bs: givenB }, { ws: matrices(ws), bs: matrices(bs) });
    const L = ws.length;
    fail(explainSteps({
      functionName: 'backprop',
      names: [...ws.map((_w, l) => `W${l + 1}`), ...bs.map((_b, l) => `b${l + 1}`)],
      before: [...ws, ...bs],
      after: [...(ws1 ?? []), ...(bs1 ?? [])],
      expected: [...gradient.ws, ...gradient.bs].map((g) => g.flat().map((v) => -0.05 * v)),
      m: x.rows,
      outputLayer: [`W${L}`, `b${L}`],
    }));
  });

  it('returns the forward pass of the last epoch, before its update', () => {
    const expected = fixture<{ Z: number[][]; A: number[][] }>('mlpLastEpoch');
    const { ws, bs } = network(5, [2, 6, 4, 1]);
    const [, , Zs, As] = backprop(x, y, ws, bs, [testSoftsign, testSin, testSquash], testCubic, 0.05, 3);
    expectAllClose(Zs[2].toArray(), expected.Z, 1e-10, 'Zs[2]');
    expectAllClose(As[2].toArray(), expected.A, 1e-10, 'As[2]');
  });

  // properties a harmless wrong function can have too: they count only beside a passing test above
  describe('properties', () => {
    it('lowers the cost', () => {
      const acts = [testSin, testSoftsign, testSquash];
      const { ws, bs } = network(6, [2, 8, 8, 1]);
      // one epoch returns the forward pass of the weights it was given: the output before and after training
      const before = backprop(x, y, ws, bs, acts, testQuartic, 0.05, 1)[3][2];
      const [ws1, bs1] = backprop(x, y, ws, bs, acts, testQuartic, 0.05, 300);
      const after = backprop(x, y, ws1, bs1, acts, testQuartic, 0.05, 1)[3][2];
      expect(testQuartic(after, y)).toBeLessThan(testQuartic(before, y));
    });

    it('does not change the weights and biases it was given', () => {
      const { ws, bs } = network(7, [2, 3, 1]);
      const before = { ws: matrices(ws), bs: matrices(bs) };
      backprop(x, y, ws, bs, [testSoftsign, testSquash], testQuartic, 0.05, 3);
      expectMatsUnchanged('backprop', { ws, bs }, before);
    });
  });
});
