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
 * Products smaller than this many multiply-adds stay in JavaScript: below it, copying the operands
 * into WebAssembly memory and calling in costs more than the faster kernel saves (measured with
 * scripts/bench.ts on the deep preset's shapes; see the kernel table there).
 */
export const WASM_MIN_MULTIPLY_ADDS = 4096;

/** Products of at least this many multiply-adds are split over two threads (measured likewise). */
export const THREADS_MIN_MULTIPLY_ADDS = 200_000;
