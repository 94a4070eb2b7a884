/**
 * `npm run bench`: each training loop here against its NumPy mirror (bench/*.py), then the product
 * kernel's GFLOP/s in each setting. Not a test: it returns tables to print.
 *
 * The machine is shared: every side runs as its own process, interleaved (TS, NumPy, TS, NumPy…),
 * and keeps its best time. NumPy runs both with OpenBLAS's default threads and with one thread
 * (its threads slow down several-fold when another process is busy) and the faster of all its runs
 * counts, so a ratio never flatters this side. OPENBLAS_CORETYPE and OPENBLAS_L2_SIZE, which some
 * machines set for old OpenBLAS builds and which slow a current NumPy, are unset for its runs.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { UsageError } from '../../course/cli/errors';
import { makeTable } from '../../course/cli/flags';
import { scriptProcess } from '../../course/cli/script-process';
import { ROOT } from '../../course/targets';
import { BENCH_CASES, KERNEL_CASES, KERNEL_SETTINGS } from './cases';

/** NumPy's times spread wider than this (max / min) get a warning under the table. */
const NOISY_SPREAD = 1.5;

export interface BenchOptions {
  repeats: number;
  only?: string;
}

/** Whether --only picks the part of the bench called `name` (a loop case, 'kernel' or 'whole'): its name contains the text. */
const selected = (options: BenchOptions, name: string): boolean => options.only === undefined || name.includes(options.only);

function run(command: string, args: string[], env: Record<string, string | undefined> = {}): string {
  const result = spawnSync(command, args, { cwd: ROOT, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, env: { ...process.env, ...env } });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed:\n${result.stderr}`);
  return result.stdout;
}

function numpyAvailable(): boolean {
  return spawnSync('python3', ['-c', 'import numpy'], { encoding: 'utf8' }).status === 0;
}

/** NumPy's environment: OpenBLAS's defaults (or one thread), without the old-build overrides. */
const numpyEnv = (threads?: number): Record<string, string | undefined> => ({ OPENBLAS_CORETYPE: undefined, OPENBLAS_L2_SIZE: undefined, ...(threads === undefined ? {} : { OPENBLAS_NUM_THREADS: String(threads) }) });

/** The training loops, TypeScript against NumPy: a table and its notes. */
function loopTable(options: BenchOptions, log: (line: string) => void): string[] {
  const tmp = mkdtempSync(path.join(tmpdir(), 'bench-'));
  const withNumpy = numpyAvailable();
  const lines: string[] = withNumpy ? [] : ['python3 with numpy is not available here: timing the TypeScript side only'];
  const table = makeTable(['case', 'TypeScript s', 'NumPy s', 'ratio', 'goal', 'max |Δ param|']);
  const noisy: string[] = [];
  const cases = BENCH_CASES.filter((b) => selected(options, b.name));
  for (const c of cases) {
    log(`timing ${c.name} (${options.repeats}× each side, interleaved)…`);
    const tsRuns: Record<string, unknown>[] = [];
    const pyRuns: Record<string, unknown>[] = [];
    for (let i = 0; i < options.repeats; i++) {
      const json = path.join(tmp, `run-${i}.json`);
      run(...scriptProcess(path.join('scripts', c.script), [...c.args, '--quiet', '--out', tmp, '--json', json]));
      tsRuns.push(JSON.parse(readFileSync(json, 'utf8')) as Record<string, unknown>);
      if (!withNumpy) continue;
      for (const threads of [undefined, 1]) pyRuns.push(JSON.parse(run('python3', [path.join('instructor', 'bench', c.numpy.file), ...c.numpy.args], numpyEnv(threads))) as Record<string, unknown>);
    }
    const ts = Math.min(...tsRuns.map((r) => r.seconds as number));
    const pySeconds = pyRuns.map((r) => r.seconds as number);
    const py = withNumpy ? Math.min(...pySeconds) : Number.NaN;
    const spread = Math.max(...pySeconds) / py;
    if (spread > NOISY_SPREAD) noisy.push(`${c.name}: NumPy took ${pySeconds.map((v) => v.toFixed(3)).join(', ')} s (max/min ${spread.toFixed(1)})`);
    const [a, b] = withNumpy ? [c.parameters(tsRuns[0], 'ts'), c.parameters(pyRuns[0], 'numpy')] : [[], []];
    const delta = a.length === b.length && a.length > 0 ? Math.max(...a.map((v, i) => Math.abs(v - b[i]))).toExponential(1) : 'n/a';
    const ratio = ts / py;
    table.push([c.name, ts.toFixed(3), withNumpy ? py.toFixed(3) : 'n/a', withNumpy ? `${ratio.toFixed(2)}×${ratio <= c.goal ? '' : ' (over goal)'}` : 'n/a', `≤ ${c.goal}×`, delta]);
  }
  if (cases.length === 0) return lines;
  lines.push(table.toString(), `seconds: the training loop alone, best of ${options.repeats} interleaved runs (NumPy: of its runs with default threads and with one thread); ratio: TypeScript / NumPy.`);
  if (noisy.length > 0) {
    lines.push(`NumPy's times varied widely (max/min > ${NOISY_SPREAD}): the machine was busy (or OpenBLAS's threads were), so the ratios are uncertain.`);
    lines.push(...noisy.map((line) => `  ${line}`));
  }
  return lines;
}

/** GFLOP/s of matmul per shape and kernel setting, each setting its own process, best of the rounds; NumPy's on one thread beside them. */
function kernelTable(repeats: number, log: (line: string) => void): string[] {
  log(`timing the product kernel (${repeats}× each setting, interleaved)…`);
  const withNumpy = numpyAvailable();
  const table = makeTable(['product', ...KERNEL_SETTINGS.map((s) => `${s.name}${s.goal === undefined ? '' : ` (goal ≥ ${s.goal})`}`), 'NumPy (OpenBLAS), 1 thread']);
  let fastestNumpy = 0;
  let oneThread = 0; // the WebAssembly kernel alone on one thread, its best over the shapes
  for (const { m, k, n } of KERNEL_CASES) {
    const shape = [String(m), String(k), String(n)];
    const whole = KERNEL_SETTINGS.map(() => 0);
    const kernel = KERNEL_SETTINGS.map(() => 0);
    let numpy = 0;
    for (let round = 0; round < repeats; round++) {
      KERNEL_SETTINGS.forEach((setting, i) => {
        const rates = JSON.parse(run(...scriptProcess(path.join('instructor', 'bench', 'timing.ts'), shape), setting.env)) as { gflops: number; kernelGflops?: number };
        whole[i] = Math.max(whole[i], rates.gflops);
        kernel[i] = Math.max(kernel[i], rates.kernelGflops ?? 0);
        if (setting.env.LAB_KERNELS === 'wasm' && setting.env.LAB_THREADS === '1') oneThread = Math.max(oneThread, kernel[i]);
      });
      if (!withNumpy) continue;
      numpy = Math.max(numpy, (JSON.parse(run('python3', [path.join('instructor', 'bench', 'gemm.py'), ...shape], numpyEnv(1))) as { gflops: number }).gflops);
    }
    fastestNumpy = Math.max(fastestNumpy, numpy);
    const cell = (i: number): string => {
      const goal = KERNEL_SETTINGS[i].goal;
      const mark = (g: number) => (goal !== undefined && g < goal ? ' (under goal)' : '');
      return kernel[i] > 0 ? `${whole[i].toFixed(1)}${mark(whole[i])}; kernel alone ${kernel[i].toFixed(1)}${mark(kernel[i])}` : whole[i].toFixed(1);
    };
    table.push([`${m}×${k}·${k}×${n}`, ...KERNEL_SETTINGS.map((_, i) => cell(i)), withNumpy ? numpy.toFixed(1) : 'n/a']);
  }
  const ceiling = measureCeiling(repeats);
  const oneCore = ceiling === undefined
    ? ['The ceiling of f64x2 multiplies and adds could not be measured here (instructor/bench/ceiling.ts failed).']
    : [
        `The ceiling of f64x2 multiplies and adds on one core here: ${ceiling.toFixed(1)} GFLOP/s (instructor/bench/ceiling.wat: chains in`,
        `registers, no memory); the kernel alone on one thread reaches ${((100 * oneThread) / ceiling).toFixed(0)} % of it.`,
        ...(fastestNumpy > ceiling ? ['NumPy passes it, with the CPU\'s wider fused multiply-adds (AVX2, AVX-512), which WebAssembly SIMD lacks and', 'which the kernels must not use (they give the JavaScript kernel\'s bits).'] : []),
      ];
  return [
    table.toString(),
    'GFLOP/s: 2·m·k·n per product, best of the interleaved runs (instructor/bench/timing.ts). The first figure is the',
    'whole product as lib/matrix.ts runs it, operand copies included; "kernel alone" is the WebAssembly kernel on',
    'operands already in its memory. The thread count is forced here; lib/matrix.ts uses two threads only for',
    'products where that pays (lib/kernels/settings.ts), which excludes these. NumPy: a @ b on the same operands',
    '(instructor/bench/gemm.py) with OPENBLAS_NUM_THREADS=1.',
    ...oneCore,
  ];
}

/** The best of `repeats` runs of instructor/bench/ceiling.ts, each its own process; undefined when it fails. */
function measureCeiling(repeats: number): number | undefined {
  try {
    return Math.max(...Array.from({ length: repeats }, () => (JSON.parse(run(...scriptProcess(path.join('instructor', 'bench', 'ceiling.ts')))) as { gflops: number }).gflops));
  } catch {
    return undefined;
  }
}

/** The whole command a student types, start-up and plots included: wall-clock seconds, each run its own `npm run`. */
export const WHOLE_COMMAND = { script: 'train:neuron', args: ['--target', 'reference'], goal: 1.0 };

function wholeCommandTable(repeats: number, log: (line: string) => void): string[] {
  const runs = Math.max(repeats, 5);
  const shown = `npm run ${WHOLE_COMMAND.script} -- ${WHOLE_COMMAND.args.join(' ')}`;
  log(`timing the whole ${shown} (${runs}×)…`);
  const tmp = mkdtempSync(path.join(tmpdir(), 'bench-whole-'));
  const seconds: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    run('npm', ['run', '--silent', WHOLE_COMMAND.script, '--', ...WHOLE_COMMAND.args, '--out', tmp]);
    seconds.push((performance.now() - start) / 1000);
  }
  const plots = readdirSync(tmp).filter((f) => f.endsWith('.png')).length;
  const sorted = [...seconds].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)];
  const table = makeTable(['command', 'best s', 'median s', 'worst s', 'goal', 'PNGs']);
  table.push([shown, sorted[0].toFixed(3), `${median.toFixed(3)}${median <= WHOLE_COMMAND.goal ? '' : ' (over goal)'}`, sorted.at(-1)?.toFixed(3) ?? '', `≤ ${WHOLE_COMMAND.goal} s`, String(plots)]);
  return [table.toString(), `seconds: wall-clock from starting npm to its exit, ${runs} runs one after another; the goal is for the median.`];
}

/** Every table of the benchmark, as lines to print; `log` hears what is being timed. */
export function runBench(options: BenchOptions, log: (line: string) => void): string[] {
  const names = [...BENCH_CASES.map((c) => c.name), 'kernel', 'whole'];
  if (!names.some((name) => selected(options, name))) throw new UsageError(`--only ${options.only}: no part of the bench has that in its name: ${names.map((name) => `"${name}"`).join(', ')}`);
  const lines = loopTable(options, log);
  if (selected(options, 'kernel')) lines.push(...kernelTable(options.repeats, log));
  if (selected(options, 'whole')) lines.push(...wholeCommandTable(options.repeats, log));
  return lines;
}
