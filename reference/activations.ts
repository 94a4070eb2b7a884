/**
 * Part 3, reference solution: the notebook's activation functions, entrywise, each with its
 * derivative (deriv = true gives f'(z)). Plain loops into a new matrix: the deep preset applies
 * them to 25×200 matrices six times an epoch, and a loop is several times faster than a call per
 * entry (the values are the same bits).
 */
import { Mat } from '../lib/matrix';

/** σ(z) = 1 / (1 + e^(−z));  σ'(z) = σ(z)·(1 − σ(z)). */
export function logistic(z: Mat, deriv = false): Mat {
  const out = new Mat(z.rows, z.cols);
  const [v, o] = [z.data, out.data];
  for (let i = 0; i < v.length; i++) {
    // mutant "logistic' applied to the output σ(z)": const s = deriv ? 1 / (1 + Math.exp(-1 / (1 + Math.exp(-v[i])))) : 1 / (1 + Math.exp(-v[i]));
    const s = 1 / (1 + Math.exp(-v[i]));
    o[i] = deriv ? s * (1 - s) : s;
  }
  return out;
}

/** tanh(z);  tanh'(z) = 1 − tanh(z)². */
export function tanh(z: Mat, deriv = false): Mat {
  const out = new Mat(z.rows, z.cols);
  const [v, o] = [z.data, out.data];
  for (let i = 0; i < v.length; i++) {
    const t = Math.tanh(v[i]);
    // mutant "tanh' = 1 − tanh instead of 1 − tanh²": o[i] = deriv ? 1 - t : t;
    o[i] = deriv ? 1 - t * t : t;
  }
  return out;
}

/** relu(z) = max(z, 0);  relu'(z) = 0 where z ≤ 0, else 1. */
export function relu(z: Mat, deriv = false): Mat {
  const out = new Mat(z.rows, z.cols);
  const [v, o] = [z.data, out.data];
  // mutant "relu'(0) = 1": for (let i = 0; i < v.length; i++) o[i] = deriv ? (v[i] >= 0 ? 1 : 0) : v[i] > 0 ? v[i] : 0;
  for (let i = 0; i < v.length; i++) o[i] = deriv ? (v[i] > 0 ? 1 : 0) : v[i] > 0 ? v[i] : 0;
  return out;
}
