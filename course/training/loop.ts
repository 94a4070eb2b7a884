/**
 * The lab's training loop (train_neuron.py / train_network.py), shared by every model:
 *
 *   while epoch < epochs:
 *     batch = train.getNextBatch(batchSize);  params = update(batch, params, lr)
 *     if train.isEpochCompleted(batchSize): epoch += 1; record the validation loss
 */
import type { LabData } from '../data/dataset';
import { DivergenceError } from '../cli/errors';
import type { Labelled, Matrix, Vector } from '../../lib/types';

/** What the loop needs of a model: one update step and the loss. */
export interface Model<P> {
  update(x: Matrix, t: Vector, params: P, learningRate: number): P;
  loss(x: Matrix, t: Vector, params: P): number;
}

export interface TrainOptions {
  batchSize: number;
  learningRate: number;
  epochs: number;
  /** Called after each epoch with its number (1-based) and the validation loss. */
  onEpoch?: (epoch: number, validationLoss: number) => void;
}

export interface TrainResult<P> {
  params: P;
  validationLoss: Vector;
  /** Wall-clock time of the loop alone, in seconds. */
  seconds: number;
}

export function train<P>(model: Model<P>, initial: P, data: LabData, options: TrainOptions): TrainResult<P> {
  const { batchSize, learningRate, epochs, onEpoch } = options;
  const validation: Labelled = data.validation;
  const validationLoss: Vector = [];
  let params = initial;
  let epoch = 0;
  const start = performance.now();
  while (epoch < epochs) {
    const batch = data.train.getNextBatch(batchSize);
    params = model.update(batch.x, batch.t, params, learningRate);
    if (data.train.isEpochCompleted(batchSize)) {
      epoch += 1;
      const loss = model.loss(validation.x, validation.t, params);
      if (!Number.isFinite(loss)) {
        throw new DivergenceError(
          `training diverged at epoch ${epoch}: the validation loss is ${loss}. Try a smaller --learning-rate.`,
        );
      }
      validationLoss.push(loss);
      onEpoch?.(epoch, loss);
    }
  }
  return { params, validationLoss, seconds: (performance.now() - start) / 1000 };
}
