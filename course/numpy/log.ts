/**
 * A correctly rounded natural logarithm.
 *
 * NumPy's legacy Box–Muller calls the C library's `log`, which glibc rounds correctly in all but
 * vanishingly rare cases; V8's `Math.log` is only faithful (< 1 ulp) and differs in the last bit
 * for about 1.5 % of inputs. To draw the same normals as NumPy, `RandomState` uses this function:
 * the logarithm is computed in double-double arithmetic (~104 bits) and rounded once.
 *
 * log x = k·ln 2 + log m with x = 2^k·m, m ∈ [√½, √2), and
 * log m = 2·atanh(s) = 2·(s + s³/3 + s⁵/5 + …) with s = (m − 1)/(m + 1), |s| < 0.172.
 */

/** A double-double: the unevaluated sum hi + lo with |lo| ≤ ulp(hi)/2. */
type DD = readonly [hi: number, lo: number];

const LN2: DD = [0.6931471805599453, 2.3190468138462996e-17];
const SPLITTER = 134217729; // 2^27 + 1, Veltkamp's splitting constant
const SERIES_TERMS = 24; // s^(2·24) < 2^-120 for |s| < 0.172

function twoSum(a: number, b: number): DD {
  const s = a + b;
  const v = s - a;
  return [s, a - (s - v) + (b - v)];
}

function quickTwoSum(a: number, b: number): DD {
  const s = a + b;
  return [s, b - (s - a)];
}

function twoProduct(a: number, b: number): DD {
  const p = a * b;
  const ca = SPLITTER * a;
  const aHi = ca - (ca - a);
  const aLo = a - aHi;
  const cb = SPLITTER * b;
  const bHi = cb - (cb - b);
  const bLo = b - bHi;
  return [p, aHi * bHi - p + aHi * bLo + aLo * bHi + aLo * bLo];
}

function add(x: DD, y: DD): DD {
  const [s, e] = twoSum(x[0], y[0]);
  const [t, f] = twoSum(x[1], y[1]);
  const [s2, e2] = quickTwoSum(s, e + t);
  return quickTwoSum(s2, e2 + f);
}

function multiply(x: DD, y: DD): DD {
  const [p, e] = twoProduct(x[0], y[0]);
  return quickTwoSum(p, e + (x[0] * y[1] + x[1] * y[0]));
}

function divide(x: DD, y: DD): DD {
  const q1 = x[0] / y[0];
  let r = add(x, negate(multiply(y, [q1, 0])));
  const q2 = r[0] / y[0];
  r = add(r, negate(multiply(y, [q2, 0])));
  const q3 = r[0] / y[0];
  return add(quickTwoSum(q1, q2), [q3, 0]);
}

function negate(x: DD): DD {
  return [-x[0], -x[1]];
}

const INVERSE_ODD: DD[] = Array.from({ length: SERIES_TERMS }, (_, n) => divide([1, 0], [2 * n + 1, 0]));

/** ln x, correctly rounded, for every double x (NaN, ±0, negatives and ∞ as Math.log). */
export function correctlyRoundedLog(x: number): number {
  if (!(x > 0) || x === Infinity) return Math.log(x);
  if (x === 1) return 0;
  // x = 2^k·m exactly, m ∈ [√½, √2)
  let k = 0;
  let m = x;
  if (m < 2.2250738585072014e-308) {
    m *= 2 ** 54;
    k -= 54;
  }
  // log2 may round up to the next integer near a power of two (and to 1024 at MAX_VALUE),
  // so the exponent is clamped to the normal range and m is then nudged into [1, 2)
  const exponent = Math.min(Math.floor(Math.log2(m)), 1023);
  m /= 2 ** exponent;
  k += exponent;
  if (m < 1) {
    m *= 2;
    k -= 1;
  }
  if (m > Math.SQRT2) { m /= 2; k += 1; }

  // s = (m − 1)/(m + 1); m − 1 is exact (Sterbenz), m + 1 is kept as a double-double
  const s = divide([m - 1, 0], twoSum(m, 1));
  const s2 = multiply(s, s);
  let series = INVERSE_ODD[SERIES_TERMS - 1];
  for (let n = SERIES_TERMS - 2; n >= 0; n--) series = add(multiply(series, s2), INVERSE_ODD[n]);
  const logM = multiply(multiply(s, series), [2, 0]);
  const kLn2 = add(twoProduct(k, LN2[0]), [k * LN2[1], 0]);
  const result = add(kLn2, logM);
  return result[0] + result[1];
}
