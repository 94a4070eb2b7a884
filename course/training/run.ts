/**
 * Trains any model of the course: parse its flags, train it with the one loop, print its scores,
 * draw its plots and write the JSON summary. Every trainer script is `trainMain(MODEL)`.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { SingleBar } from 'cli-progress';
import yargs from 'yargs';
import { failWithUsageError, prepareOutputs, runMain, withOutputFlags } from '../cli/flags';
import { Animation, FIRST_DELAY, FRAME_DELAY, LAST_DELAY, frameEpochs } from '../plots/animation';
import { train } from './loop';
import type { Evaluation, Model, RunSettings, Session } from './model';

export interface ModelRun<P> {
  params: P;
  evaluation: Evaluation;
  losses: number[];
  seconds: number;
  /** the plots, and the GIF last when --animate wrote one */
  plots: string[];
  summary: Record<string, unknown>;
}

/** Parses `argv` as the model's flags and the shared output flags; a bad flag is a one-line UsageError. */
export function parseSettings<P, S extends RunSettings>(model: Model<P, S>, argv: string[]): S {
  const parser = failWithUsageError(yargs(argv)).scriptName(`npm run ${model.script} --`).usage(`${model.description}\n\nUsage: $0 [flags]`);
  const withAnimate = withOutputFlags(model.flags(parser)).option('animate', { type: 'boolean', default: false, describe: 'also write a GIF of the model learning (about 50 frames, more of them early)' });
  const settings = withAnimate.parseSync() as unknown as S;
  return model.validate ? model.validate(settings) : settings;
}

/** Trains `model` with `settings`, prints the results, writes the plots and the JSON summary. */
export function runModel<P, S extends RunSettings>(model: Model<P, S>, settings: S): ModelRun<P> {
  const log = settings.quiet ? () => undefined : (line: string) => console.log(line);
  const outDir = prepareOutputs(settings.out, settings.json);
  const session = model.start(settings);
  log(session.headline);
  const progress = makeProgress(settings, session.lossName);
  const recorder = settings.animate ? animationRecorder(session, settings.epochs, outDir) : undefined;
  const trained = (() => {
    try {
      const onEpoch = (epoch: number, loss: number) => {
        progress.update(epoch, loss);
        recorder?.onEpoch(epoch, loss);
      };
      return train(recorder?.session ?? session, { ...settings, onEpoch });
    } finally {
      progress.stop();
    }
  })();
  const evaluation = session.evaluate(trained.params);
  for (const line of evaluation.lines) log(line);
  log(`last epoch: ${session.lossName} ${trained.losses.at(-1)?.toExponential(4)}; training took ${trained.seconds.toFixed(3)} s`);
  const plots = settings.plots ? session.plots(trained.params, trained.losses, evaluation, outDir) : [];
  if (recorder !== undefined) plots.push(recorder.save());
  if (plots.length > 0) log(`plots: ${plots.map((p) => path.relative(process.cwd(), p)).join(', ')}`);
  const summary = { parameters: session.parameters(trained.params), ...evaluation.scores, [evaluation.lossField]: trained.losses, seconds: trained.seconds };
  if (settings.json !== undefined) {
    writeFileSync(settings.json, `${JSON.stringify(summary, null, 2)}\n`);
    log(`summary: ${settings.json}`);
  }
  return { params: trained.params, evaluation, losses: trained.losses, seconds: trained.seconds, plots, summary };
}

/**
 * The frame hook of --animate: the loop's onEpoch says which epoch ended, and the session's epoch,
 * wrapped here, has just returned its parameters. Frame 0 (the initial parameters) is drawn before
 * training. The rendering is the only extra cost: the loop and the student's calls are unchanged.
 */
function animationRecorder<P>(session: Session<P>, epochs: number, outDir: string) {
  if (session.animation === undefined) throw new Error('this model draws no animation');
  const { file, frame } = session.animation;
  const animation = new Animation(path.join(outDir, file));
  const wanted = new Set(frameEpochs(epochs));
  let latest = session.initial;
  animation.add(frame(latest, 0, undefined), FIRST_DELAY);
  return {
    session: {
      ...session,
      epoch: (params: P, learningRate: number) => {
        const step = session.epoch(params, learningRate);
        latest = step.params;
        return step;
      },
    },
    onEpoch: (epoch: number, loss: number) => {
      if (wanted.has(epoch) && epoch > 0) animation.add(frame(latest, epoch, loss), epoch === epochs ? LAST_DELAY : FRAME_DELAY);
    },
    save: (): string => {
      animation.save();
      return animation.file;
    },
  };
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
