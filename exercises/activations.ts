/**
 * Part 3: the notebook's activation functions. Each works entrywise on a matrix (lib/matrix.ts)
 * and, with deriv = true, returns its derivative f'(z) instead of f(z).
 *
 * Shapes: the result has the shape of z. Use `map(z, v => …)` from lib/matrix.ts.
 */
import { NotImplementedError } from '../lib/errors';
import { map, type Mat } from '../lib/matrix';

const FILE = 'exercises/activations.ts';

/**
 * The logistic sigmoid:   σ(z) = 1 / (1 + e^(−z))        σ'(z) = σ(z)·(1 − σ(z))
 *
 * @returns σ(z) or, with deriv, σ'(z): a matrix shaped like z.
 */
export function logistic(z: Mat, deriv = false): Mat {
  throw new NotImplementedError('logistic', FILE);
}

/**
 * The hyperbolic tangent:   tanh(z)        tanh'(z) = 1 − tanh(z)²
 *
 * @returns tanh(z) or, with deriv, tanh'(z). Hint: Math.tanh.
 */
export function tanh(z: Mat, deriv = false): Mat {
  throw new NotImplementedError('tanh', FILE);
}

/**
 * The rectified linear unit:   relu(z) = max(z, 0)       relu'(z) = 0 where z ≤ 0, else 1
 *
 * @returns relu(z) or, with deriv, relu'(z) (take relu'(0) = 0).
 */
export function relu(z: Mat, deriv = false): Mat {
  throw new NotImplementedError('relu', FILE);
}
