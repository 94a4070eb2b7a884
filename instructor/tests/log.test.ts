import { correctlyRoundedLog } from '../../course/numpy/log';

// ln x for x = 1 + 2^-k is ln(1 + ε) = ε − ε²/2 + ε³/3 …, whose correctly rounded value is
// known in closed form for small ε; other spot values are the double nearest the exact logarithm
// (computed with Python's decimal module at 60 digits).
describe('correctlyRoundedLog', () => {
  it.each([
    [2, 0.6931471805599453],
    [10, 2.302585092994046],
    [0.5, -0.6931471805599453],
    [1e-300, -690.7755278982137],
    [Number.MAX_VALUE, 709.782712893384],
    [5e-324, -744.4400719213812],
    [0.7, -0.35667494393873245],
  ])('ln(%p) = %p', (x, expected) => {
    expect(correctlyRoundedLog(x)).toBe(expected);
  });

  it('ln(1 + 2^-30) = 2^-30 − 2^-61 (rounded)', () => {
    const eps = 2 ** -30;
    expect(correctlyRoundedLog(1 + eps)).toBe(eps - eps * eps / 2);
  });

  it('ln(1) is exactly 0', () => {
    expect(correctlyRoundedLog(1)).toBe(0);
  });

  it('agrees with Math.log to within one ulp across (0, 1)', () => {
    for (let i = 1; i < 5000; i++) {
      const x = i / 5000;
      const diff = Math.abs(correctlyRoundedLog(x) - Math.log(x));
      expect(diff).toBeLessThanOrEqual(Math.abs(Math.log(x)) * 2 ** -52);
    }
  });

  it('follows Math.log for 0, negatives, NaN and Infinity', () => {
    expect(correctlyRoundedLog(0)).toBe(-Infinity);
    expect(correctlyRoundedLog(-1)).toBeNaN();
    expect(correctlyRoundedLog(Number.NaN)).toBeNaN();
    expect(correctlyRoundedLog(Infinity)).toBe(Infinity);
  });
});
