/** σ(a) = 1 / (1 + e^(−a)); saturates to 0 or 1 for large |a| without producing NaN. */
export function sigmoid(a: number): number {
  return 1 / (1 + Math.exp(-a));
}
