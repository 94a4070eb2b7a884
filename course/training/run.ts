/**
 * Trains any model of the course: parse its flags, train it with the one loop, print its scores,
 * draw its plots and write the JSON summary. Every trainer script is `trainMain(MODEL)`.
 */
import path from 'node:path';
import { SingleBar } from 'cli-progress';
import { commandLine, parseCommandLine, prepareOutputs, runMain, withOutputFlags } from '../cli/flags';
import { studentCodeError } from '../cli/errors';
import { breathe } from '../cli/interrupt';
import { publishTogether } from '../cli/output';
import { plotsWritten } from '../plots/charts';
import { Animation, FIRST_DELAY, FRAME_DELAY, LAST_DELAY, frameEpochs } from '../plots/animation';
import type { Target } from '../targets';
import { train } from './loop';
import type { Evaluation, Model, RunSettings, Session } from './model';

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
  const parser = commandLine(argv, `npm run ${model.script} --`, `${model.description}\n\nUsage: $0 [flags]`);
  const withAnimate = withOutputFlags(model.flags(parser)).option('animate', { type: 'boolean', default: false, describe: 'also write a GIF of the model learning (about 50 frames, more of them early)' });
  const settings = parseCommandLine(withAnimate) as unknown as S;
  return model.validate ? model.validate(settings) : settings;
}

/**
 * Runs a step that calls the student's code. A failure this repository did not expect there (an
 * import-time throw, a syntax error, a wrong return shape) is the student's: it becomes
 * `your code in <file>: …`, naming the module where it happened, or else the modules loaded from
 * the target. The reference's failures stay bugs of the repository.
 */
function studentStep<R>(target: Target, step: () => R): R {
  try {
    return step();
  } catch (error) {
    if (target.name === 'reference') throw error;
    const loaded = Object.keys(require.cache).filter((file) => file.startsWith(`${target.dir}${path.sep}`)).map((file) => path.join(target.name, path.basename(file)));
    throw studentCodeError(error, loaded.length > 0 ? loaded.join(' or ') : `${target.name}/`) ?? error;
  }
}

/**
 * Trains `model` with `settings`, prints the results, and publishes the plots and the JSON summary
 * together (course/cli/output.ts): all of them, or none and no temporary file, also when the run
 * is interrupted while it draws (it yields between its plots, the GIF and the JSON for that).
 */
export async function runModel<P, S extends RunSettings>(model: Model<P, S>, settings: S): Promise<ModelRun<P>> {
  const log = settings.quiet ? () => undefined : (line: string) => console.log(line);
  const writes = settings.plots || settings.json !== undefined || settings.animate === true;
  const outDir = writes ? prepareOutputs(settings.out, settings.json) : undefined;
  const session = studentStep(settings.target, () => model.start(settings));
  log(session.headline);
  const progress = makeProgress(settings, session.lossName);
  const recorder = settings.animate ? animationRecorder(session, settings.epochs) : undefined;
  const trained = (() => {
    try {
      const onEpoch = (epoch: number, loss: number) => {
        progress.update(epoch, loss);
        recorder?.onEpoch(epoch, loss);
      };
      return studentStep(settings.target, () => train(recorder?.session ?? session, { ...settings, onEpoch }));
    } finally {
      progress.stop();
    }
  })();
  const evaluation = studentStep(settings.target, () => session.evaluate(trained.params));
  for (const line of evaluation.lines) log(line);
  const when = session.lossWhen === undefined ? '' : ` (${session.lossWhen})`;
  log(`last epoch: ${session.lossName} ${trained.losses.at(-1)?.toExponential(4)}${when}; training took ${trained.seconds.toFixed(3)} s`);
  const summary = { parameters: session.parameters(trained.params), ...evaluation.scores, [evaluation.lossField]: trained.losses, seconds: trained.seconds };
  let plots: string[] = [];
  if (outDir !== undefined) {
    // each await lets a Ctrl-C be handled between the steps: after the PNGs, after the GIF
    plots = await publishTogether(outDir, async (output) => {
      const staged = settings.plots ? studentStep(settings.target, () => session.plots(trained.params, trained.losses, evaluation, output.dir())) : [];
      await plotsWritten();
      if (recorder !== undefined) staged.push(recorder.save(output.dir()));
      await breathe();
      if (settings.json !== undefined) output.stageJson(settings.json, `${JSON.stringify(summary, null, 2)}\n`);
      return staged;
    });
  }
  if (plots.length > 0) log(`plots: ${plots.map((p) => path.relative(process.cwd(), p)).join(', ')}`);
  if (settings.json !== undefined) log(`summary: ${settings.json}`);
  return { params: trained.params, evaluation, losses: trained.losses, seconds: trained.seconds, plots, summary };
}

/**
 * The frame hook of --animate: the loop's onEpoch says which epoch ended, and the session's epoch,
 * wrapped here, has just returned its parameters. Frame 0 (the initial parameters) is drawn before
 * training. The rendering is the only extra cost: the loop and the student's calls are unchanged.
 * The GIF is written with the run's other outputs, into the folder they are published from.
 */
function animationRecorder<P>(session: Session<P>, epochs: number) {
  if (session.animation === undefined) throw new Error('this model draws no animation');
  const { file, frame } = session.animation;
  const animation = new Animation();
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
    save: (dir: string): string => animation.save(path.join(dir, file)),
  };
}

/** A trainer command: parse `argv`, train, print, publish. */
export async function trainCommand<P, S extends RunSettings>(model: Model<P, S>, argv: string[]): Promise<void> {
  await runModel(model, parseSettings(model, argv));
}

/** The whole of a trainer script. */
export function trainMain<P, S extends RunSettings>(model: Model<P, S>): void {
  runMain(() => trainCommand(model, process.argv.slice(2)));
}

/**
 * A progress bar on a terminal, a line per tenth of the run otherwise, nothing when quiet. The bar
 * leaves the cursor visible: Ctrl-C stops the synchronous loop at once, before any handler could
 * show a hidden cursor again.
 */
function makeProgress(settings: RunSettings, lossName: string): { update: (epoch: number, loss: number) => void; stop: () => void } {
  if (settings.quiet) return { update: () => undefined, stop: () => undefined };
  if (process.stderr.isTTY) {
    const bar = new SingleBar({ format: `epoch {value}/{total} [{bar}] ${lossName} {loss}`, stream: process.stderr, hideCursor: false });
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
