/**
 * Trains any model of the course: parse its flags, train it with the one loop, print its scores,
 * draw its plots and write the JSON summary. Every trainer script is `trainMain(MODEL)`.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { SingleBar } from 'cli-progress';
import yargs from 'yargs';
import { failWithUsageError, prepareOutputs, runMain, withOutputFlags } from '../cli/flags';
import { train } from './loop';
import type { Evaluation, Model, RunSettings } from './model';

export interface ModelRun<P> {
  params: P;
  evaluation: Evaluation;
  losses: number[];
  seconds: number;
  plots: string[];
  summary: Record<string, unknown>;
}

/** Parses `argv` as the model's flags and the shared output flags; a bad flag is a one-line UsageError. */
export function parseSettings<P, S extends RunSettings>(model: Model<P, S>, argv: string[]): S {
  const parser = failWithUsageError(yargs(argv)).scriptName(`npm run ${model.script} --`).usage(`${model.description}\n\nUsage: $0 [flags]`);
  const settings = withOutputFlags(model.flags(parser)).parseSync() as unknown as S;
  return model.validate ? model.validate(settings) : settings;
}

/** Trains `model` with `settings`, prints the results, writes the plots and the JSON summary. */
export function runModel<P, S extends RunSettings>(model: Model<P, S>, settings: S): ModelRun<P> {
  const log = settings.quiet ? () => undefined : (line: string) => console.log(line);
  const outDir = prepareOutputs(settings.out, settings.json);
  const session = model.start(settings);
  log(session.headline);
  const progress = makeProgress(settings, session.lossName);
  const trained = (() => {
    try {
      return train(session, { ...settings, onEpoch: progress.update });
    } finally {
      progress.stop();
    }
  })();
  const evaluation = session.evaluate(trained.params);
  for (const line of evaluation.lines) log(line);
  log(`last epoch: ${session.lossName} ${trained.losses.at(-1)?.toExponential(4)}; training took ${trained.seconds.toFixed(3)} s`);
  const plots = settings.plots ? session.plots(trained.params, trained.losses, evaluation, outDir) : [];
  if (plots.length > 0) log(`plots: ${plots.map((p) => path.relative(process.cwd(), p)).join(', ')}`);
  const summary = { parameters: session.parameters(trained.params), ...evaluation.scores, [evaluation.lossField]: trained.losses, seconds: trained.seconds };
  if (settings.json !== undefined) {
    writeFileSync(settings.json, `${JSON.stringify(summary, null, 2)}\n`);
    log(`summary: ${settings.json}`);
  }
  return { params: trained.params, evaluation, losses: trained.losses, seconds: trained.seconds, plots, summary };
}

/** The whole of a trainer script. */
export function trainMain<P, S extends RunSettings>(model: Model<P, S>): void {
  runMain(() => {
    runModel(model, parseSettings(model, process.argv.slice(2)));
  });
}

/** A progress bar on a terminal, a line per tenth of the run otherwise, nothing when quiet. */
function makeProgress(settings: RunSettings, lossName: string): { update: (epoch: number, loss: number) => void; stop: () => void } {
  if (settings.quiet) return { update: () => undefined, stop: () => undefined };
  if (process.stderr.isTTY) {
    const bar = new SingleBar({ format: `epoch {value}/{total} [{bar}] ${lossName} {loss}`, stream: process.stderr, hideCursor: true });
    bar.start(settings.epochs, 0, { loss: '-' });
    return { update: (epoch, loss) => bar.update(epoch, { loss: loss.toExponential(3) }), stop: () => bar.stop() };
  }
  const every = Math.max(1, Math.round(settings.epochs / 10));
  return {
    update: (epoch, loss) => {
      if (epoch % every === 0 || epoch === settings.epochs) console.log(`epoch ${epoch}/${settings.epochs}  ${lossName} ${loss.toExponential(4)}`);
    },
    stop: () => undefined,
  };
}
