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
    goal: 0.5,
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
    goal: 1,
    parameters: (json) => flat(Object.values(json.parameters as object)),
  },
];
