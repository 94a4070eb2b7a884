/**
 * The ceiling of WebAssembly SIMD arithmetic on one core, in GFLOP/s (instructor/bench/ceiling.wat
 * says what it runs), for `npm run bench`, which runs it as a process of its own:
 *   node --require ./course/cli/typescript.cjs instructor/bench/ceiling.ts   → {"gflops": …}
 * The product kernel's rate is read against it: a kernel of f64x2 multiplies and adds also loads
 * its operands, so it stays below.
 */
import path from 'node:path';
import { wasmApi } from '../../lib/kernels/wasm-api';
import { assembleFile } from '../kernels/build';
import { bestSeconds } from './timing';

/** Each of the 13 chains does one f64x2 multiply and one f64x2 add per iteration: 13 · 2 · 2 flops. */
export const CHAINS = 13;
export const FLOPS_PER_ITERATION = CHAINS * 2 * 2;

export interface Ceiling {
  /** n iterations of ceiling.wat's loop from x; returns the total of its chains over both lanes (the work is used). */
  chains(n: number, x: number): number;
}

export async function ceilingModule(): Promise<Ceiling> {
  if (wasmApi === undefined) throw new Error('this runtime has no WebAssembly');
  const bytes = await assembleFile(path.join(__dirname, 'ceiling.wat'));
  return new wasmApi.Instance(new wasmApi.Module(bytes), {}).exports as unknown as Ceiling;
}

export async function ceilingGflops(seconds = 0.5): Promise<number> {
  const { chains } = await ceilingModule();
  const iterations = 5_000_000;
  return (FLOPS_PER_ITERATION * iterations) / bestSeconds(() => chains(iterations, 0.5), 1, seconds) / 1e9;
}

if (require.main === module) {
  ceilingGflops().then(
    (gflops) => console.log(JSON.stringify({ gflops })),
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
