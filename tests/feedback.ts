/**
 * Failure messages that teach. A test hands over what it got, what it expected and, optionally,
 * what typical mistakes would have produced from the same inputs ("suspects"). On a mismatch the
 * message names the mistake when the result matches one, or, for a gradient step (batchSize given),
 * a pattern (a flipped sign, a factor of N); otherwise it gives the shapes, the first differing index and the tolerance.
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
  if (gotShape !== wantShape) return `${c.what}: expected ${wantShape}, got ${gotShape}`;
  const bad = got.findIndex((g) => typeof g !== 'number' || !Number.isFinite(g));
  if (bad >= 0) return `${c.what}: got ${String(got[bad])} at index ${bad}; every value should be a finite number (a division by zero, or an overflow?)`;
  const numbers = got as number[];
  const relative = c.relative ?? false;
  if (allClose(numbers, want, tolerance, relative)) return undefined;

  for (const suspect of c.suspects ?? []) {
    if (allClose(numbers, suspect.values, 1e-6)) return `${c.what}: ${suspect.mistake}`;
  }
  const k = commonFactor(numbers, want);
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
  if (c.batchSize !== undefined && off.length > 0 && offBy(-1).length === off.length) {
    return `${c.what}: ${off.map(label).join(', ')} ${off.length === 1 ? 'has' : 'have'} the wrong sign; the rest are right. A gradient step goes downhill: p ← p − lr·∂J/∂p.`;
  }
  const i = numbers.findIndex((g, j) => !close(g, want[j], tolerance, relative));
  return `${c.what}: expected ${wantShape}; first difference at index ${i}: expected ${want[i]}, got ${numbers[i]} (${relative ? 'relative ' : ''}tolerance ${tolerance}${k !== undefined && Math.abs(k - 1) > 1e-3 ? `; all values are ${k.toPrecision(4)} × the expected ones` : ''})`;
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
