/**
 * Part 3: one hidden layer (exercises/one_hidden_layer.ts). The activations and costs here are the
 * tests' own (none of them one you write), so these tests do not depend on your activations.ts and
 * costs.ts. Expected values come from tests/fixtures.json, precomputed from the reference.
 */
import { backprop, forwardPass } from '@target/one_hidden_layer';
import { notebookData } from '../../course/data/notebook-data';
import { expectAllClose, expectStep, fixture, mat, randomNetwork, testCubic, testQuartic, testSoftsign, testSquash } from '../helpers';

const { x, y } = notebookData('sin');
const acts = [testSoftsign, testSquash];

const network = (seed: number, hidden = 2) => randomNetwork(seed, [2, hidden, 1]);

describe('forwardPass', () => {
  it('computes Z1 = x·W1 + b1, A1 = f1(Z1), Z2 = A1·W2 + b2, A2 = f2(Z2)', () => {
    const { ws, bs } = network(1);
    const expected = fixture<number[][][]>('hiddenForward');
    forwardPass(x, ws, bs, acts).forEach((m, i) => expectAllClose(m.toArray(), expected[i], 1e-12, ['Z1', 'A1', 'Z2', 'A2'][i]));
  });

  it('returns m×n hidden and m×1 output matrices', () => {
    const { ws, bs } = network(2, 3);
    expect(forwardPass(x, ws, bs, acts).map((m) => m.shape)).toEqual([[25, 3], [25, 3], [25, 1], [25, 1]]);
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
    const [ws1, bs1] = backprop(x, y, ws, bs, acts, cost, 0.1, 1);
    ws.forEach((w, l) => expectStep(`W${l + 1}`, w, ws1[l], mat(gradient.ws[l]), 0.1));
    bs.forEach((b, l) => expectStep(`b${l + 1}`, b, bs1[l], mat(gradient.bs[l]), 0.1));
  });

  it('returns the forward pass of the last epoch, before its update', () => {
    const { ws, bs } = network(4);
    const [, , , , , A2] = backprop(x, y, ws, bs, acts, testQuartic, 0.1, 5);
    expectAllClose(A2.toArray(), fixture<number[][]>('hiddenLastEpoch'), 1e-10, 'A2');
  });

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
    const before = [...ws, ...bs].map((m) => m.toArray());
    backprop(x, y, ws, bs, acts, testQuartic, 0.1, 3);
    expect([...ws, ...bs].map((m) => m.toArray())).toEqual(before);
  });
});
