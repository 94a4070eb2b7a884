/**
 * How lib/matrix.ts computes its products, read once from the environment:
 *   LAB_KERNELS=js   the JavaScript kernel only (the fallback; the tests compare the two paths)
 *   LAB_KERNELS=wasm the WebAssembly SIMD kernels where they pay (the default)
 *   LAB_THREADS=1|2  threads that share a large product (default 2: the main thread and one worker)
 * Every setting gives the same bits: each entry of a product is one sum over p in the same order.
 */
export type KernelMode = 'js' | 'wasm';

export interface KernelSettings {
  mode: KernelMode;
  threads: 1 | 2;
}

export function kernelSettings(env: NodeJS.ProcessEnv = process.env): KernelSettings {
  const mode: KernelMode = env.LAB_KERNELS?.trim().toLowerCase() === 'js' ? 'js' : 'wasm';
  const threads = env.LAB_THREADS?.trim() === '1' ? 1 : 2;
  return { mode, threads };
}

/**
 * Products smaller than this many multiply-adds stay in JavaScript. Measured (best of 5, one
 * thread, operand copies included): 8×8·8×8 takes 0.40 µs either way, 12×12·12×12 0.72 µs in
 * WebAssembly against 1.20 µs, 25×2·2×200 6.6 µs against 11.5 µs. Both give the same bits.
 */
export const WASM_MIN_MULTIPLY_ADDS = 1024;

/**
 * Two threads only for products of at least this many multiply-adds, and at least this many of
 * them per double the two cores exchange (m·k·n / (k·n + m·k + m·n)). Measured here, in µs per
 * product on one thread / two: 25×200·200×200 (intensity 20) 105 / 134, slower, because copying B
 * in and handing half of it to the other core costs more than the halved arithmetic;
 * 64×64·64×64 (21) 42 / 44; 100×200·200×200 (50) 584 / 346; 200×200·200×200 (67) 1115 / 639.
 */
export const THREADS_MIN_MULTIPLY_ADDS = 1_000_000;
export const THREADS_MIN_INTENSITY = 32;
