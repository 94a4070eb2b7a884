/**
 * The one training loop, shared by every model:
 *
 *   for epoch = 1 … epochs:  (params, loss) = epoch(params, lr);  stop if the loss or a parameter
 *                            is not finite, or a parameter is absurdly large (|w| > 1e100)
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

/** Beyond this a weight has diverged even where the cost still looks finite (a saturated sigmoid). */
export const MAX_PARAMETER = 1e100;

/**
 * The first value in a model's parameters (numbers, arrays, typed arrays, Mat, plain objects) that
 * is not a finite number of at most MAX_PARAMETER in size (as `{ value }`), or undefined if all are.
 */
export function badParameter(params: unknown): { value: unknown } | undefined {
  if (typeof params === 'number') return Number.isFinite(params) && Math.abs(params) <= MAX_PARAMETER ? undefined : { value: params };
  if (params === null || typeof params !== 'object') return { value: params }; // undefined, a string…: not a parameter
  if (params instanceof Float64Array) return badEntry(params); // a Mat's data: checked in place, it can be large
  if (ArrayBuffer.isView(params)) return badEntry(Float64Array.from(params as unknown as ArrayLike<number>));
  const values: unknown[] = Array.isArray(params) ? params : Object.values(params);
  for (const value of values) {
    const bad = badParameter(value);
    if (bad !== undefined) return bad;
  }
  return undefined;
}

/**
 * The first entry that is not finite or beyond ±MAX_PARAMETER. It runs every epoch over every
 * weight (40 000 of them in the deep preset): four entries per test, then one by one from the
 * block that failed, which takes 25 µs per 40 000 entries here instead of 43.
 */
function badEntry(numbers: Float64Array): { value: number } | undefined {
  const n = numbers.length;
  let i = 0;
  for (; i + 3 < n; i += 4) {
    if (!(Math.abs(numbers[i]) <= MAX_PARAMETER && Math.abs(numbers[i + 1]) <= MAX_PARAMETER && Math.abs(numbers[i + 2]) <= MAX_PARAMETER && Math.abs(numbers[i + 3]) <= MAX_PARAMETER)) break;
  }
  for (; i < n; i++) if (!(Math.abs(numbers[i]) <= MAX_PARAMETER)) return { value: numbers[i] };
  return undefined;
}

/** A DivergenceError, or for a value that is no number at all, the student code's wrong shape. */
function checkParameters(params: unknown, epoch: number, lossName: string, loss: number): void {
  const found = badParameter(params);
  if (found === undefined) return;
  const bad = found.value;
  if (typeof bad !== 'number') throw new TypeError(`after epoch ${epoch} the parameters hold ${String(bad)} where a number belongs: check what your update returns`);
  const where = epoch === 0 ? 'before the first epoch: an initial parameter' : `at epoch ${epoch}: a parameter`;
  const cost = epoch === 0 ? '' : ` (the ${lossName} is ${loss})`;
  throw new DivergenceError(`training diverged ${where} is ${bad}${cost}, beyond ±${MAX_PARAMETER}. Try a smaller ${epoch === 0 ? '--init-scale' : '--learning-rate'}.`);
}

export function train<P>(session: Pick<Session<P>, 'initial' | 'epoch' | 'lossName'>, options: TrainOptions): TrainResult<P> {
  const { learningRate, epochs, onEpoch } = options;
  const losses: number[] = [];
  let params = session.initial;
  checkParameters(params, 0, session.lossName, Number.NaN);
  const start = performance.now();
  for (let epoch = 1; epoch <= epochs; epoch++) {
    const step = session.epoch(params, learningRate);
    params = step.params;
    if (!Number.isFinite(step.loss)) {
      if (typeof step.loss !== 'number') throw new TypeError(`the ${session.lossName} of epoch ${epoch} is ${String(step.loss)}, not a number: check what your loss function returns`);
      // a NaN with every parameter finite comes from the loss itself (0·log 0, a division by zero), not from a step too large
      const fromLoss = Number.isNaN(step.loss) && badParameter(step.params) === undefined;
      const advice = fromLoss ? ' while every parameter is finite, so check how the loss is computed (or try a smaller --learning-rate).' : '. Try a smaller --learning-rate.';
      throw new DivergenceError(`training diverged at epoch ${epoch}: the ${session.lossName} is ${step.loss}${advice}`);
    }
    checkParameters(params, epoch, session.lossName, step.loss);
    losses.push(step.loss);
    onEpoch?.(epoch, step.loss);
  }
  return { params, losses, seconds: (performance.now() - start) / 1000 };
}
