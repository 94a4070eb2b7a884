/**
 * GFLOP/s of matmul for one shape, in this process's kernel settings (LAB_KERNELS, LAB_THREADS),
 * for `npm run bench`, which runs it once per setting:
 *   npx tsx lib/kernels/timing.ts 24 200 200   → {"gflops": …}
 * Rate = 2·m·k·n flops per product over the best of several timed batches of products.
 */
import { Mat, matmul } from '../matrix';

export function productGflops(m: number, k: number, n: number, seconds = 0.25): number {
  const a = new Mat(m, k, Float64Array.from({ length: m * k }, (_, i) => Math.sin(i)));
  const b = new Mat(k, n, Float64Array.from({ length: k * n }, (_, i) => Math.cos(i)));
  const c = new Mat(m, n);
  const perBatch = Math.max(1, Math.round(2e7 / (m * k * n)));
  let best = Infinity;
  const end = performance.now() + 1000 * seconds;
  for (let batch = 0; batch < 5 || performance.now() < end; batch++) {
    const start = performance.now();
    for (let i = 0; i < perBatch; i++) matmul(a, b, c);
    // the first batches warm up the compilers and start the helper thread
    if (batch >= 2) best = Math.min(best, (performance.now() - start) / 1000 / perBatch);
  }
  return (2 * m * k * n) / best / 1e9;
}

if (require.main === module) {
  const [m, k, n] = process.argv.slice(2).map(Number);
  console.log(JSON.stringify({ gflops: productGflops(m, k, n) }));
}
