/**
 * Part 3, reference solution: the notebook's activation functions, entrywise, each with its
 * derivative (deriv = true gives f'(z)).
 */
import { map, type Mat } from '../lib/matrix';

/** σ(z) = 1 / (1 + e^(−z));  σ'(z) = σ(z)·(1 − σ(z)). */
export function logistic(z: Mat, deriv = false): Mat {
  return map(z, (v) => {
    // mutant "logistic' applied to the output σ(z)": const s = deriv ? 1 / (1 + Math.exp(-1 / (1 + Math.exp(-v)))) : 1 / (1 + Math.exp(-v));
    const s = 1 / (1 + Math.exp(-v));
    return deriv ? s * (1 - s) : s;
  });
}

/** tanh(z);  tanh'(z) = 1 − tanh(z)². */
export function tanh(z: Mat, deriv = false): Mat {
  return map(z, (v) => {
    const t = Math.tanh(v);
    // mutant "tanh' = 1 − tanh instead of 1 − tanh²": return deriv ? 1 - t : t;
    return deriv ? 1 - t * t : t;
  });
}

/** relu(z) = max(z, 0);  relu'(z) = 0 where z ≤ 0, else 1. */
export function relu(z: Mat, deriv = false): Mat {
  // mutant "relu'(0) = 1": return map(z, (v) => (deriv ? (v >= 0 ? 1 : 0) : v > 0 ? v : 0));
  return map(z, (v) => (deriv ? (v > 0 ? 1 : 0) : v > 0 ? v : 0));
}
