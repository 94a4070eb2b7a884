/**
 * A small dense matrix module for Part 3: row-major Float64Array storage and the handful of
 * operations the notebook's networks need. Every operation takes an optional `out` matrix to write
 * into, so a training loop can run without allocating; without `out` it returns a new matrix.
 *
 *   const z = addRowVector(matmul(x, w), b);      // Z = X·W + b
 *   subtractScaled(w, matmulTransA(a, delta), lr / m, w);   // W ← W − lr·Aᵀ·δ / m
 *
 * The products run in WebAssembly SIMD (lib/kernels/) when they are large enough to pay, else in
 * the JavaScript kernel below; both give the same bits. LAB_KERNELS=js forces JavaScript and
 * LAB_THREADS=1 keeps large products on one thread (lib/kernels/settings.ts).
 */
import { wasmGemm } from './kernels/gemm';

export class Mat {
  readonly data: Float64Array;

  constructor(
    readonly rows: number,
    readonly cols: number,
    data?: Float64Array,
  ) {
    if (!Number.isInteger(rows) || !Number.isInteger(cols) || rows < 0 || cols < 0) {
      throw new RangeError(`a matrix needs whole, non-negative sizes, got ${rows}×${cols}`);
    }
    if (data !== undefined && data.length !== rows * cols) {
      throw new RangeError(`${rows}×${cols} matrix needs ${rows * cols} values, got ${data.length}`);
    }
    this.data = data ?? new Float64Array(rows * cols);
  }

  /** A matrix from rows of numbers (all rows the same length). */
  static from(rows: number[][]): Mat {
    const cols = rows.length === 0 ? 0 : rows[0].length;
    const out = new Mat(rows.length, cols);
    rows.forEach((row, i) => {
      if (row.length !== cols) throw new RangeError(`row ${i} has ${row.length} values, expected ${cols}`);
      out.data.set(row, i * cols);
    });
    return out;
  }

  /** A column vector (n×1) from numbers. */
  static column(values: number[]): Mat {
    return new Mat(values.length, 1, Float64Array.from(values));
  }

  get shape(): [rows: number, cols: number] {
    return [this.rows, this.cols];
  }

  get(i: number, j: number): number {
    return this.data[i * this.cols + j];
  }

  set(i: number, j: number, value: number): void {
    this.data[i * this.cols + j] = value;
  }

  /** Row i as a new array. */
  row(i: number): number[] {
    return Array.from(this.data.subarray(i * this.cols, (i + 1) * this.cols));
  }

  /** The rows as nested arrays (for JSON, plots and tests). */
  toArray(): number[][] {
    return Array.from({ length: this.rows }, (_, i) => this.row(i));
  }

  clone(): Mat {
    return new Mat(this.rows, this.cols, this.data.slice());
  }

  toString(): string {
    return `Mat ${this.rows}×${this.cols}`;
  }
}

function shapeOf(m: Mat): string {
  return `${m.rows}×${m.cols}`;
}

/** The output matrix: `out` checked for shape, or a new one. */
function target(out: Mat | undefined, rows: number, cols: number, operation: string): Mat {
  if (out === undefined) return new Mat(rows, cols);
  if (out.rows !== rows || out.cols !== cols) {
    throw new RangeError(`${operation}: out is ${shapeOf(out)}, the result is ${rows}×${cols}`);
  }
  return out;
}

/** gemm, in WebAssembly when the product is large enough to pay for copying its operands. */
function product(
  a: Float64Array, aRow: number, aCol: number,
  b: Float64Array, bRow: number, bCol: number,
  m: number, k: number, n: number, c: Float64Array,
): void {
  if (!wasmGemm(a, aRow, aCol, b, bRow, bCol, m, k, n, c)) gemm(a, aRow, aCol, b, bRow, bCol, m, k, n, c);
}

/**
 * C (m×n) = Σ_p A(i, p)·B(p, j) for strided views A(i, p) = a[i·aRow + p·aCol] and
 * B(p, j) = b[p·bRow + j·bCol]. One kernel serves a·b, aᵀ·b and a·bᵀ. It computes 4×2 blocks of
 * C in eight local accumulators (registers), so each loaded value is used 2 or 4 times; the sums
 * run over p in a fixed order, so the result is deterministic. This order (each entry one
 * accumulator from 0, adding A(i, p)·B(p, j) for p = 0 … k−1, no fused multiply-add) is the
 * contract the WebAssembly kernels in lib/kernels/ reproduce bit for bit.
 */
function gemm(
  a: Float64Array, aRow: number, aCol: number,
  b: Float64Array, bRow: number, bCol: number,
  m: number, k: number, n: number, c: Float64Array,
): void {
  let i = 0;
  for (; i + 3 < m; i += 4) {
    let j = 0;
    for (; j + 1 < n; j += 2) {
      let c00 = 0, c01 = 0, c10 = 0, c11 = 0, c20 = 0, c21 = 0, c30 = 0, c31 = 0;
      let pa = i * aRow;
      let pb = j * bCol;
      for (let p = 0; p < k; p++, pa += aCol, pb += bRow) {
        const b0 = b[pb];
        const b1 = b[pb + bCol];
        const a0 = a[pa];
        const a1 = a[pa + aRow];
        const a2 = a[pa + 2 * aRow];
        const a3 = a[pa + 3 * aRow];
        c00 += a0 * b0; c01 += a0 * b1;
        c10 += a1 * b0; c11 += a1 * b1;
        c20 += a2 * b0; c21 += a2 * b1;
        c30 += a3 * b0; c31 += a3 * b1;
      }
      const o = i * n + j;
      c[o] = c00; c[o + 1] = c01;
      c[o + n] = c10; c[o + n + 1] = c11;
      c[o + 2 * n] = c20; c[o + 2 * n + 1] = c21;
      c[o + 3 * n] = c30; c[o + 3 * n + 1] = c31;
    }
    for (; j < n; j++) for (let r = i; r < i + 4; r++) c[r * n + j] = dot(a, r * aRow, aCol, b, j * bCol, bRow, k);
  }
  for (; i < m; i++) for (let j = 0; j < n; j++) c[i * n + j] = dot(a, i * aRow, aCol, b, j * bCol, bRow, k);
}

/** Σ_p a[aStart + p·aStep]·b[bStart + p·bStep], for the edges gemm's blocks do not cover. */
function dot(a: Float64Array, aStart: number, aStep: number, b: Float64Array, bStart: number, bStep: number, k: number): number {
  let sum = 0;
  for (let p = 0; p < k; p++) sum += a[aStart + p * aStep] * b[bStart + p * bStep];
  return sum;
}

/** a·b: (m×k)·(k×n) → m×n. */
export function matmul(a: Mat, b: Mat, out?: Mat): Mat {
  if (a.cols !== b.rows) throw new RangeError(`matmul: ${shapeOf(a)} · ${shapeOf(b)} do not fit (${a.cols} ≠ ${b.rows})`);
  const c = target(out, a.rows, b.cols, 'matmul');
  product(a.data, a.cols, 1, b.data, b.cols, 1, a.rows, a.cols, b.cols, c.data);
  return c;
}

/** aᵀ·b: (k×m)ᵀ·(k×n) → m×n, without forming aᵀ. */
export function matmulTransA(a: Mat, b: Mat, out?: Mat): Mat {
  if (a.rows !== b.rows) throw new RangeError(`matmulTransA: ${shapeOf(a)}ᵀ · ${shapeOf(b)} do not fit (${a.rows} ≠ ${b.rows})`);
  const c = target(out, a.cols, b.cols, 'matmulTransA');
  product(a.data, 1, a.cols, b.data, b.cols, 1, a.cols, a.rows, b.cols, c.data);
  return c;
}

/** a·bᵀ: (m×k)·(n×k)ᵀ → m×n, without forming bᵀ. */
export function matmulTransB(a: Mat, b: Mat, out?: Mat): Mat {
  if (a.cols !== b.cols) throw new RangeError(`matmulTransB: ${shapeOf(a)} · ${shapeOf(b)}ᵀ do not fit (${a.cols} ≠ ${b.cols})`);
  const c = target(out, a.rows, b.rows, 'matmulTransB');
  product(a.data, a.cols, 1, b.data, 1, b.cols, a.rows, a.cols, b.rows, c.data);
  return c;
}

/** a + row, the 1×n row added to every row of a (NumPy's broadcasting of a bias). */
export function addRowVector(a: Mat, row: Mat, out?: Mat): Mat {
  if (row.rows !== 1 || row.cols !== a.cols) throw new RangeError(`addRowVector: the row must be 1×${a.cols}, got ${shapeOf(row)}`);
  const c = target(out, a.rows, a.cols, 'addRowVector');
  // the arrays in locals: V8 then keeps them in registers instead of reloading them every entry
  const x = a.data, r = row.data, z = c.data, cols = a.cols;
  for (let i = 0; i < a.rows; i++) {
    const o = i * cols;
    for (let j = 0; j < cols; j++) z[o + j] = x[o + j] + r[j];
  }
  return c;
}

/** f applied to every entry. */
export function map(a: Mat, f: (value: number) => number, out?: Mat): Mat {
  const c = target(out, a.rows, a.cols, 'map');
  const x = a.data, z = c.data;
  for (let i = 0; i < z.length; i++) z[i] = f(x[i]);
  return c;
}

function sameShape(a: Mat, b: Mat, operation: string): void {
  if (a.rows !== b.rows || a.cols !== b.cols) throw new RangeError(`${operation}: shapes ${shapeOf(a)} and ${shapeOf(b)} differ`);
}

/** f(a_ij, b_ij) for every entry of two matrices of one shape. */
export function zipWith(a: Mat, b: Mat, f: (x: number, y: number) => number, out?: Mat): Mat {
  sameShape(a, b, 'zipWith');
  const c = target(out, a.rows, a.cols, 'zipWith');
  const x = a.data, y = b.data, z = c.data;
  for (let i = 0; i < z.length; i++) z[i] = f(x[i], y[i]);
  return c;
}

/** a ⊙ b, the entrywise (Hadamard) product. */
export function multiply(a: Mat, b: Mat, out?: Mat): Mat {
  sameShape(a, b, 'multiply');
  const c = target(out, a.rows, a.cols, 'multiply');
  const x = a.data, y = b.data, z = c.data;
  for (let i = 0; i < z.length; i++) z[i] = x[i] * y[i];
  return c;
}

/** a − s·b: a gradient-descent step when b is the gradient and s the learning rate. */
export function subtractScaled(a: Mat, b: Mat, s: number, out?: Mat): Mat {
  sameShape(a, b, 'subtractScaled');
  const c = target(out, a.rows, a.cols, 'subtractScaled');
  const x = a.data, y = b.data, z = c.data;
  for (let i = 0; i < z.length; i++) z[i] = x[i] - s * y[i];
  return c;
}

/** The mean of each column, as a 1×n row. */
export function columnMeans(a: Mat, out?: Mat): Mat {
  const c = target(out, 1, a.cols, 'columnMeans');
  const x = a.data, z = c.data, rows = a.rows, cols = a.cols;
  z.fill(0);
  for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) z[j] += x[i * cols + j];
  for (let j = 0; j < cols; j++) z[j] /= rows;
  return c;
}

/** The mean of all entries. */
export function mean(a: Mat): number {
  let sum = 0;
  for (const value of a.data) sum += value;
  return sum / a.data.length;
}
