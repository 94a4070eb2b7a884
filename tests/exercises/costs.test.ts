/**
 * Part 3: cost functions and their derivatives with respect to ŷ (exercises/costs.ts).
 */
import * as target from '@target/costs';
import { Mat } from '../../lib/matrix';
import { explainCost, explainCostDerivative, expectMatsUnchanged, fail, valuesOf } from '../feedback';
import { centralDifference, expectAllClose, relativeError, sigma } from '../helpers';
import { studentModule } from '../student';

// every call to your code has a time limit (tests/student.ts): an endless loop fails in seconds
const { crossEntropy, meanSquaredError } = studentModule(target);

// the values the tests expect come from these numbers, never from matrices your code was handed
const P = [0.9, 0.2, 0.6, 0.35];
const T = [1, 0, 0, 1];
const m = 4;
/** fresh inputs for each call: a change your code makes to them cannot reach another test */
const yPred = (): Mat => Mat.column(P);
const y = (): Mat => Mat.column(T);
const flatValues = (value: unknown) => {
  const values = valuesOf(value);
  return Array.isArray(values) ? values.flat() : values;
};

/** cost(ŷ, y, true) entry by entry against the central difference of the same cost of that one example. */
function expectOwnSlope(cost: typeof crossEntropy): void {
  const derivative = cost(yPred(), y(), true);
  P.forEach((p, i) => {
    const perExample = (q: number) => cost(Mat.column([q]), Mat.column([T[i]]));
    expect(relativeError(derivative.data[i], centralDifference(perExample, p))).toBeLessThan(1e-7);
  });
}

describe('crossEntropy', () => {
  it('is mean(−y·log ŷ − (1 − y)·log(1 − ŷ))', () => {
    const expected = (-Math.log(0.9) - Math.log(0.8) - Math.log(0.4) - Math.log(0.35)) / m;
    fail(explainCost('crossEntropy', m, expected, crossEntropy(yPred(), y())));
  });

  it("with deriv = true is (ŷ − y)/(ŷ(1 − ŷ)), the derivative with respect to ŷ", () => {
    const expected = P.map((p, i) => (p - T[i]) / (p * (1 - p)));
    fail(explainCostDerivative('crossEntropy', P, T, expected, flatValues(crossEntropy(yPred(), y(), true))));
  });

  it("times σ'(z) gives the notebook's shortcut ŷ − y for a logistic output ŷ = σ(z)", () => {
    const zValues = [-1.5, 0.3, 2.2, -0.4];
    const p = Mat.column(zValues.map(sigma));
    const derivative = crossEntropy(p, y(), true);
    const chained = zValues.map((zv, i) => derivative.data[i] * sigma(zv) * (1 - sigma(zv)));
    expectAllClose(chained, zValues.map((zv, i) => sigma(zv) - T[i]), 1e-12, "CE'(ŷ)·σ'(z)");
  });

  // properties a harmless wrong function can have too: they count only beside a passing test above
  describe('properties', () => {
    // consistent with your own cost: a wrong cost with the derivative of that wrong cost passes too
    it('with deriv = true matches the central difference of the per-example cost', () => {
      expectOwnSlope(crossEntropy);
    });

    it('is log 2 when ŷ = 0.5 everywhere', () => {
      expectAllClose(crossEntropy(Mat.column([0.5, 0.5]), Mat.column([0, 1])), Math.LN2, 1e-15, 'CE');
    });

    it('stays finite when ŷ reaches exactly 0 or 1', () => {
      const saturated = Mat.column([0, 1]);
      const target = Mat.column([1, 0]);
      expect(Number.isFinite(crossEntropy(saturated, target))).toBe(true);
      expect(Array.from(crossEntropy(saturated, target, true).data).every(Number.isFinite)).toBe(true);
    });

    it('does not change its inputs', () => {
      const [p, t] = [yPred(), y()];
      crossEntropy(p, t);
      crossEntropy(p, t, true);
      expectMatsUnchanged('crossEntropy', { yPred: p, y: t }, { yPred: yPred().toArray(), y: y().toArray() });
    });
  });
});

describe('meanSquaredError', () => {
  it('is mean((y − ŷ)²)', () => {
    fail(explainCost('meanSquaredError', m, (0.01 + 0.04 + 0.36 + 0.4225) / m, meanSquaredError(yPred(), y())));
  });

  it('with deriv = true is 2·(ŷ − y)', () => {
    fail(explainCostDerivative('meanSquaredError', P, T, [-0.2, 0.4, 1.2, -1.3], flatValues(meanSquaredError(yPred(), y(), true))));
  });

  // properties a harmless wrong function can have too: they count only beside a passing test above
  describe('properties', () => {
    // consistent with your own cost: a wrong cost with the derivative of that wrong cost passes too
    it('with deriv = true matches the central difference of the per-example cost', () => {
      expectOwnSlope(meanSquaredError);
    });

    it('is 0 when ŷ = y', () => {
      expect(meanSquaredError(y(), y())).toBe(0);
    });

    it('is a mean: repeating the examples does not change it', () => {
      const twice = (a: Mat) => Mat.column([...a.data, ...a.data]);
      expectAllClose(meanSquaredError(twice(yPred()), twice(y())), meanSquaredError(yPred(), y()), 1e-15, 'MSE');
    });
  });
});
