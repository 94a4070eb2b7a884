/**
 * The WebAssembly kernels against the JavaScript kernel, bit for bit: every entry of every product,
 * on one thread and on two, must equal (Object.is) what lib/matrix.ts's gemm computes with
 * LAB_KERNELS=js. And the committed gemm.wasm must be what its source assembles to.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ts from 'typescript';
import { assemble } from '../kernels/build';
import type * as MatrixModule from '../../lib/matrix';
import type * as GemmModule from '../../lib/kernels/gemm';
import type * as KernelModule from '../../lib/kernels/module';
import type * as PoolModule from '../../lib/kernels/pool';
import { RandomState } from '../../course/numpy/random';

interface Modules {
  matrix: typeof MatrixModule;
  gemm: typeof GemmModule;
  module: typeof KernelModule;
  pool: typeof PoolModule;
}

/** Fresh copies of the modules, reading `env` at load as they do. */
function load(env: Record<string, string>): Modules {
  const saved = { ...process.env };
  Object.assign(process.env, env);
  let modules: Modules | undefined;
  try {
    jest.isolateModules(() => {
      /* eslint-disable @typescript-eslint/no-require-imports -- one module instance per setting */
      modules = {
        matrix: require('../../lib/matrix') as typeof MatrixModule,
        gemm: require('../../lib/kernels/gemm') as typeof GemmModule,
        module: require('../../lib/kernels/module') as typeof KernelModule,
        pool: require('../../lib/kernels/pool') as typeof PoolModule,
      };
      /* eslint-enable @typescript-eslint/no-require-imports */
    });
  } finally {
    process.env = saved;
  }
  if (modules === undefined) throw new Error('modules did not load');
  return modules;
}

const js = load({ LAB_KERNELS: 'js' });
const wasm = load({ LAB_KERNELS: 'wasm', LAB_THREADS: '2' });
const { Mat } = js.matrix;
type Mat = MatrixModule.Mat;

/** Normal draws with some exact zeros, negative zeros and tiny values mixed in. */
function randomMat(rs: RandomState, rows: number, cols: number): Mat {
  const values = rs.randn(rows, Math.max(cols, 1)).flat().slice(0, rows * cols);
  values.forEach((v, i) => {
    if (i % 17 === 3) values[i] = 0;
    if (i % 23 === 5) values[i] = -0;
    if (i % 29 === 7) values[i] = v * 1e-300;
  });
  return new Mat(rows, cols, Float64Array.from(values));
}

/** The first entry whose bits differ (Object.is: −0 ≠ 0, NaN = NaN), or −1. */
function firstDifference(x: Float64Array, y: Float64Array): number {
  if (x.length !== y.length) return 0;
  for (let i = 0; i < x.length; i++) if (!Object.is(x[i], y[i])) return i;
  return -1;
}

type Product = 'matmul' | 'matmulTransA' | 'matmulTransB';

/** Operands of `product` that give an m×n result over k terms. */
function operands(rs: RandomState, product: Product, m: number, k: number, n: number): [Mat, Mat] {
  if (product === 'matmul') return [randomMat(rs, m, k), randomMat(rs, k, n)];
  if (product === 'matmulTransA') return [randomMat(rs, k, m), randomMat(rs, k, n)];
  return [randomMat(rs, m, k), randomMat(rs, n, k)];
}

/** The strided call lib/matrix.ts makes for `product`: [a, aRow, aCol, b, bRow, bCol]. */
function strides(product: Product, a: Mat, b: Mat): [number, number, number, number] {
  if (product === 'matmul') return [a.cols, 1, b.cols, 1];
  if (product === 'matmulTransA') return [1, a.cols, b.cols, 1];
  return [a.cols, 1, 1, b.cols];
}

const products: Product[] = ['matmul', 'matmulTransA', 'matmulTransB'];
// remainders around the 4×4 tiles and the 4-column chunks, k = 0, 1 and odd (gemm_nt's last step),
// the notebook's 25×200·200×200 and its transposed products, and odd sizes
const shapes: [number, number, number][] = [
  [1, 1, 1], [4, 1, 4], [4, 0, 4], [4, 2, 4], [5, 3, 5], [7, 5, 9], [8, 8, 8], [9, 7, 4], [3, 6, 11], [6, 4, 3],
  [12, 13, 15], [16, 1, 17], [13, 37, 29], [33, 17, 41], [64, 64, 64], [24, 200, 200], [25, 200, 200], [200, 25, 200],
  [25, 200, 2], [25, 2, 200], [31, 9, 71], [101, 3, 67],
];

describe('gemm.wasm', () => {
  it('is what lib/kernels/gemm.wat assembles to (rebuild: npx tsx instructor/kernels/build.ts)', async () => {
    const committed = new Uint8Array(readFileSync(path.join(__dirname, '..', '..', 'lib', 'kernels', 'gemm.wasm')));
    expect(Buffer.from(await assemble('gemm')).equals(Buffer.from(committed))).toBe(true);
  });

  it('loads here (WebAssembly SIMD and shared memory), so the tests below compare two kernels', () => {
    expect(wasm.module.simdSupported()).toBe(true);
    expect(wasm.module.gemmModule()).not.toBeNull();
  });
});

describe.each(products)('%s: the WebAssembly kernels give the JavaScript kernel\'s bits', (product) => {
  const rs = new RandomState(7);
  it.each(shapes)('%i×%i·%i, one thread, every shape (no size threshold)', (m, k, n) => {
    const [a, b] = operands(rs, product, m, k, n);
    const expected = js.matrix[product](a, b);
    const c = new Float64Array(m * n).fill(Number.NaN);
    const [aRow, aCol, bRow, bCol] = strides(product, a, b);
    const took = wasm.gemm.wasmProduct(a.data, aRow, aCol, b.data, bRow, bCol, m, k, n, c, 1);
    expect(took).toBe(m >= 4 && n >= 4); // the kernels need 4×4 tiles; thinner products stay in JavaScript
    if (took) expect(firstDifference(c, expected.data)).toBe(-1);
  });

  it.each(shapes.filter(([m, , n]) => m >= 4 && n >= 8))('%i×%i·%i, two threads', (m, k, n) => {
    expect(wasm.pool.helperReady(wasm.module.gemmModule() as KernelModule.GemmModule)).toBe(true);
    const [a, b] = operands(rs, product, m, k, n);
    const expected = js.matrix[product](a, b);
    const [aRow, aCol, bRow, bCol] = strides(product, a, b);
    for (let round = 0; round < 20; round++) {
      const c = new Float64Array(m * n).fill(Number.NaN);
      expect(wasm.gemm.wasmProduct(a.data, aRow, aCol, b.data, bRow, bCol, m, k, n, c, 2)).toBe(true);
      expect(firstDifference(c, expected.data)).toBe(-1);
    }
  });

  it('through lib/matrix.ts, with and without `out`, as the JavaScript fallback', () => {
    const [a, b] = operands(rs, product, 25, 200, 200);
    const expected = js.matrix[product](a, b);
    const out = new Mat(25, 200);
    expect(firstDifference(wasm.matrix[product](a, b).data, expected.data)).toBe(-1);
    expect(wasm.matrix[product](a, b, out)).toBe(out);
    expect(firstDifference(out.data, expected.data)).toBe(-1);
  });
});

describe('the WebAssembly path', () => {
  it('leaves an `out` that is also an operand to the JavaScript kernel (it defines that result)', () => {
    const rs = new RandomState(3);
    const a = randomMat(rs, 40, 40);
    const b = randomMat(rs, 40, 40);
    const viaJs = a.clone();
    js.matrix.matmul(viaJs, b, viaJs);
    const viaWasm = a.clone();
    wasm.matrix.matmul(viaWasm, b, viaWasm);
    expect(firstDifference(viaWasm.data, viaJs.data)).toBe(-1);
  });

  it('is off with LAB_KERNELS=js', () => {
    const rs = new RandomState(5);
    const [a, b] = operands(rs, 'matmul', 25, 200, 200);
    expect(js.gemm.wasmGemm(a.data, 200, 1, b.data, 200, 1, 25, 200, 200, new Float64Array(25 * 200))).toBe(false);
    expect(wasm.gemm.wasmGemm(a.data, 200, 1, b.data, 200, 1, 25, 200, 200, new Float64Array(25 * 200))).toBe(true);
  });
});

describe('two threads', () => {
  const threads1 = load({ LAB_KERNELS: 'wasm', LAB_THREADS: '1' });

  it('give the bits of one thread and of JavaScript through lib/matrix.ts, where two threads are used (100×200·200×200)', () => {
    expect(wasm.pool.helperReady(wasm.module.gemmModule() as KernelModule.GemmModule)).toBe(true);
    const rs = new RandomState(9);
    for (const product of products) {
      const [a, b] = operands(rs, product, 100, 200, 200);
      const expected = js.matrix[product](a, b).data;
      for (let round = 0; round < 10; round++) {
        expect(firstDifference(wasm.matrix[product](a, b).data, expected)).toBe(-1);
        expect(firstDifference(threads1.matrix[product](a, b).data, expected)).toBe(-1);
      }
    }
  });

  it('fall back to one thread, silently, under Node\'s permission model (which denies worker threads)', () => {
    // lib/matrix.ts and lib/kernels/ compiled to plain CommonJS, run by a node without tsx (tsx itself needs a worker)
    const dir = mkdtempSync(path.join(tmpdir(), 'kernels-permission-'));
    try {
      const lib = path.join(__dirname, '..', '..', 'lib');
      mkdirSync(path.join(dir, 'kernels'));
      const sources = ['matrix.ts', ...readdirSync(path.join(lib, 'kernels')).filter((f) => f.endsWith('.ts')).map((f) => path.join('kernels', f))];
      for (const file of sources) {
        const { outputText } = ts.transpileModule(readFileSync(path.join(lib, file), 'utf8'), { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true } });
        writeFileSync(path.join(dir, file.replace(/\.ts$/, '.js')), outputText);
      }
      for (const file of ['gemm.wasm', 'worker.cjs']) copyFileSync(path.join(lib, 'kernels', file), path.join(dir, 'kernels', file));
      const program = `
        const { Mat, matmul } = require('./matrix.js');
        const { gemmModule } = require('./kernels/module.js');
        const n = 200, a = new Mat(n, n), b = new Mat(n, n);
        for (let i = 0; i < n * n; i++) { a.data[i] = Math.sin(i); b.data[i] = Math.cos(i); }
        const products = [matmul(a, b), matmul(a, b), matmul(a, b)];
        const hash = (c) => require('node:crypto').createHash('sha256').update(c.data).digest('hex');
        console.log(JSON.stringify({ wasm: gemmModule() !== null, products: products.map(hash) }));
      `;
      const result = spawnSync(process.execPath, ['--experimental-permission', `--allow-fs-read=${dir}/*`, '-e', program], {
        cwd: dir, encoding: 'utf8', env: { ...process.env, LAB_KERNELS: 'wasm', LAB_THREADS: '2' },
      });
      expect(result.status).toBe(0);
      const { wasm: loaded, products: bits } = JSON.parse(result.stdout) as { wasm: boolean; products: string[] };
      expect(loaded).toBe(true);
      const a = new Mat(200, 200, Float64Array.from({ length: 40000 }, (_, i) => Math.sin(i)));
      const b = new Mat(200, 200, Float64Array.from({ length: 40000 }, (_, i) => Math.cos(i)));
      const expected = createHash('sha256').update(js.matrix.matmul(a, b).data).digest('hex');
      expect(bits).toEqual([expected, expected, expected]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
