/**
 * Part 3: activation functions and their derivatives (exercises/activations.ts). The first test of
 * each function compares f(z) and f'(z) with their values and names the usual slips.
 */
import * as target from '@target/activations';
import { Mat } from '../../lib/matrix';
import { expectUnchanged, explainActivation, fail, valuesOf } from '../feedback';
import { centralDifference, relativeError, sigma } from '../helpers';
import { studentModule } from '../student';

// every call to your code has a time limit (tests/student.ts): an endless loop fails in seconds
const { logistic, relu, tanh } = studentModule(target);

const z = Mat.from([[-3, -0.5, 0], [0.25, 1, 4]]);
const points = [-2.5, -1.2, -0.3, 0.4, 1.1, 2.7];
const zs = Mat.from([points]);
const rows = (f: (v: number) => number) => z.toArray().map((row) => row.map(f));

describe.each([
  ['logistic', logistic, sigma, (v: number) => sigma(v) * (1 - sigma(v))],
  ['tanh', tanh, Math.tanh, (v: number) => 1 - Math.tanh(v) ** 2],
  ['relu', relu, (v: number) => Math.max(v, 0), (v: number) => (v > 0 ? 1 : 0)],
] as const)('%s', (name, f, exact, derivative) => {
  const expected = { value: rows(exact).flat(), derivative: rows(derivative).flat() };
  const zValues = z.toArray().flat();

  it(`computes ${name}(z) entrywise`, () => {
    const got = valuesOf(f(z.clone()));
    fail(explainActivation(name, zValues, expected, Array.isArray(got) ? got.flat() : got, false));
  });

  it(`with deriv = true computes ${name}'(z) entrywise`, () => {
    const got = valuesOf(f(z.clone(), true));
    fail(explainActivation(name, zValues, expected, Array.isArray(got) ? got.flat() : got, true));
  });

  it('with deriv = true matches the central difference of the function (away from kinks)', () => {
    const derivativeAt = f(zs, true);
    points.forEach((v, i) => {
      const error = relativeError(derivativeAt.data[i], centralDifference(exact, v));
      if (!(error < 1e-7)) throw new Error(`${name}'(${v}) = ${derivativeAt.data[i]}, but the slope of ${name} there is ${centralDifference(exact, v)} (relative error ${error.toExponential(2)})`);
    });
  });

  // properties a harmless wrong function can have too: they count only beside a passing test above
  describe('properties', () => {
    it('keeps the shape of z and does not change z', () => {
      const input = z.clone();
      const out = f(input);
      if (out.rows !== 2 || out.cols !== 3) throw new Error(`${name}(z): expected 2×3 like z, got ${out.rows}×${out.cols}`);
      expectUnchanged(name, { z: input.toArray() }, { z: z.toArray() });
      if (out === input) throw new Error(`${name} returned z itself: return a new matrix (map(z, …) does).`);
    });
  });
});

describe('logistic', () => {

  // properties a harmless wrong function can have too: they count only beside a passing test above
  describe('properties', () => {
    it("has σ(0) = 0.5 and σ'(0) = 0.25", () => {
      const zero = Mat.from([[0]]);
      expect(logistic(zero).data[0]).toBe(0.5);
      expect(logistic(zero, true).data[0]).toBe(0.25);
    });

    it('saturates without NaN', () => {
      const extreme = Mat.from([[-800, 800]]);
      expect(Array.from(logistic(extreme).data)).toEqual([0, 1]);
      expect(Array.from(logistic(extreme, true).data)).toEqual([0, 0]);
    });
  });
});

describe('tanh', () => {

  // properties a harmless wrong function can have too: they count only beside a passing test above
  describe('properties', () => {
    it("has tanh(0) = 0 and tanh'(0) = 1", () => {
      const zero = Mat.from([[0]]);
      expect(tanh(zero).data[0]).toBe(0);
      expect(tanh(zero, true).data[0]).toBe(1);
    });
  });
});

describe('relu', () => {
  it("has relu' = 0 for z ≤ 0 (including 0) and 1 for z > 0", () => {
    fail(explainActivation('relu', [-2, 0, 1e-9, 3], { value: [0, 0, 1e-9, 3], derivative: [0, 0, 1, 1] }, Array.from(relu(Mat.from([[-2, 0, 1e-9, 3]]), true).data), true));
  });

  it('is 0 for negative z and z itself otherwise', () => {
    expect(Array.from(relu(Mat.from([[-2, -0.1, 0.5, 3]])).data)).toEqual([0, 0, 0.5, 3]);
  });
});
