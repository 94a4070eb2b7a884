/**
 * The bench's ceiling loop (instructor/bench/ceiling.wat) does the arithmetic its GFLOP/s counts:
 * CHAINS chains of one multiply and one add per iteration, each on its chain's last value. A
 * JavaScript replica of the same operations in the same order must give the same bits, so a loop
 * that skipped, hoisted or merged any of them would fail here.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { CHAINS, FLOPS_PER_ITERATION, ceilingModule, type Ceiling } from '../bench/ceiling';

/** ceiling.wat's chains s_r ← s_r·u + v from s_r = x + r + start, u = 1/2, v = x, totalled in the same pairs (one lane). */
function lane(n: number, x: number, start: number): number {
  const s = Array.from({ length: CHAINS }, (_, r) => x + (r + start));
  for (let i = 0; i < n; i++) for (let r = 0; r < CHAINS; r++) s[r] = s[r] * 0.5 + x;
  const total = (from: number, to: number): number => {
    const middle = from + Math.floor((to - from) / 2);
    return to - from === 1 ? s[from] : total(from, middle) + total(middle, to);
  };
  return total(0, CHAINS);
}

/** What chains(n, x) returns: lane 0 (chains from x + r) plus lane 1 (from x + r + 1/2). */
const replica = (n: number, x: number): number => lane(n, x, 0) + lane(n, x, 0.5);

describe("the bench's ceiling loop", () => {
  let ceiling: Ceiling;
  beforeAll(async () => {
    ceiling = await ceilingModule();
  });

  it.each([
    [0, 0.3],
    [1, 0.3],
    [7, -1.25],
    [1000, 0.3],
  ])('computes every chain for %i iterations from x = %d', (n, x) => {
    expect(Object.is(ceiling.chains(n, x), replica(n, x))).toBe(true);
  });

  it('has one multiply and one add per chain in its loop, as FLOPS_PER_ITERATION counts', () => {
    const loop = readFileSync(path.join(__dirname, '..', 'bench', 'ceiling.wat'), 'utf8').split('(loop $iteration')[1].split('(local.set $total')[0];
    expect(loop.match(/f64x2\.mul/g)).toHaveLength(CHAINS);
    expect(loop.match(/f64x2\.add/g)).toHaveLength(CHAINS);
    expect(FLOPS_PER_ITERATION).toBe(CHAINS * 2 * 2);
  });
});
