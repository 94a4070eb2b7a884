/**
 * Times the training loops against NumPy (`npm run bench`). Not a test: it prints a table.
 *   npm run bench [-- --repeats 3 --only neuron]
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { hideBin } from 'yargs/helpers';
import { BENCH_CASES } from '../bench/cases';
import { commandLine, integerOption, makeTable, parseCommandLine, runMain, stringOption } from '../../course/cli/flags';
import { ROOT } from '../../course/targets';

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

function run(command: string, args: string[]): string {
  const result = spawnSync(command, args, { cwd: ROOT, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed:\n${result.stderr}`);
  return result.stdout;
}

function numpyAvailable(): boolean {
  return spawnSync('python3', ['-c', 'import numpy'], { encoding: 'utf8' }).status === 0;
}

runMain(() => {
  const argv = parseCommandLine(
    commandLine(hideBin(process.argv), 'npm run bench --', 'Times each training loop here and in NumPy (bench/*.py) and prints a table.')
      .option('repeats', integerOption('repeats', 1, 50, 'runs per side; the median counts', 3))
      .option('only', stringOption('only', 'only cases whose name contains this')),
  );
  const tmp = mkdtempSync(path.join(tmpdir(), 'bench-'));
  const withNumpy = numpyAvailable();
  if (!withNumpy) console.log('python3 with numpy is not available here: timing the TypeScript side only');
  const table = makeTable(['case', 'TypeScript s', 'NumPy s', 'ratio', 'goal', 'max |Δ param|']);
  for (const c of BENCH_CASES.filter((b) => argv.only === undefined || b.name.includes(argv.only))) {
    console.log(`timing ${c.name} (${argv.repeats}× each side)…`);
    const tsRuns: Record<string, unknown>[] = [];
    const pyRuns: Record<string, unknown>[] = [];
    for (let i = 0; i < argv.repeats; i++) {
      const json = path.join(tmp, `run-${i}.json`);
      run(path.join(ROOT, 'node_modules', '.bin', 'tsx'), [path.join('scripts', c.script), ...c.args, '--quiet', '--out', tmp, '--json', json]);
      tsRuns.push(JSON.parse(readFileSync(json, 'utf8')) as Record<string, unknown>);
      if (withNumpy) pyRuns.push(JSON.parse(run('python3', [path.join('instructor', 'bench', c.numpy.file), ...c.numpy.args])) as Record<string, unknown>);
    }
    const ts = median(tsRuns.map((r) => r.seconds as number));
    const py = withNumpy ? median(pyRuns.map((r) => r.seconds as number)) : Number.NaN;
    const [a, b] = withNumpy ? [c.parameters(tsRuns[0], 'ts'), c.parameters(pyRuns[0], 'numpy')] : [[], []];
    const delta = a.length === b.length && a.length > 0 ? Math.max(...a.map((v, i) => Math.abs(v - b[i]))).toExponential(1) : 'n/a';
    const ratio = ts / py;
    table.push([c.name, ts.toFixed(3), withNumpy ? py.toFixed(3) : 'n/a', withNumpy ? `${ratio.toFixed(2)}×${ratio <= c.goal ? '' : ' (over goal)'}` : 'n/a', `≤ ${c.goal}×`, delta]);
  }
  console.log(table.toString());
  console.log('seconds: the training loop alone, median of the runs; ratio: TypeScript / NumPy.');
});
