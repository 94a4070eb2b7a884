/**
 * The WebAssembly path of lib/matrix.ts's products: copy the operands into the kernel's memory,
 * compute (shared with the helper thread when the product is large), copy C back. The operands
 * are copied whole with Float64Array.set (a memcpy); the kernels read them with the caller's
 * strides, so aᵀ and bᵀ are never formed.
 */
import { PAGE_BYTES, MAX_PAGES, gemmModule, type GemmModule } from './module';
import { finish, post } from './pool';
import { THREADS_MIN_INTENSITY, THREADS_MIN_MULTIPLY_ADDS, WASM_MIN_MULTIPLY_ADDS, kernelSettings } from './settings';

const settings = kernelSettings();

/** Byte 0 of the memory holds gemm_shared's chunk counter; the operands start at byte 16. */
const COUNTER = 0;
const FIRST = 2;

let doubles: Float64Array | undefined;
let words: Int32Array | undefined;

/** The memory as doubles, grown to hold `length` of them. Null when that exceeds the maximum. */
function reserve(gemm: GemmModule, length: number): Float64Array | null {
  const bytes = length * 8;
  const have = gemm.memory.buffer.byteLength;
  if (bytes > have) {
    const pages = Math.ceil((bytes - have) / PAGE_BYTES);
    if (have / PAGE_BYTES + pages > MAX_PAGES) return null;
    gemm.memory.grow(pages);
  }
  // a shared memory's old views stay valid but keep their old length: take new ones after growing
  if (doubles === undefined || doubles.length < length) {
    doubles = new Float64Array(gemm.memory.buffer);
    words = new Int32Array(gemm.memory.buffer);
  }
  return doubles;
}

/** Rounds up to a whole number of 16-byte vectors, so each operand starts aligned. */
const align = (length: number): number => Math.ceil(length / 2) * 2;

/** Chunks for two threads: about 8 of them, a multiple of 4 columns wide (gemm_shared's rule). */
const chunkWidth = (n: number): number => 4 * Math.max(1, Math.floor(n / 32));

/**
 * Two threads pay when the product is large and does enough work per double that must move
 * between the cores (the helper reads A and half of B, and writes half of C, all of them written
 * or read by the main thread right before or after): see THREADS_MIN_INTENSITY.
 */
function pays(m: number, k: number, n: number): boolean {
  const work = m * k * n;
  return work >= THREADS_MIN_MULTIPLY_ADDS && work >= THREADS_MIN_INTENSITY * (k * n + m * k + m * n);
}

/**
 * C (m×n) = Σ_p A(i, p)·B(p, j) with A(i, p) = a[i·aRow + p·aCol], B(p, j) = b[p·bRow + j·bCol],
 * like lib/matrix.ts's gemm and with the same bits. Returns false, computing nothing, when the
 * product is for the JavaScript kernel: small, thin (m or n < 4), a layout the kernels lack, C
 * sharing memory with an operand (the JavaScript kernel defines what that gives), or no WebAssembly.
 */
export function wasmGemm(
  a: Float64Array, aRow: number, aCol: number,
  b: Float64Array, bRow: number, bCol: number,
  m: number, k: number, n: number, c: Float64Array,
): boolean {
  if (settings.mode === 'js' || m * k * n < WASM_MIN_MULTIPLY_ADDS) return false;
  if (c.buffer === a.buffer || c.buffer === b.buffer) return false;
  const threads = settings.threads === 2 && pays(m, k, n) ? 2 : 1;
  return wasmProduct(a, aRow, aCol, b, bRow, bCol, m, k, n, c, threads);
}

/** A product whose operands are in the kernel's memory: the kernel arguments and where C is. */
export interface Staged {
  gemm: GemmModule;
  /** 1: columns of B contiguous (a·bᵀ, gemm_nt); 0: rows of B contiguous (a·b and aᵀ·b, gemm_nn) */
  nt: 0 | 1;
  /** a, aRow, aCol, b, bStride, m, k, n, c, ldc: addresses in bytes, strides in doubles */
  args: [number, number, number, number, number, number, number, number, number, number];
  /** C's first double in the memory, and its length */
  cAt: number;
  cLength: number;
}

/**
 * Copies a and b into the kernel's memory. Null when the kernels cannot take the product: m or n
 * below 4, B neither row- nor column-contiguous, no WebAssembly, or no room.
 */
export function stage(
  a: Float64Array, aRow: number, aCol: number,
  b: Float64Array, bRow: number, bCol: number,
  m: number, k: number, n: number,
): Staged | null {
  if (m < 4 || n < 4 || (bCol !== 1 && bRow !== 1)) return null;
  const nt = bCol === 1 ? 0 : 1;
  const gemm = gemmModule();
  if (gemm === null) return null;
  const aAt = FIRST;
  const bAt = aAt + align(a.length);
  const cAt = bAt + align(b.length);
  const memory = reserve(gemm, cAt + m * n);
  if (memory === null) return null;
  memory.set(a, aAt);
  memory.set(b, bAt);
  return { gemm, nt, args: [8 * aAt, aRow, aCol, 8 * bAt, nt === 1 ? bCol : bRow, m, k, n, 8 * cAt, n], cAt, cLength: m * n };
}

/** Runs the kernel on a staged product; with threads = 2 the helper claims chunks of C's columns when it is ready. */
export function compute(staged: Staged, threads: 1 | 2): void {
  const { gemm, nt, args } = staged;
  const n = args[7];
  const width = chunkWidth(n);
  if (threads === 2 && n >= 2 * width && words !== undefined) {
    Atomics.store(words, COUNTER / 4, 0);
    const helped = post(gemm, [nt, ...args, COUNTER, width]);
    gemm.exports.gemm_shared(nt, ...args, COUNTER, width);
    if (helped && !finish()) (nt === 1 ? gemm.exports.gemm_nt : gemm.exports.gemm_nn)(...args);
  } else {
    (nt === 1 ? gemm.exports.gemm_nt : gemm.exports.gemm_nn)(...args);
  }
}

/** wasmGemm without its thresholds (the tests call it on every shape); false when stage() is null. */
export function wasmProduct(
  a: Float64Array, aRow: number, aCol: number,
  b: Float64Array, bRow: number, bCol: number,
  m: number, k: number, n: number, c: Float64Array, threads: 1 | 2,
): boolean {
  const staged = stage(a, aRow, aCol, b, bRow, bCol, m, k, n);
  if (staged === null || doubles === undefined) return false;
  compute(staged, threads);
  c.set(doubles.subarray(staged.cAt, staged.cAt + staged.cLength));
  return true;
}
