/**
 * Part 3: logistic regression by gradient descent (exercises/logistic_regression.ts). It uses your
 * logistic and crossEntropy, so finish activations.ts and costs.ts first. Expected costs and
 * gradients come from tests/fixtures.json, precomputed from the reference.
 */
import { gradientDescent } from '@target/logistic_regression';
import { Mat } from '../../lib/matrix';
import { notebookData } from '../../course/data/notebook-data';
import { RandomState } from '../../course/numpy/random';
import { expectAllClose, expectStep, fixture, mat, randomMat, testQuartic } from '../helpers';

const { x, y } = notebookData('sin');
const ws = Mat.column([1, 2]);

type Gradient = { ws: number[][][]; bs: number[][][] };

describe('gradientDescent', () => {
  it('records the cost of every epoch, the first for the initial parameters', () => {
    const [, , , costs] = gradientDescent(x, y, ws, 0, 0.1, 5);
    expect(costs).toHaveLength(5);
    expectAllClose(costs[0], fixture<number>('logregCost0'), 1e-12, 'costs[0]');
  });

  it('takes one step of −lrate × the gradient of the mean cross-entropy', () => {
    const rs = new RandomState(5);
    const [w0, b0] = [randomMat(rs, 2, 1, 0.5), 0.3];
    const [w1, b1] = gradientDescent(x, y, w0, b0, 0.1, 1);
    const gradient = fixture<Gradient>('logregStep');
    expectStep('ws', w0, w1, mat(gradient.ws[0]), 0.1);
    expectStep('b', Mat.from([[b0]]), Mat.from([[b1]]), mat(gradient.bs[0]), 0.1);
  });

  it('uses the cost function it is given (here a quartic cost)', () => {
    const [w1] = gradientDescent(x, y, ws, 0, 0.1, 1, testQuartic);
    expectStep('ws', ws, w1, mat(fixture<Gradient>('logregQuarticStep').ws[0]), 0.1);
  });

  it('returns yPred = σ(x·ws + b) of the last epoch, before its update', () => {
    const [, , yPred] = gradientDescent(x, y, ws, 0, 0.1, 5);
    expect(yPred.shape).toEqual([25, 1]);
    expectAllClose(yPred.toArray(), fixture<number[][]>('logregYPred'), 1e-10, 'yPred');
  });

  it("lowers the cost over the notebook's run (ws = [1, 2], b = 0, lrate 0.1, 500 epochs)", () => {
    const [, , , costs] = gradientDescent(x, y, ws, 0, 0.1, 500);
    expect(costs[499]).toBeLessThan(costs[0]);
    expect(costs.every((c, i) => i === 0 || c <= costs[i - 1] + 1e-12)).toBe(true);
  });

  it('does not change ws', () => {
    const given = ws.clone();
    gradientDescent(x, y, given, 0, 0.1, 3);
    expect(given.toArray()).toEqual(ws.toArray());
  });
});
