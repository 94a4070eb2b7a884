"""Writes tests/fixtures/numpy-random.json: draws from NumPy's legacy RandomState.

The TypeScript port in lib/random.ts must reproduce these. Regenerate with
    python3 tools/numpy_random_fixtures.py
(needs numpy; the committed JSON means the tests themselves do not).
"""
import json
import math
import pathlib
from decimal import Decimal, getcontext

import numpy as np

getcontext().prec = 60

OUT = pathlib.Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "numpy-random.json"


class TwinGauss:
    """Replays NumPy's legacy polar Box-Muller on a twin generator and notes, per value, whether
    the C library's log(r2) was correctly rounded. Where it was not, NumPy's value differs by an
    ulp from a port that rounds the log correctly (lib/log.ts); the tests allow exactly those."""

    def __init__(self, twin):
        self.twin = twin
        self.cached = None

    def draw(self):
        """Returns (value, log_was_correctly_rounded)."""
        if self.cached is not None:
            value, self.cached = self.cached, None
            return value
        while True:
            x1 = 2.0 * self.twin.random_sample() - 1.0
            x2 = 2.0 * self.twin.random_sample() - 1.0
            r2 = x1 * x1 + x2 * x2
            if 0.0 < r2 < 1.0:
                break
        ok = math.log(r2) == float(Decimal(r2).ln())
        f = math.sqrt(-2.0 * math.log(r2) / r2)
        self.cached = (f * x1, ok)
        return (f * x2, ok)

    def misrounded(self, values):
        """Flat indices of `values` (NumPy's own draws) that came from a misrounded log."""
        out = []
        for i, v in enumerate(np.ravel(values)):
            replayed, ok = self.draw()
            assert replayed == v, "the replay must reproduce NumPy exactly"
            if not ok:
                out.append(i)
        return out


def stream(seed):
    """One seeded stream, several calls in a row: the order and the cached gauss matter."""
    rs = np.random.RandomState(seed)
    twin = np.random.RandomState(seed)
    gauss = TwinGauss(twin)
    misrounded = {}

    def normals(key, draw, scale=1.0):
        """NumPy's draws for one call, noting which came from a misrounded log."""
        values = np.asarray(draw())
        idx = []
        for i, v in enumerate(np.ravel(values)):
            g, ok = gauss.draw()
            assert 0.0 + scale * g == v, "the replay must reproduce NumPy exactly"
            if not ok:
                idx.append(i)
        if idx:
            misrounded[key] = idx
        return values.tolist()

    out = {"seed": seed}
    out["uint32"] = rs.randint(0, 2**32, size=5, dtype=np.uint32).tolist()
    twin.randint(0, 2**32, size=5, dtype=np.uint32)
    out["rand"] = [rs.rand() for _ in range(5)]
    [twin.rand() for _ in range(5)]
    out["randn7"] = normals("randn7", lambda: rs.randn(7))  # odd count: leaves a cached gauss
    out["randAfterRandn"] = rs.rand()  # rand does not touch the cache
    twin.rand()
    out["normal2"] = normals("normal2", lambda: rs.normal(0, 0.58, 2), 0.58)
    out["normal2x2"] = normals("normal2x2", lambda: rs.normal(0, 0.58, (2, 2)), 0.58)
    out["randn2x3"] = normals("randn2x3", lambda: rs.randn(2, 3))
    out["uniform3"] = rs.uniform(-1, 1, 3).tolist()
    twin.uniform(-1, 1, 3)
    out["permutation10"] = rs.permutation(10).tolist()
    twin.permutation(10)
    out["shuffle20"] = shuffled(rs, 20)
    out["misrounded"] = misrounded
    return out


def shuffled(rs, n):
    a = np.arange(n)
    rs.shuffle(a)
    return a.tolist()


def randn_run(seed, n):
    values = np.random.RandomState(seed).randn(n)
    misrounded = TwinGauss(np.random.RandomState(seed)).misrounded(values)
    return {"seed": seed, "values": values.tolist(), "misrounded": misrounded}


def lab_contract(seed):
    """Part 1's call order: shuffle the 5000 training rows, draw w, reshuffle the 4000 for batches."""
    rs = np.random.RandomState(seed)
    split = shuffled(rs, 5000)
    w = rs.normal(0, 0.58, 2).tolist()
    batches = shuffled(rs, 4000)
    return {"seed": seed, "split": split, "w": w, "batches": batches}


def main():
    fixtures = {
        "streams": [stream(s) for s in (0, 1, 7, 42, 2**31, 2**32 - 1)],
        "randn1000": randn_run(12345, 1000),
        "labContract": lab_contract(1),
        "numpyVersion": np.__version__,
    }
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(fixtures) + "\n")
    print(f"wrote {OUT}")


if __name__ == "__main__":
    main()
