/**
 * The runs `npm run demo` makes: every model of the course at its defaults, each as the command a
 * student would type (`npm run <script> -- <flags>`), and the activations plot.
 */
import path from 'node:path';
import { Mat } from '../../lib/matrix';
import { commandLine, ensureWritableDirectory, makeTable, outOption, parseCommandLine, targetOption } from '../cli/flags';
import { CommandFailed, describeExpectedError, describeUnexpectedError } from '../cli/errors';
import { publishTogether } from '../cli/output';
import { plotsWritten } from '../plots/charts';
import { plotActivations } from '../plots/notebook-plots';
import { defaultDemoTarget, loadModule, type Target } from '../targets';
import type { Model, RunSettings } from './model';
import { LOGREG } from './models/logreg';
import { MLP } from './models/mlp';
import { NETWORK } from './models/network';
import { NEURON } from './models/neuron';
import { ACTIVATIONS } from './notebook';
import { parseSettings, runModel } from './run';

export interface DemoResult {
  summary: string;
  seconds: number;
  plots: string[];
}

export interface DemoRun {
  title: string;
  /** trains and draws into `out`; `animate` (the demo's default) also writes the run's GIF */
  run: (out: string, target: Target, animate?: boolean) => DemoResult | Promise<DemoResult>;
}

function trainerRun<P, S extends RunSettings>(part: string, model: Model<P, S>, flags: string[]): DemoRun {
  return {
    title: `${part}: ${model.script}${flags.length > 0 ? ` ${flags.join(' ')}` : ''}`,
    run: async (out, target, animate = true) => {
      const run = await runModel(model, parseSettings(model, [...flags, ...(animate ? ['--animate'] : []), '--target', target.dir, '--out', out]));
      return { summary: run.evaluation.result, seconds: run.seconds, plots: run.plots };
    },
  };
}

const activationsPlot: DemoRun = {
  title: 'Part 3: activations and their derivatives',
  run: async (out, target) => {
    const activations = loadModule<typeof import('../../exercises/activations')>(target, 'activations');
    const scalar = (f: (z: Mat, deriv?: boolean) => Mat, deriv: boolean) => (v: number) => f(Mat.from([[v]]), deriv).data[0];
    // staged and published like a trainer's plots (under the lock, nothing half-made on Ctrl-C)
    const plots = await publishTogether(ensureWritableDirectory(out), async (output) => {
      const file = path.join(output.dir(), 'activations.png');
      plotActivations(file, ACTIVATIONS.map((name) => ({ name, f: scalar(activations[name], false), df: scalar(activations[name], true) })));
      await plotsWritten();
      return [file];
    });
    return { summary: 'logistic, tanh, relu on [−5, 5]', seconds: 0, plots };
  },
};

export const DEMO_RUNS: DemoRun[] = [
  trainerRun('Part 1', NEURON, []),
  trainerRun('Part 1', NEURON, ['--no-linearly-separable']),
  trainerRun('Part 2', NETWORK, []),
  activationsPlot,
  trainerRun('Part 3', LOGREG, ['--data', 'sin']),
  trainerRun('Part 3', LOGREG, ['--data', 'linear']),
  trainerRun('Part 3', MLP, ['--preset', 'hidden2']),
  trainerRun('Part 3', MLP, ['--preset', 'deep']),
];

/**
 * npm run demo: every run of DEMO_RUNS into --out, a table of results and the list of plots. A run
 * that fails (a function not implemented yet) is reported in a line and the others go on; the
 * exit code is 1 if any failed. A bad --out fails once, before the first run.
 */
export async function runDemo(argv: string[]): Promise<void> {
  const args = parseCommandLine(
    commandLine(argv, 'npm run demo --', 'Trains every model of the lab with the lab defaults and writes all plots.')
      .option('out', outOption())
      .option('target', targetOption(defaultDemoTarget(), 'whose code: reference (where there is one), exercises or a folder')),
  );
  const out = ensureWritableDirectory(args.out);
  let failures = 0;
  const table = makeTable(['run', 'result', 'seconds']);
  const plots: string[] = [];
  for (const demo of DEMO_RUNS) {
    console.log(`\n== ${demo.title}`);
    try {
      const result = await demo.run(out, args.target);
      table.push([demo.title, result.summary, result.seconds.toFixed(2)]);
      for (const plot of result.plots) if (!plots.includes(plot)) plots.push(plot);
    } catch (error) {
      const line = describeExpectedError(error) ?? describeUnexpectedError(error);
      if (line === undefined) throw error;
      console.log(`error: ${line}`);
      table.push([demo.title, `not run: ${line.split(':')[0]}`, '']);
      failures += 1;
    }
  }
  console.log(`\n${table.toString()}`);
  console.log(`\n${plots.length} plots in ${out}:`);
  for (const plot of plots) console.log(`  ${path.relative(process.cwd(), plot)}`);
  if (failures > 0) throw new CommandFailed(`${failures} of ${DEMO_RUNS.length} runs did not run (see the errors above)`);
}
