/**
 * Part 3: logistic regression by gradient descent (exercises/logistic_regression.ts). It uses your
 * logistic and crossEntropy, so finish activations.ts and costs.ts first. Expected costs and
 * gradients come from tests/fixtures.json, precomputed from the reference.
 */
import * as target from '@target/logistic_regression';
import { Mat } from '../../lib/matrix';
import { notebookData } from '../../course/data/notebook-data';
import { RandomState } from '../../course/numpy/random';
import { explainSteps, expectMatsUnchanged, fail } from '../feedback';
import { expectAllClose, fixture, randomMat, testQuartic } from '../helpers';
import { studentModule } from '../student';

// every call to your code has a time limit (tests/student.ts): an endless loop fails in seconds
const { gradientDescent } = studentModule(target);

const { x, y } = notebookData('sin');
/** the notebook's start, fresh for each call: a change your code makes to it cannot reach another test */
const ws = (): Mat => Mat.column([1, 2]);

type Gradient = { ws: number[][][]; bs: number[][][] };

/** The step of ws and b against −lrate × the reference's gradient (a fixture), every entry named. */
function explainLogisticStep(w0: Mat, b0: number, w1: Mat, b1: number, lrate: number, gradient: Gradient): string | undefined {
  return explainSteps({
    functionName: 'gradientDescent',
    names: ['ws', 'b'],
    before: [w0, Mat.from([[b0]])],
    after: [w1, Mat.from([[b1]])],
    expected: [gradient.ws[0], gradient.bs[0]].map((g) => g.flat().map((v) => -lrate * v)),
    m: x.rows,
    outputLayer: ['ws', 'b'],
  });
}

describe('gradientDescent', () => {
  it('takes one step of −lrate × the gradient of the mean cross-entropy', () => {
    const rs = new RandomState(5);
    const [w0, b0] = [randomMat(rs, 2, 1, 0.5), 0.3];
    const [w1, b1] = gradientDescent(x, y, w0.clone(), b0, 0.1, 1);
    const message = explainLogisticStep(w0, b0, w1, b1, 0.1, fixture<Gradient>('logregStep'));
    if (message !== undefined) {
      // the default cost is your crossEntropy: if the step with the tests' quartic cost is right, that is where the error is
      const [w2, b2] = gradientDescent(x, y, ws(), 0, 0.1, 1, testQuartic);
      if (explainLogisticStep(ws(), 0, w2, b2, 0.1, fixture<Gradient>('logregQuarticStep')) === undefined) {
        throw new Error(`gradientDescent: the step with the tests' own cost is right, the one with your crossEntropy (the default) is not: check crossEntropy(yPred, y, true) in costs.ts, the derivative with respect to ŷ. (${message})`);
      }
    }
    fail(message);
  });

  it('records the cost of every epoch, the first for the initial parameters', () => {
    const [, , , costs] = gradientDescent(x, y, ws(), 0, 0.1, 5);
    expect(costs).toHaveLength(5);
    expectAllClose(costs[0], fixture<number>('logregCost0'), 1e-12, 'costs[0]');
  });

  it('uses the cost function it is given (here a quartic cost)', () => {
    const [w1, b1] = gradientDescent(x, y, ws(), 0, 0.1, 1, testQuartic);
    fail(explainLogisticStep(ws(), 0, w1, b1, 0.1, fixture<Gradient>('logregQuarticStep')));
  });

  it('returns yPred = σ(x·ws + b) of the last epoch, before its update', () => {
    const [, , yPred] = gradientDescent(x, y, ws(), 0, 0.1, 5);
    expect(yPred.shape).toEqual([25, 1]);
    expectAllClose(yPred.toArray(), fixture<number[][]>('logregYPred'), 1e-10, 'yPred');
  });

  // properties a harmless wrong function can have too: they count only beside a passing test above
  describe('properties', () => {
    it("lowers the cost over the notebook's run (ws = [1, 2], b = 0, lrate 0.1, 500 epochs)", () => {
      const [, , , costs] = gradientDescent(x, y, ws(), 0, 0.1, 500);
      expect(costs[499]).toBeLessThan(costs[0]);
      expect(costs.every((c, i) => i === 0 || c <= costs[i - 1] + 1e-12)).toBe(true);
    });

    it('does not change ws', () => {
      const given = ws();
      gradientDescent(x, y, given, 0, 0.1, 3);
      expectMatsUnchanged('gradientDescent', { ws: given }, { ws: ws().toArray() });
    });
  });
});
