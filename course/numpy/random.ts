/**
 * A bit-exact port of NumPy's legacy `np.random.RandomState` (MT19937).
 *
 * The same seed draws the same numbers as NumPy, so a Python and a TypeScript run of the lab
 * initialise the same weights and visit the same mini-batches. Every random choice in this
 * repository goes through this class.
 *
 * References: numpy/random/src/mt19937 (init_genrand, genrand_int32), numpy/random/src/legacy
 * (legacy_gauss, the polar Box–Muller with a cached second value) and random_interval (masked
 * rejection sampling used by shuffle).
 */

import { correctlyRoundedLog } from './log';
import { range } from './range';

const N = 624;
const M = 397;
// `| 0` keeps each constant an int32 (the same bits): V8 then never falls back to doubles
const MATRIX_A = 0x9908b0df | 0;
const UPPER_MASK = 0x80000000 | 0;
const LOWER_MASK = 0x7fffffff;
const TEMPER_B = 0x9d2c5680 | 0;
const TEMPER_C = 0xefc60000 | 0;
const MAX_SEED = 0xffffffff;

export class RandomState {
  // The same bits as uint32; int32 keeps V8 in small integers. `output` holds the tempered words
  // of the current state, computed in one tight loop per twist, so a draw is one array read.
  private readonly state = new Int32Array(N);
  private readonly output = new Int32Array(N);
  private position = N;
  private hasGauss = false;
  private gauss = 0;

  /** `seed`: an integer in 0 … 2^32 − 1, as NumPy's `RandomState(seed)` accepts. */
  constructor(seed: number) {
    if (!Number.isInteger(seed) || seed < 0 || seed > MAX_SEED) {
      throw new RangeError(`seed must be an integer between 0 and 2^32 - 1, got ${seed}`);
    }
    // init_genrand: key[i] = 1812433253 · (key[i−1] ⊕ (key[i−1] >> 30)) + i  (mod 2^32)
    this.state[0] = seed;
    for (let i = 1; i < N; i++) {
      const previous = this.state[i - 1];
      this.state[i] = Math.imul(1812433253, previous ^ (previous >>> 30)) + i;
    }
  }

  /** The next raw 32-bit output of MT19937, as an unsigned integer. */
  nextUint32(): number {
    if (this.position >= N) this.twist();
    return this.output[this.position++] >>> 0;
  }

  /** A double in [0, 1) with 53 random bits: `np.random.rand()`. */
  rand(): number {
    const a = this.nextUint32() >>> 5;
    const b = this.nextUint32() >>> 6;
    return (a * 67108864 + b) / 9007199254740992;
  }

  /** `n` doubles uniform in [low, high): `np.random.uniform(low, high, n)`. */
  uniform(low: number, high: number, n: number): number[] {
    checkCount(n, 'n');
    return Array.from({ length: n }, () => low + (high - low) * this.rand());
  }

  /** One standard normal draw (legacy polar Box–Muller, second value cached). */
  standardNormal(): number {
    if (this.hasGauss) {
      this.hasGauss = false;
      return this.gauss;
    }
    let x1: number;
    let x2: number;
    let r2: number;
    do {
      x1 = 2 * this.rand() - 1;
      x2 = 2 * this.rand() - 1;
      r2 = x1 * x1 + x2 * x2;
    } while (r2 >= 1 || r2 === 0);
    const f = Math.sqrt((-2 * correctlyRoundedLog(r2)) / r2);
    this.gauss = f * x1;
    this.hasGauss = true;
    return f * x2;
  }

  /** `np.random.randn(n)` or, with two sizes, `np.random.randn(rows, cols)` filled row by row. */
  randn(n: number): number[];
  randn(rows: number, cols: number): number[][];
  randn(rows: number, cols?: number): number[] | number[][] {
    return cols === undefined ? this.normal(0, 1, rows) : this.normal(0, 1, [rows, cols]);
  }

  /** `np.random.normal(loc, scale, size)`: loc + scale · gauss, filled row by row. */
  normal(loc: number, scale: number, size: number): number[];
  normal(loc: number, scale: number, size: [number, number]): number[][];
  normal(loc: number, scale: number, size: number | [number, number]): number[] | number[][] {
    const draw = (n: number): number[] => {
      checkCount(n, 'size');
      return Array.from({ length: n }, () => loc + scale * this.standardNormal());
    };
    if (typeof size === 'number') return draw(size);
    const [rows, cols] = size;
    checkCount(rows, 'rows');
    checkCount(cols, 'cols');
    return Array.from({ length: rows }, () => draw(cols));
  }

  /** A uniform integer in [0, max] by masked rejection on 32-bit outputs (NumPy's random_interval). */
  interval(max: number): number {
    if (!Number.isInteger(max) || max < 0 || max > MAX_SEED) {
      throw new RangeError(`interval bound must be an integer in 0 … 2^32 - 1, got ${max}`);
    }
    return max === 0 ? 0 : this.maskedDraw(max, smallestMask(max));
  }

  private maskedDraw(max: number, mask: number): number {
    let value: number;
    do {
      value = (this.nextUint32() & mask) >>> 0;
    } while (value > max);
    return value;
  }

  /** Shuffles `array` in place exactly as `np.random.shuffle` does on a 1-D array; returns it. */
  shuffle<T>(array: T[]): T[] {
    // the hot loop of every epoch: nextUint32 and maskedDraw inlined, state kept in locals
    const output = this.output;
    let position = this.position;
    let mask = smallestMask(array.length - 1);
    for (let i = array.length - 1; i >= 1; i--) {
      if (mask >>> 1 >= i) mask >>>= 1; // the mask only shrinks as i falls
      let j: number;
      do {
        if (position >= N) {
          this.twist();
          position = 0;
        }
        j = (output[position++] & mask) >>> 0;
      } while (j > i);
      const held = array[i];
      array[i] = array[j];
      array[j] = held;
    }
    this.position = position;
    return array;
  }

  /** `np.random.permutation(n)`: a shuffled [0, 1, …, n − 1]. */
  permutation(n: number): number[] {
    checkCount(n, 'n');
    return this.shuffle(range(n));
  }

  /** MT19937's state transition: regenerates the 624 words of state. */
  private twist(): void {
    const mt = this.state;
    // mt[i] = mt[i + M] ⊕ (y >> 1) ⊕ (y odd ? A : 0), branch-free, y = upper bit of mt[i] | lower 31 of mt[i + 1]
    let i = 0;
    for (; i < N - M; i++) {
      const y = (mt[i] & UPPER_MASK) | (mt[i + 1] & LOWER_MASK);
      mt[i] = mt[i + M] ^ (y >>> 1) ^ (-(y & 1) & MATRIX_A);
    }
    for (; i < N - 1; i++) {
      const y = (mt[i] & UPPER_MASK) | (mt[i + 1] & LOWER_MASK);
      mt[i] = mt[i + M - N] ^ (y >>> 1) ^ (-(y & 1) & MATRIX_A);
    }
    const y = (mt[N - 1] & UPPER_MASK) | (mt[0] & LOWER_MASK);
    mt[N - 1] = mt[M - 1] ^ (y >>> 1) ^ (-(y & 1) & MATRIX_A);
    const output = this.output;
    for (let k = 0; k < N; k++) output[k] = temper(mt[k]);
    this.position = 0;
  }
}

/** MT19937's output tempering of one state word. */
function temper(word: number): number {
  let y = word;
  y ^= y >>> 11;
  y ^= (y << 7) & TEMPER_B;
  y ^= (y << 15) & TEMPER_C;
  y ^= y >>> 18;
  return y;
}

/** The smallest 2^k − 1 ≥ max. */
function smallestMask(max: number): number {
  let mask = max;
  mask |= mask >>> 1;
  mask |= mask >>> 2;
  mask |= mask >>> 4;
  mask |= mask >>> 8;
  mask |= mask >>> 16;
  return mask >>> 0;
}

function checkCount(n: number, name: string): void {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`${name} must be a non-negative integer, got ${n}`);
}
