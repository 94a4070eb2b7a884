/**
 * What `npm run bench` times: each case runs a trainer of this repository and its NumPy mirror in
 * bench/ on the same data with the same seed, each as its own process, as a student would.
 */
export interface BenchCase {
  name: string;
  /** scripts/<script> and its flags; it must accept --json FILE and report "seconds". */
  script: string;
  args: string[];
  /** bench/<file> and its arguments; it prints one JSON object with "seconds". */
  numpy: { file: string; args: string[] };
  /** The goal: TypeScript seconds ≤ goal × NumPy seconds. */
  goal: number;
  /** Flattens each side's parameters, to report how far the two runs ended apart. */
  parameters: (json: Record<string, unknown>, side: 'ts' | 'numpy') => number[];
}

const flat = (value: unknown): number[] => (Array.isArray(value) ? value.flatMap(flat) : typeof value === 'number' ? [value] : []);

/** A Part 1/2 trainer at the lab defaults against bench/lab.py. */
function labCase(name: string, script: string, model: 'neuron' | 'network'): BenchCase {
  return {
    name,
    script,
    args: ['--target', 'reference'],
    numpy: { file: 'lab.py', args: [model] },
    goal: 0.75,
    parameters: (json, side) => (side === 'ts' ? flat(Object.values(json.parameters as object)) : flat(json.parameters)),
  };
}

export const BENCH_CASES: BenchCase[] = [
  labCase('train:neuron, lab defaults (linearly separable, 1000 epochs)', 'train_neuron.ts', 'neuron'),
  labCase('train:network, lab defaults (not separable, 2000 epochs)', 'train_network.ts', 'network'),
  {
    name: 'train:mlp --preset deep (2-200-200-2-1, 2000 epochs, ~12 GFLOP)',
    script: 'train_mlp.ts',
    args: ['--target', 'reference', '--preset', 'deep', '--no-plots'],
    numpy: { file: 'notebook.py', args: ['deep'] },
    goal: 0.5, // NumPy parity (1×) is the minimum
    parameters: (json) => flat(Object.values(json.parameters as object)),
  },
];

/** A product timed by instructor/bench/timing.ts, in each kernel setting (the environment of its process). */
export interface KernelCase {
  m: number;
  k: number;
  n: number;
}

export const KERNEL_CASES: KernelCase[] = [
  { m: 24, k: 200, n: 200 },
  { m: 25, k: 200, n: 200 }, // the deep preset's products
];

/** The settings compared, with the goal in GFLOP/s (issue 12); the JavaScript kernel is the old one. */
export const KERNEL_SETTINGS: { name: string; env: Record<string, string>; goal?: number }[] = [
  { name: 'JavaScript (old kernel)', env: { LAB_KERNELS: 'js' } },
  { name: 'WASM SIMD, 1 thread', env: { LAB_KERNELS: 'wasm', LAB_THREADS: '1' }, goal: 18 },
  { name: 'WASM SIMD, 2 threads', env: { LAB_KERNELS: 'wasm', LAB_THREADS: '2' }, goal: 30 },
];
