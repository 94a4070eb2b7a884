/**
 * Part 3: logistic regression by gradient descent (exercises/logistic_regression.ts). It uses your
 * logistic and crossEntropy, so finish activations.ts and costs.ts first.
 */
import * as target from '@target/logistic_regression';
import { Mat } from '../../lib/matrix';
import { notebookData } from '../../course/data/notebook-data';
import { RandomState } from '../../course/numpy/random';
import { explainSteps, expectMatsUnchanged, fail } from '../feedback';
import { expectAllClose, numericGradient, randomMat, sigma, testCrossEntropy, testMse } from '../helpers';
import { studentModule } from '../student';

// every call to your code has a time limit (tests/student.ts): an endless loop fails in seconds
const { gradientDescent } = studentModule(target);

const { x, y } = notebookData('sin');
const ws = Mat.column([1, 2]);

/** The cost of ws, b over the notebook data, computed independently. */
const costOf = (w: Mat, b: number, cost = testCrossEntropy) => {
  const a = Mat.column(x.toArray().map(([x1, x2]) => sigma(x1 * w.data[0] + x2 * w.data[1] + b)));
  return cost(a, y);
};

/** The step of ws and b against −lrate × the finite-difference gradient of `cost`, every entry named. */
function explainLogisticStep(w0: Mat, b0: number, w1: Mat, b1: number, lrate: number, cost = testCrossEntropy): string | undefined {
  const bias = Mat.from([[b0]]);
  return explainSteps({
    functionName: 'gradientDescent',
    names: ['ws', 'b'],
    before: [w0, bias],
    after: [w1, Mat.from([[b1]])],
    expected: [numericGradient(() => costOf(w0, b0, cost), w0), numericGradient(() => costOf(w0, bias.data[0], cost), bias)].map((g) => Array.from(g.data, (v) => -lrate * v)),
    m: x.rows,
    outputLayer: ['ws', 'b'],
  });
}

describe('gradientDescent', () => {
  it('takes one step of −lrate × the gradient of the mean cross-entropy', () => {
    const rs = new RandomState(5);
    const [w0, b0] = [randomMat(rs, 2, 1, 0.5), 0.3];
    const [w1, b1] = gradientDescent(x, y, w0, b0, 0.1, 1);
    const message = explainLogisticStep(w0, b0, w1, b1, 0.1);
    if (message !== undefined) {
      // the default cost is your crossEntropy: if the step with the tests' MSE is right, that is where the error is
      const [w2, b2] = gradientDescent(x, y, w0, b0, 0.1, 1, testMse);
      if (explainLogisticStep(w0, b0, w2, b2, 0.1, testMse) === undefined) {
        throw new Error(`gradientDescent: the step with the tests' MSE is right, the one with your crossEntropy (the default) is not: check crossEntropy(yPred, y, true) in costs.ts, the derivative with respect to ŷ. (${message})`);
      }
    }
    fail(message);
  });

  it('records the cost of every epoch, the first for the initial parameters', () => {
    const [, , , costs] = gradientDescent(x, y, ws, 0, 0.1, 5);
    expect(costs).toHaveLength(5);
    expectAllClose(costs[0], costOf(ws, 0), 1e-12, 'costs[0]');
  });

  it('uses the cost function it is given (here MSE)', () => {
    const [w1, b1] = gradientDescent(x, y, ws, 0, 0.1, 1, testMse);
    fail(explainLogisticStep(ws, 0, w1, b1, 0.1, testMse));
  });

  it('returns yPred = σ(x·ws + b) of the last epoch, before its update', () => {
    const [w4, b4] = gradientDescent(x, y, ws, 0, 0.1, 4);
    const [, , yPred] = gradientDescent(x, y, ws, 0, 0.1, 5);
    expect(yPred.shape).toEqual([25, 1]);
    expectAllClose(Array.from(yPred.data), x.toArray().map(([x1, x2]) => sigma(x1 * w4.data[0] + x2 * w4.data[1] + b4)), 1e-12, 'yPred');
  });

  it("lowers the cost over the notebook's run (ws = [1, 2], b = 0, lrate 0.1, 500 epochs)", () => {
    const [, , , costs] = gradientDescent(x, y, ws, 0, 0.1, 500);
    expect(costs[499]).toBeLessThan(costs[0]);
    expect(costs.every((c, i) => i === 0 || c <= costs[i - 1] + 1e-12)).toBe(true);
  });

  it('does not change ws', () => {
    const given = ws.clone();
    gradientDescent(x, y, given, 0, 0.1, 3);
    expectMatsUnchanged('gradientDescent', { ws: given }, { ws: ws.toArray() });
  });
});
