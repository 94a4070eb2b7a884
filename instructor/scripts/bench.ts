/**
 * Times the training loops against NumPy (`npm run bench`). Not a test: it prints tables.
 *   npm run bench [-- --repeats 3 --only neuron]
 * The two sides run interleaved (TS, Py, TS, Py…) and each keeps its best time: the machine is
 * shared, and a busy neighbour slows OpenBLAS's threads several-fold. Then the product kernel's
 * GFLOP/s in each setting (old JavaScript kernel, WebAssembly on one and on two threads).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { hideBin } from 'yargs/helpers';
import { BENCH_CASES, KERNEL_CASES, KERNEL_SETTINGS } from '../bench/cases';
import { commandLine, integerOption, makeTable, parseCommandLine, runMain, stringOption } from '../../course/cli/flags';
import { ROOT } from '../../course/targets';

/** NumPy's times spread wider than this (max / min) get a warning under the table. */
const NOISY_SPREAD = 1.5;

function run(command: string, args: string[], env: Record<string, string> = {}): string {
  const result = spawnSync(command, args, { cwd: ROOT, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, env: { ...process.env, ...env } });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed:\n${result.stderr}`);
  return result.stdout;
}

function numpyAvailable(): boolean {
  return spawnSync('python3', ['-c', 'import numpy'], { encoding: 'utf8' }).status === 0;
}

runMain(() => {
  const argv = parseCommandLine(
    commandLine(hideBin(process.argv), 'npm run bench --', 'Times each training loop here and in NumPy (bench/*.py) and prints a table.')
      .option('repeats', integerOption('repeats', 1, 50, 'runs per side, interleaved; the best counts', 3))
      .option('only', stringOption('only', 'only cases whose name contains this')),
  );
  const tmp = mkdtempSync(path.join(tmpdir(), 'bench-'));
  const withNumpy = numpyAvailable();
  if (!withNumpy) console.log('python3 with numpy is not available here: timing the TypeScript side only');
  const table = makeTable(['case', 'TypeScript s', 'NumPy s', 'ratio', 'goal', 'max |Δ param|']);
  const noisy: string[] = [];
  const cases = BENCH_CASES.filter((b) => argv.only === undefined || b.name.includes(argv.only));
  for (const c of cases) {
    console.log(`timing ${c.name} (${argv.repeats}× each side, interleaved)…`);
    const tsRuns: Record<string, unknown>[] = [];
    const pyRuns: Record<string, unknown>[] = [];
    for (let i = 0; i < argv.repeats; i++) {
      const json = path.join(tmp, `run-${i}.json`);
      run(path.join(ROOT, 'node_modules', '.bin', 'tsx'), [path.join('scripts', c.script), ...c.args, '--quiet', '--out', tmp, '--json', json]);
      tsRuns.push(JSON.parse(readFileSync(json, 'utf8')) as Record<string, unknown>);
      if (withNumpy) pyRuns.push(JSON.parse(run('python3', [path.join('instructor', 'bench', c.numpy.file), ...c.numpy.args])) as Record<string, unknown>);
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
  if (cases.length > 0) console.log(table.toString());
  if (cases.length > 0) console.log(`seconds: the training loop alone, best of ${argv.repeats} interleaved runs; ratio: TypeScript / NumPy.`);
  if (noisy.length > 0) {
    console.log(`NumPy's times varied widely (max/min > ${NOISY_SPREAD}): the machine was busy, so the ratios are uncertain.`);
    for (const line of noisy) console.log(`  ${line}`);
  }
  if (argv.only === undefined || 'kernel'.includes(argv.only)) kernelTable(argv.repeats);
});

/** GFLOP/s of matmul per shape and kernel setting, each setting its own process, best of the rounds. */
function kernelTable(repeats: number): void {
  console.log(`timing the product kernel (${repeats}× each setting, interleaved)…`);
  const table = makeTable(['product', ...KERNEL_SETTINGS.map((s) => `${s.name}${s.goal === undefined ? '' : ` (goal ≥ ${s.goal})`}`)]);
  for (const { m, k, n } of KERNEL_CASES) {
    const whole = KERNEL_SETTINGS.map(() => 0);
    const kernel = KERNEL_SETTINGS.map(() => 0);
    for (let round = 0; round < repeats; round++) {
      KERNEL_SETTINGS.forEach((setting, i) => {
        const output = run(path.join(ROOT, 'node_modules', '.bin', 'tsx'), [path.join('instructor', 'bench', 'timing.ts'), String(m), String(k), String(n)], setting.env);
        const rates = JSON.parse(output) as { gflops: number; kernelGflops?: number };
        whole[i] = Math.max(whole[i], rates.gflops);
        kernel[i] = Math.max(kernel[i], rates.kernelGflops ?? 0);
      });
    }
    const cell = (i: number): string => {
      const goal = KERNEL_SETTINGS[i].goal;
      const mark = (g: number) => (goal !== undefined && g < goal ? ' (under goal)' : '');
      return kernel[i] > 0 ? `${whole[i].toFixed(1)}${mark(whole[i])}; kernel alone ${kernel[i].toFixed(1)}${mark(kernel[i])}` : whole[i].toFixed(1);
    };
    table.push([`${m}×${k}·${k}×${n}`, ...KERNEL_SETTINGS.map((_, i) => cell(i))]);
  }
  console.log(table.toString());
  console.log('GFLOP/s: 2·m·k·n per product, best of the interleaved runs (instructor/bench/timing.ts). The first figure is the');
  console.log('whole product as lib/matrix.ts runs it, operand copies included; "kernel alone" is the WebAssembly kernel on');
  console.log('operands already in its memory. The thread count is forced here; lib/matrix.ts uses two threads only for');
  console.log('products where that pays (lib/kernels/settings.ts), which excludes these.');
}
