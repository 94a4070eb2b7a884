/**
 * GFLOP/s of a·b for one shape in this process's kernel setting, for `npm run bench`, which runs
 * it once per setting:
 *   LAB_KERNELS=js npx tsx instructor/bench/timing.ts 24 200 200   → {"gflops": …}  (the JavaScript kernel)
 *   LAB_THREADS=2  npx tsx instructor/bench/timing.ts 24 200 200   → {"gflops": …, "kernelGflops": …}
 * gflops: whole products, operand copies included, on the set number of threads whatever the size
 * thresholds say; kernelGflops: the kernel alone on operands already in its memory.
 * Rate = 2·m·k·n flops per product over the best of several timed batches.
 */
import { Mat, matmul } from '../../lib/matrix';
import { compute, stage, wasmProduct } from '../../lib/kernels/gemm';
import { gemmModule } from '../../lib/kernels/module';
import { helperReady } from '../../lib/kernels/pool';
import { kernelSettings } from '../../lib/kernels/settings';

/** The best seconds per call of `product` over batches of `perBatch` calls, run for about `seconds` (the first 2 batches warm up). */
export function bestSeconds(product: () => void, perBatch: number, seconds: number): number {
  let best = Infinity;
  const end = performance.now() + 1000 * seconds;
  for (let batch = 0; batch < 5 || performance.now() < end; batch++) {
    const start = performance.now();
    for (let i = 0; i < perBatch; i++) product();
    if (batch >= 2) best = Math.min(best, (performance.now() - start) / 1000 / perBatch); // 2 batches warm up
  }
  return best;
}

export function productGflops(m: number, k: number, n: number, seconds = 0.3): { gflops: number; kernelGflops?: number } {
  const a = new Mat(m, k, Float64Array.from({ length: m * k }, (_, i) => Math.sin(i)));
  const b = new Mat(k, n, Float64Array.from({ length: k * n }, (_, i) => Math.cos(i)));
  const c = new Mat(m, n);
  const flops = 2 * m * k * n;
  const perBatch = Math.max(1, Math.round(2e7 / (m * k * n)));
  const { mode, threads } = kernelSettings();
  const gemm = gemmModule();
  if (mode === 'js' || gemm === null) return { gflops: flops / bestSeconds(() => matmul(a, b, c), perBatch, seconds) / 1e9 };
  if (threads === 2 && !helperReady(gemm)) throw new Error('no helper thread here');
  const whole = bestSeconds(() => wasmProduct(a.data, k, 1, b.data, n, 1, m, k, n, c.data, threads), perBatch, seconds);
  const staged = stage(a.data, k, 1, b.data, n, 1, m, k, n);
  if (staged === null) throw new Error(`the kernels cannot take ${m}×${k}·${k}×${n}`);
  const kernel = bestSeconds(() => compute(staged, threads), perBatch, seconds);
  return { gflops: flops / whole / 1e9, kernelGflops: flops / kernel / 1e9 };
}

if (require.main === module) {
  const [m, k, n] = process.argv.slice(2).map(Number);
  console.log(JSON.stringify(productGflops(m, k, n)));
}
