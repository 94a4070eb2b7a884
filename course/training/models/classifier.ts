/**
 * A trainable binary classifier as the trainers and plots see it, built from a target's module.
 */
import type { RandomState } from '../../numpy/random';
import type { Model } from '../loop';
import type { Matrix, Vector } from '../../../lib/types';

export interface Classifier<P> extends Model<P> {
  /** Draws the initial parameters (after the split: the random call order is the lab's). */
  init(rs: RandomState): P;
  predict(x: Matrix, t: Vector, params: P): [prediction: Vector, accuracy: number];
  /** The output y ∈ (0, 1) for each row of x, for the decision regions. */
  output(x: Matrix, params: P): Vector;
  /** The parameters as the JSON summary shows them. */
  toJson(params: P): Record<string, unknown>;
}
