/**
 * Failure messages that teach. A test hands over what it got, what it expected and, optionally,
 * what typical mistakes would have produced from the same inputs ("suspects"). On a mismatch the
 * message names the mistake when the result matches one, or a pattern in how the result relates to
 * the expected one: a constant factor (a flipped sign, N times too large, a missing 1/2), a group of
 * entries that alone are off (the hidden layer's step), two outputs in each other's place. Otherwise
 * it gives the shapes, the first differing entry with its name and the tolerance.
 *
 * The diagnoses compare received with expected (and the inputs); they do not recompute the
 * mistakes with working implementations of the graded functions, so they give nothing away.
 */

export interface Suspect {
  /** What the mistaken computation returns for the test's inputs. */
  values: number[];
  /** The mistake, in the student's terms, and how to fix it. */
  mistake: string;
}

export interface Comparison {
  /** What is compared, as the student knows it: "the step in w", "aH", "σ'(a)". */
  what: string;
  got: unknown;
  expected: number[] | number[][] | number;
  /** Tolerance per entry: relative above 1 and absolute below it, or purely relative with `relative`. */
  tolerance?: number;
  /**
   * Compare |got − expected| ≤ tolerance · max(|got|, |expected|): the relative error a
   * finite-difference check of a small gradient step needs (an absolute 1e-6 on a step of 1e-2
   * would allow a relative error of 1e-4).
   */
  relative?: boolean;
  suspects?: Suspect[];
  /** For a gradient step: the batch size, to recognise a gradient that is not averaged. */
  batchSize?: number;
  /** Names of the entries (flattened), to say which ones are off: ["Δw1", "Δw2", "Δb"]. */
  labels?: string[];
  /** Mistakes that scale every value by a known factor: { factor: 2, mistake: 'the 1/2 is missing' }. */
  factors?: { factor: number; mistake: string }[];
  /**
   * Groups of entries (flattened indices) with what it means when only that group is off, e.g. the
   * hidden layer's part of a step: "the output layer is right, so look at the hidden δ".
   */
  groups?: { entries: number[]; mistake: string }[];
}

const flatten = (value: unknown): unknown[] => (Array.isArray(value) ? value.flatMap(flatten) : [value]);

function shapeOf(value: unknown): string {
  if (!Array.isArray(value)) return typeof value === 'number' ? 'a number' : `a ${typeof value}`;
  if (value.length > 0 && Array.isArray(value[0])) return `${value.length}×${(value[0] as unknown[]).length}`;
  return value.length === 1 ? '1 value' : `${value.length} values`;
}

function close(a: number, b: number, tolerance: number, relative = false): boolean {
  return Math.abs(a - b) <= tolerance * (relative ? Math.max(Math.abs(a), Math.abs(b)) : Math.max(1, Math.abs(b)));
}

function allClose(got: number[], want: number[], tolerance: number, relative = false): boolean {
  return got.length === want.length && got.every((g, i) => close(g, want[i], tolerance, relative));
}

/** The constant k with got ≈ k·expected, if there is one (and expected is not all zero). */
function commonFactor(got: number[], want: number[]): number | undefined {
  const i = want.findIndex((w) => Math.abs(w) > 1e-12);
  if (i < 0 || got.length !== want.length) return undefined;
  const k = got[i] / want[i];
  return allClose(got, want.map((w) => k * w), 1e-6) ? k : undefined;
}

/** undefined when got matches expected; otherwise the message that explains the difference. */
export function explainMismatch(c: Comparison): string | undefined {
  const tolerance = c.tolerance ?? 1e-9;
  const wantShape = shapeOf(c.expected);
  const gotShape = shapeOf(c.got);
  const want = flatten(c.expected) as number[];
  const got = flatten(c.got);
  if (gotShape !== wantShape) {
    const oneMore = Array.isArray(c.got) && Array.isArray(c.expected) && c.got.length === c.expected.length + 1;
    const transposed = /^\d+×\d+$/.test(wantShape) && gotShape === wantShape.split('×').reverse().join('×');
    const why = oneMore ? ' (one too many: a loop with i <= N instead of i < N?)' : transposed ? ' (the transpose: rows and columns swapped, transposed weights?)' : '';
    return `${c.what}: expected ${wantShape}, got ${gotShape}${why}`;
  }
  const bad = got.findIndex((g) => typeof g !== 'number' || !Number.isFinite(g));
  if (bad >= 0) return `${c.what}: ${notFinite(got[bad], `${c.labels?.[bad] ?? `index ${bad}`}`)}`;
  const numbers = got as number[];
  const relative = c.relative ?? false;
  if (allClose(numbers, want, tolerance, relative)) return undefined;

  for (const suspect of c.suspects ?? []) {
    if (allClose(numbers, suspect.values, 1e-6)) return `${c.what}: ${suspect.mistake}`;
  }
  const k = commonFactor(numbers, want);
  for (const { factor, mistake } of c.factors ?? []) {
    if (k !== undefined && close(k, factor, 1e-6)) return `${c.what}: ${mistake}`;
  }
  if (k !== undefined) {
    if (c.batchSize !== undefined && close(k, -1, 1e-6)) return `${c.what}: the sign is flipped: you got exactly −1 × the expected values. A gradient step goes downhill: p ← p − lr·∂J/∂p.`;
    if (c.batchSize !== undefined && c.batchSize > 1 && close(k, c.batchSize, 1e-6)) {
      return `${c.what}: ${c.batchSize} times too large, the size of the batch: average the gradient over the batch (divide the sum by N = ${c.batchSize}).`;
    }
    if (c.batchSize !== undefined && c.batchSize > 1 && close(k, 1 / c.batchSize, 1e-6)) {
      return `${c.what}: ${c.batchSize} times too small: the gradient is divided by N = ${c.batchSize} twice.`;
    }
  }
  const label = (j: number) => c.labels?.[j] ?? `entry ${j}`;
  const off = numbers.map((g, j) => j).filter((j) => !close(numbers[j], want[j], tolerance, relative));
  const offBy = (factor: number) => off.filter((j) => Math.abs(want[j]) > 1e-12 && close(numbers[j] / want[j], factor, 1e-6));
  if (c.batchSize !== undefined && c.batchSize > 1 && off.length > 0 && offBy(c.batchSize).length === off.length) {
    return `${c.what}: ${off.map(label).join(', ')} ${off.length === 1 ? 'is' : 'are'} ${c.batchSize} times too large, the size of the batch: average ${off.length === 1 ? 'that gradient' : 'those gradients'} over the batch (divide by N = ${c.batchSize}); the rest are right.`;
  }
  if (c.batchSize !== undefined && off.length > 0 && off.every((j) => numbers[j] === 0)) {
    return `${c.what}: ${off.map(label).join(', ')} did not move (a step of exactly 0) and the rest are right: ${off.length === 1 ? 'is that parameter' : 'are those parameters'} updated at all?`;
  }
  if (c.batchSize !== undefined && off.length > 0 && offBy(-1).length === off.length) {
    return `${c.what}: ${off.map(label).join(', ')} ${off.length === 1 ? 'has' : 'have'} the wrong sign; the rest are right. A gradient step goes downhill: p ← p − lr·∂J/∂p.`;
  }
  for (const group of c.groups ?? []) {
    if (off.length > 0 && off.every((j) => group.entries.includes(j))) return `${c.what}: ${off.map(label).join(', ')} ${off.length === 1 ? 'is' : 'are'} off and the rest are right: ${group.mistake}`;
  }
  const i = numbers.findIndex((g, j) => !close(g, want[j], tolerance, relative));
  if (c.labels?.[i] !== undefined) {
    return `${c.what}: ${off.length} of ${numbers.length} values differ; the first, ${c.labels[i]}: expected ${want[i]}, got ${numbers[i]} (${relative ? 'relative ' : ''}tolerance ${tolerance}${k !== undefined && Math.abs(k - 1) > 1e-3 ? `; all values are ${k.toPrecision(4)} × the expected ones` : ''})`;
  }
  return `${c.what}: expected ${wantShape}; first difference at index ${i}: expected ${want[i]}, got ${numbers[i]} (${relative ? 'relative ' : ''}tolerance ${tolerance}${k !== undefined && Math.abs(k - 1) > 1e-3 ? `; all values are ${k.toPrecision(4)} × the expected ones` : ''})`;
}

/**
 * Why a value is not a finite number. NaN comes mostly from arithmetic on undefined, which is what
 * reading past the end of an array gives (x[i] with i = N, w[2] of a 2-vector), so that comes first.
 */
function notFinite(value: unknown, where: string): string {
  if (value === undefined) return `got undefined at ${where}: an entry was never written, or it was read past the end of an array (an index off by one?)`;
  if (typeof value !== 'number') return `got ${typeof value} ${String(value)} at ${where}; every value should be a number`;
  if (Number.isNaN(value)) return `got NaN at ${where}: NaN comes from arithmetic on undefined, which an array read past its end gives (x[i] with i = N, w[2]: an index off by one?), or from 0/0`;
  return `got ${String(value)} at ${where}: an overflow or a division by zero (exp of a large number? 1/0?)`;
}

/**
 * The first line for a function that returns several values (a tuple): names two outputs in each
 * other's place ("swapped return order") before comparing each output with its expected value.
 */
export function explainTuple<E>(functionName: string, names: string[], got: unknown, expected: E[], compare: (name: string, got: unknown, expected: E) => string | undefined): string | undefined {
  if (!Array.isArray(got) || got.length !== names.length) {
    return `${functionName} should return [${names.join(', ')}], ${names.length} values; got ${Array.isArray(got) ? `${got.length} values` : shapeOf(got)}`;
  }
  const matches = (i: number, j: number) => compare(names[j], got[i], expected[j]) === undefined;
  for (let i = 0; i < names.length; i++) {
    if (matches(i, i)) continue;
    const j = names.findIndex((_, k) => k !== i && !matches(k, k) && matches(i, k));
    if (j >= 0) return `${functionName} returned ${names[j]} where ${names[i]} belongs: the order is [${names.join(', ')}] (swapped return order).`;
  }
  for (let i = 0; i < names.length; i++) {
    const message = compare(names[i], got[i], expected[i]);
    if (message !== undefined) return message;
  }
  return undefined;
}

/** Throws the explanation when got does not match expected. */
export function expectMatch(c: Comparison): void {
  const message = explainMismatch(c);
  if (message !== undefined) throw new Error(message);
}

/** Throws when a function changed one of its inputs, naming the input and the first change. */
export function expectUnchanged(functionName: string, inputs: Record<string, unknown>, originals: Record<string, unknown>): void {
  for (const [name, value] of Object.entries(inputs)) {
    const now = flatten(value);
    const before = flatten(originals[name]);
    const i = now.findIndex((v, j) => v !== before[j]);
    if (i >= 0 || now.length !== before.length) {
      const where = i >= 0 ? ` (entry ${i} was ${String(before[i])}, now ${String(now[i])})` : ` (it had ${before.length} entries, now ${now.length})`;
      throw new Error(`${functionName} changed its input ${name}${where}: do not modify the arguments; build and return new arrays.`);
    }
  }
}

// ---- Part 3: the notebook's activations, costs and steps ----

const entrywise = (xs: number[], f: (v: number, i: number) => number): number[] => xs.map(f);
const logisticOf = (v: number): number => 1 / (1 + Math.exp(-v));

/**
 * f(z) or f'(z) (deriv) of one of the notebook's activations against the expected values, naming
 * the usual slips: tanh' = 1 − tanh without the square, logistic' applied to the output σ(z) or
 * to z itself, relu'(0) = 1, and deriv ignored or reversed.
 */
export function explainActivation(name: 'logistic' | 'tanh' | 'relu', z: number[], expected: { value: number[]; derivative: number[] }, got: unknown, deriv: boolean): string | undefined {
  const what = deriv ? `${name}(z, true)` : `${name}(z)`;
  if (!deriv) {
    return explainMismatch({
      what, got, expected: expected.value, tolerance: 1e-15,
      suspects: [{ values: expected.derivative, mistake: `without deriv it returned the derivative: deriv is false unless given, and then ${name} returns ${name}(z) itself.` }],
    });
  }
  const suspects: Suspect[] = [{ values: expected.value, mistake: `deriv = true returned ${name}(z) itself: with deriv = true return the derivative ${name}'(z).` }];
  if (name === 'tanh') suspects.push({ values: entrywise(expected.value, (t) => 1 - t), mistake: "tanh' = 1 − tanh(z) is missing the square: tanh'(z) = 1 − tanh(z)²." });
  if (name === 'logistic') {
    // σ applied twice: the derivative formula fed the output σ(z) instead of z
    const onOutput = entrywise(expected.value, (s) => logisticOf(s) * (1 - logisticOf(s)));
    suspects.push({ values: onOutput, mistake: "logistic' is applied to the output σ(z), not to z: compute s = σ(z) once, then s·(1 − s)." });
    suspects.push({ values: entrywise(z, (v) => v * (1 - v)), mistake: "z·(1 − z) is the formula applied to z itself: first s = σ(z), then σ'(z) = s·(1 − s)." });
  }
  if (name === 'relu') {
    const atZero = z.map((v, i) => (v === 0 ? i : -1)).filter((i) => i >= 0);
    const received = Array.isArray(got) ? (got as unknown[]) : [];
    const otherwiseRight = received.length === z.length && received.every((g, i) => z[i] === 0 || g === expected.derivative[i]);
    if (atZero.length > 0 && otherwiseRight && atZero.some((i) => received[i] !== 0)) {
      return `${what}: relu'(0) should be 0, got ${String(received[atZero[0]])}: relu' is 1 only where z > 0 (not z ≥ 0), 0 elsewhere.`;
    }
  }
  return explainMismatch({ what, got, expected: expected.derivative, tolerance: 1e-12, suspects, factors: [{ factor: -1, mistake: `the sign is flipped: ${name}' is never negative.` }] });
}

/**
 * A cost's derivative with respect to ŷ (deriv = true) against the expected values, naming the
 * notebook's shortcut ŷ − y (the derivative with respect to z of a logistic output), a missing 2, a
 * flipped sign and a derivative divided by m.
 */
export function explainCostDerivative(name: 'crossEntropy' | 'meanSquaredError', yPred: number[], y: number[], expected: number[], got: unknown): string | undefined {
  const difference = yPred.map((p, i) => p - y[i]);
  const m = yPred.length;
  const suspects: Suspect[] =
    name === 'crossEntropy'
      ? [{ values: difference, mistake: "that is the notebook's shortcut ŷ − y, the derivative with respect to z of a logistic output (CE'·σ'(z)). With deriv = true crossEntropy returns the derivative with respect to ŷ: (ŷ − y)/(ŷ·(1 − ŷ))." }]
      : [{ values: difference, mistake: "the 2 of the square is missing: MSE' = 2·(ŷ − y)." }];
  return explainMismatch({
    what: `${name}(yPred, y, true)`, got, expected, tolerance: 1e-12, suspects,
    factors: [
      { factor: -1, mistake: 'the sign is flipped: the derivative with respect to ŷ is positive where ŷ > y.' },
      { factor: 1 / m, mistake: `${m} times too small: the derivative is per example, entrywise; the mean over the m = ${m} examples is only in the cost itself.` },
    ],
  });
}

/** A mean cost against the expected value, naming a sum instead of a mean and a spurious 1/2. */
export function explainCost(name: 'crossEntropy' | 'meanSquaredError', m: number, expected: number, got: unknown): string | undefined {
  return explainMismatch({
    what: `${name}(yPred, y)`, got, expected, tolerance: 1e-12,
    factors: [
      { factor: m, mistake: `${m} times too large, the number of examples: the cost is a mean over the m = ${m} examples, not a sum.` },
      { factor: -1, mistake: 'the sign is flipped: −y·log ŷ is positive, since log ŷ < 0.' },
      ...(name === 'meanSquaredError' ? [{ factor: 0.5, mistake: "half the expected value: the notebook's MSE is mean((y − ŷ)²), without Part 1's 1/2." }] : []),
    ],
  });
}

export interface StepComparison {
  /** "backprop": whose step it is */
  functionName: string;
  /** the parameters in order, as the student knows them: W1, b1, W2, b2 */
  names: string[];
  /** each parameter's entries (row-major) and shape before the step */
  before: { rows: number; cols: number; data: ArrayLike<number> }[];
  /** what the function returned for each parameter */
  after: { rows: number; cols: number; data: ArrayLike<number> }[];
  /** the expected step (−lrate × gradient) of each parameter, row-major */
  expected: number[][];
  /** the number of examples, to recognise a gradient that is not averaged */
  m: number;
  /** how many of the leading parameters make up the output layer's step (checked first) */
  outputLayer: string[];
  /** exact steps of known mistakes for these inputs (precomputed) */
  suspects?: Suspect[];
}

/**
 * The step of every parameter at once, so that the message can name the pattern: a factor of m in
 * some entries (a gradient not averaged, a bias gradient summed), a flipped sign, or a hidden layer
 * that alone is off while the output layer is right (the hidden δ without f', or δ computed with
 * the updated W). Each entry is named: W1[0][1], b2[0].
 */
export function explainSteps(c: StepComparison): string | undefined {
  for (let l = 0; l < c.names.length; l++) {
    const [before, after] = [c.before[l], c.after[l]];
    if (after === undefined || typeof after !== 'object' || after.rows !== before.rows || after.cols !== before.cols) {
      const shape = after !== undefined && typeof after === 'object' && 'rows' in after ? `${after.rows}×${after.cols}` : shapeOf(after);
      const transposed = after !== undefined && typeof after === 'object' && after.rows === before.cols && after.cols === before.rows;
      return `${c.functionName}: the new ${c.names[l]} should be ${before.rows}×${before.cols} like the old one, got ${shape}${transposed ? ' (transposed: is the gradient Aᵀ·δ, with A the layer\'s input?)' : ''}`;
    }
  }
  const labels = c.names.flatMap((name, l) => Array.from({ length: c.before[l].rows * c.before[l].cols }, (_, i) => (c.before[l].rows === 1 ? `${name}[${i}]` : `${name}[${Math.floor(i / c.before[l].cols)}][${i % c.before[l].cols}]`)));
  const got = c.names.flatMap((_, l) => Array.from(c.after[l].data, (v, i) => v - c.before[l].data[i]));
  const outputEntries = c.names.flatMap((name, l) => Array.from(c.before[l].data, () => c.outputLayer.includes(name)));
  const hidden = outputEntries.map((isOutput, i) => (isOutput ? -1 : i)).filter((i) => i >= 0);
  return explainMismatch({
    what: `${c.functionName}: the step (${c.names.join(', ')})`,
    got,
    expected: c.expected.flat(),
    tolerance: 1e-6,
    relative: true,
    batchSize: c.m,
    labels,
    suspects: c.suspects,
    groups: hidden.length > 0 ? [{ entries: hidden, mistake: `the error is in the δ of the hidden layer. δ_{l−1} = (δ_l·W_lᵀ) ⊙ f'_{l−1}(Z_{l−1}): is the f' there, and is W_l the one before its update?` }] : [],
  });
}

/** The entries of a returned matrix, or the value itself when it is not one (to be reported as such). */
export function valuesOf(value: unknown): unknown {
  if (value !== null && typeof value === 'object' && 'data' in value && 'rows' in value && 'cols' in value) {
    const m = value as { rows: number; cols: number; data: ArrayLike<number> };
    return Array.from({ length: m.rows }, (_, i) => Array.from({ length: m.cols }, (_, j) => m.data[i * m.cols + j]));
  }
  return value;
}

/** Throws when explain… found a difference. */
export function fail(message: string | undefined): void {
  if (message !== undefined) throw new Error(message);
}

/** Throws when a function changed one of its matrix inputs (ws, bs, a Mat), naming it and the entry. */
export function expectMatsUnchanged(functionName: string, now: Record<string, { toArray(): number[][] } | { toArray(): number[][] }[]>, before: Record<string, number[][] | number[][][]>): void {
  const asArrays = Object.fromEntries(Object.entries(now).map(([name, value]) => [name, Array.isArray(value) ? value.map((m) => m.toArray()) : value.toArray()]));
  try {
    expectUnchanged(functionName, asArrays, before);
  } catch (error) {
    throw new Error(`${(error as Error).message.replace('build and return new arrays.', 'clone the matrices (w.clone()) and update the copies.')}`);
  }
}
