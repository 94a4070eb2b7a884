/**
 * Loads lib/kernels/gemm.wasm on first use, synchronously (a few microseconds for 1.5 kB; scripts
 * that never multiply matrices never read it). Returns null, and lib/matrix.ts keeps its JavaScript
 * kernel, when this runtime lacks WebAssembly SIMD or shared memory, or the file cannot be read
 * (for example under Node's permission model without read access to lib/).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { wasmApi, type WasmMemory, type WasmModule } from './wasm-api';

export interface GemmExports {
  /** C = A·B with B(p, j) at b + 8·(p·bRow + j); needs m ≥ 4 and n ≥ 4 (see gemm.wat). */
  gemm_nn(a: number, aRow: number, aCol: number, b: number, bRow: number, m: number, k: number, n: number, c: number, ldc: number): void;
  /** C = A·B with B(p, j) at b + 8·(j·bCol + p). */
  gemm_nt(a: number, aRow: number, aCol: number, b: number, bCol: number, m: number, k: number, n: number, c: number, ldc: number): void;
  /** Either of the two (nt = 1: gemm_nt) by chunks of `width` columns claimed through the counter at `next`. */
  gemm_shared(
    nt: number, a: number, aRow: number, aCol: number, b: number, bStride: number,
    m: number, k: number, n: number, c: number, ldc: number, next: number, width: number,
  ): void;
}

export interface GemmModule {
  module: WasmModule;
  memory: WasmMemory;
  exports: GemmExports;
}

/** 64 KiB WebAssembly pages; the .wat declares the same maximum (1 GiB). */
export const PAGE_BYTES = 65536;
export const MAX_PAGES = 16384;

/** (module (type (func (param v128)))): valid only where the engine knows the v128 type. */
const SIMD_PROBE = new Uint8Array([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, 0x01, 0x05, 0x01, 0x60, 0x01, 0x7b, 0x00]);

export function simdSupported(): boolean {
  return wasmApi !== undefined && typeof SharedArrayBuffer === 'function' && wasmApi.validate(SIMD_PROBE);
}

let loaded: GemmModule | null | undefined;

export function gemmModule(): GemmModule | null {
  if (loaded !== undefined) return loaded;
  loaded = null;
  try {
    if (wasmApi === undefined || !simdSupported()) return loaded;
    const module = new wasmApi.Module(readFileSync(path.join(__dirname, 'gemm.wasm')));
    const memory = new wasmApi.Memory({ initial: 1, maximum: MAX_PAGES, shared: true });
    const instance = new wasmApi.Instance(module, { env: { memory } });
    loaded = { module, memory, exports: instance.exports as unknown as GemmExports };
  } catch {
    // no WebAssembly here: the JavaScript kernel computes the same bits
  }
  return loaded;
}
