/**
 * Part 3: activation functions and their derivatives (exercises/activations.ts).
 */
import * as target from '@target/activations';
import { Mat } from '../../lib/matrix';
import { centralDifference, expectAllClose, relativeError, sigma } from '../helpers';
import { studentModule } from '../student';

// every call to your code has a time limit (tests/student.ts): an endless loop fails in seconds
const { logistic, relu, tanh } = studentModule(target);

const z = Mat.from([[-3, -0.5, 0], [0.25, 1, 4]]);
const points = [-2.5, -1.2, -0.3, 0.4, 1.1, 2.7];
const zs = Mat.from([points]);

describe.each([
  ['logistic', logistic, sigma],
  ['tanh', tanh, Math.tanh],
  ['relu', relu, (v: number) => Math.max(v, 0)],
] as const)('%s', (name, f, exact) => {
  it(`computes ${name}(z) entrywise`, () => {
    expectAllClose(f(z).toArray(), z.toArray().map((row) => row.map(exact)), 1e-15, `${name}(z)`);
  });

  it('keeps the shape of z and does not change z', () => {
    const input = z.clone();
    const out = f(input);
    expect(out.shape).toEqual([2, 3]);
    expect(input.toArray()).toEqual(z.toArray());
    expect(out).not.toBe(input);
  });

  it('with deriv = true matches the central difference of the function (away from kinks)', () => {
    const derivative = f(zs, true);
    points.forEach((v, i) => expect(relativeError(derivative.data[i], centralDifference(exact, v))).toBeLessThan(1e-7));
  });
});

describe('logistic', () => {
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

describe('tanh', () => {
  it("has tanh(0) = 0 and tanh'(0) = 1", () => {
    const zero = Mat.from([[0]]);
    expect(tanh(zero).data[0]).toBe(0);
    expect(tanh(zero, true).data[0]).toBe(1);
  });
});

describe('relu', () => {
  it("has relu' = 0 for z ≤ 0 (including 0) and 1 for z > 0", () => {
    expect(Array.from(relu(Mat.from([[-2, 0, 1e-9, 3]]), true).data)).toEqual([0, 0, 1, 1]);
  });

  it('is 0 for negative z and z itself otherwise', () => {
    expect(Array.from(relu(Mat.from([[-2, -0.1, 0.5, 3]])).data)).toEqual([0, 0, 0.5, 3]);
  });
});
