/**
 * The one training loop, shared by every model:
 *
 *   for epoch = 1 … epochs:  (params, loss) = epoch(params, lr);  stop if the loss is not finite
 *
 * What an epoch is belongs to the model: the lab's mini-batches (lab.ts), or one full-batch step of
 * the notebook (notebook.ts).
 */
import { DivergenceError } from '../cli/errors';
import type { Session } from './model';

export interface TrainOptions {
  learningRate: number;
  epochs: number;
  /** Called after each epoch with its number (1-based) and its loss. */
  onEpoch?: (epoch: number, loss: number) => void;
}

export interface TrainResult<P> {
  params: P;
  losses: number[];
  /** Wall-clock time of the loop alone, in seconds. */
  seconds: number;
}

export function train<P>(session: Pick<Session<P>, 'initial' | 'epoch' | 'lossName'>, options: TrainOptions): TrainResult<P> {
  const { learningRate, epochs, onEpoch } = options;
  const losses: number[] = [];
  let params = session.initial;
  const start = performance.now();
  for (let epoch = 1; epoch <= epochs; epoch++) {
    const step = session.epoch(params, learningRate);
    params = step.params;
    if (!Number.isFinite(step.loss)) {
      throw new DivergenceError(`training diverged at epoch ${epoch}: the ${session.lossName} is ${step.loss}. Try a smaller --learning-rate.`);
    }
    losses.push(step.loss);
    onEpoch?.(epoch, step.loss);
  }
  return { params, losses, seconds: (performance.now() - start) / 1000 };
}
