/**
 * The bench's ceiling loop (instructor/bench/ceiling.wat) does the arithmetic its GFLOP/s counts:
 * CHAINS chains of one multiply and one add per iteration, each on its chain's last value. A
 * JavaScript replica of the same operations in the same order must give the same bits, so a loop
 * that skipped, hoisted or merged any of them would fail here.
 */
import { CHAINS, FLOPS_PER_ITERATION, ceilingModule, type Ceiling } from '../bench/ceiling';

/** ceiling.wat's chains s_r ← s_r·u + v from s_r = x + r, u = 1/2, v = x, totalled in the same pairs. */
function replica(n: number, x: number): number {
  const s = Array.from({ length: CHAINS }, (_, r) => x + r);
  for (let i = 0; i < n; i++) for (let r = 0; r < CHAINS; r++) s[r] = s[r] * 0.5 + x;
  const total = (from: number, to: number): number => (to - from === 1 ? s[from] : total(from, from + Math.floor((to - from) / 2)) + total(from + Math.floor((to - from) / 2), to));
  return total(0, CHAINS);
}

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

  it('counts a multiply and an add of two lanes per chain and iteration', () => {
    expect(FLOPS_PER_ITERATION).toBe(CHAINS * 2 * 2);
  });
});
