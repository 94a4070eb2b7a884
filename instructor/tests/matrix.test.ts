import { Mat, addRowVector, columnMeans, map, matmul, matmulTransA, matmulTransB, mean, multiply, subtractScaled, zipWith } from '../../lib/matrix';
import { RandomState } from '../../course/numpy/random';

/** The textbook triple loop, to compare the blocked kernel with. */
function naiveProduct(a: number[][], b: number[][]): number[][] {
  return a.map((row) => b[0].map((_, j) => row.reduce((sum, v, p) => sum + v * b[p][j], 0)));
}

/** aᵀ as nested arrays. */
function transpose(a: number[][]): number[][] {
  return a[0].map((_, j) => a.map((row) => row[j]));
}

function expectClose(received: number[][], expected: number[][]): void {
  expect(received.length).toBe(expected.length);
  received.forEach((row, i) => row.forEach((v, j) => expect(Math.abs(v - expected[i][j])).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(expected[i][j])))));
}

const rs = new RandomState(11);
// sizes around the 4×2 block: multiples, remainders, 1, and the notebook's 25×200 shapes
const shapes: [number, number, number][] = [[1, 1, 1], [4, 3, 2], [5, 7, 3], [7, 1, 9], [8, 6, 4], [25, 200, 200], [3, 5, 1]];

describe('Mat', () => {
  it('round-trips nested arrays', () => {
    const rows = [[1, 2, 3], [4, 5, 6]];
    expect(Mat.from(rows).toArray()).toEqual(rows);
    expect(Mat.from(rows).shape).toEqual([2, 3]);
  });

  it('rejects ragged rows and wrong data lengths', () => {
    expect(() => Mat.from([[1, 2], [3]])).toThrow(/row 1 has 1 values, expected 2/);
    expect(() => new Mat(2, 2, new Float64Array(3))).toThrow(/needs 4 values, got 3/);
  });

  it('reads and writes entries row-major', () => {
    const m = new Mat(2, 3);
    m.set(1, 2, 7);
    expect(m.data[5]).toBe(7);
    expect(m.get(1, 2)).toBe(7);
  });
});

describe.each(shapes)('products of %i×%i and %i-wide matrices', (m, k, n) => {
  const a = rs.randn(m, k);
  const b = rs.randn(k, n);
  const at = transpose(a);
  const bt = transpose(b);

  it('matmul(a, b) is a·b', () => expectClose(matmul(Mat.from(a), Mat.from(b)).toArray(), naiveProduct(a, b)));
  it('matmulTransA(aᵀ, b) is a·b', () => expectClose(matmulTransA(Mat.from(at), Mat.from(b)).toArray(), naiveProduct(a, b)));
  it('matmulTransB(a, bᵀ) is a·b', () => expectClose(matmulTransB(Mat.from(a), Mat.from(bt)).toArray(), naiveProduct(a, b)));
});

describe('matrix operations', () => {
  const a = Mat.from([[1, 2], [3, 4], [5, 6]]);

  it('write into `out` and return it', () => {
    const out = new Mat(3, 2);
    expect(subtractScaled(a, a, -1, out)).toBe(out);
    expect(out.toArray()).toEqual([[2, 4], [6, 8], [10, 12]]);
  });

  it('reject an `out` of the wrong shape and products that do not fit', () => {
    expect(() => subtractScaled(a, a, 2, new Mat(2, 2))).toThrow(/out is 2×2, the result is 3×2/);
    expect(() => matmul(a, a)).toThrow(/3×2 · 3×2 do not fit/);
    expect(() => multiply(a, new Mat(2, 3))).toThrow(/shapes 3×2 and 2×3 differ/);
  });

  it('add a row vector to every row', () => {
    expect(addRowVector(a, Mat.from([[10, 20]])).toArray()).toEqual([[11, 22], [13, 24], [15, 26]]);
    expect(() => addRowVector(a, Mat.from([[1, 2, 3]]))).toThrow(/the row must be 1×2/);
  });

  it('map, zipWith, multiply and subtractScaled work entrywise', () => {
    expect(map(a, (v) => v * v).toArray()).toEqual([[1, 4], [9, 16], [25, 36]]);
    expect(zipWith(a, a, (u, v) => u - v).toArray()).toEqual([[0, 0], [0, 0], [0, 0]]);
    expect(multiply(a, a).toArray()).toEqual([[1, 4], [9, 16], [25, 36]]);
    expect(subtractScaled(a, a, 0.5).toArray()).toEqual([[0.5, 1], [1.5, 2], [2.5, 3]]);
  });

  it('take column means and the overall mean', () => {
    expect(columnMeans(a).toArray()).toEqual([[3, 4]]);
    expect(mean(a)).toBe(3.5);
  });

  it('leave their inputs unchanged', () => {
    const copy = a.clone();
    matmulTransA(a, a);
    addRowVector(a, Mat.from([[1, 1]]));
    expect(a.toArray()).toEqual(copy.toArray());
  });
});
