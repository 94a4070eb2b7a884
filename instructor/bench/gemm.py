"""GFLOP/s of NumPy's a @ b for one shape, for `npm run bench` (the NumPy column of its kernel table).

The same operands and the same timing rule as instructor/bench/timing.ts: a = sin(0, 1, ...),
b = cos(0, 1, ...), best of batches of products over about 0.3 s, the first two batches warm up.
Prints one JSON object.

    python3 instructor/bench/gemm.py 24 200 200     # {"gflops": ...}
"""
import json
import sys
import time

import numpy as np


def best_seconds(product, per_batch, seconds=0.3):
    best = float("inf")
    end = time.perf_counter() + seconds
    batch = 0
    while batch < 5 or time.perf_counter() < end:
        start = time.perf_counter()
        for _ in range(per_batch):
            product()
        if batch >= 2:
            best = min(best, (time.perf_counter() - start) / per_batch)
        batch += 1
    return best


def main():
    m, k, n = (int(v) for v in sys.argv[1:4])
    a = np.sin(np.arange(m * k, dtype=float)).reshape(m, k)
    b = np.cos(np.arange(k * n, dtype=float)).reshape(k, n)
    c = np.empty((m, n))
    per_batch = max(1, round(2e7 / (m * k * n)))
    seconds = best_seconds(lambda: np.matmul(a, b, out=c), per_batch)
    print(json.dumps({"gflops": 2 * m * k * n / seconds / 1e9}))


if __name__ == "__main__":
    main()
