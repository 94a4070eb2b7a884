import { Dataset, type LabData } from '../../course/data/dataset';
import { DivergenceError } from '../../course/cli/errors';
import { RandomState } from '../../course/numpy/random';
import { range } from '../../course/numpy/range';
import { labEpoch } from '../../course/training/lab';
import { MAX_PARAMETER, badParameter, train } from '../../course/training/loop';
import type { Matrix, Vector } from '../../lib/types';

function labData(rows: number): LabData {
  const x = range(rows).map((i) => [i, 1]);
  const t = range(rows).map((i) => i % 2);
  return { train: new Dataset({ x, t }, new RandomState(0)), validation: { x, t }, test: { x, t } };
}

type Student = { update: (x: Matrix, t: Vector, p: number, lr: number) => number; loss: (x: Matrix, t: Vector, p: number) => number };

/** A student whose "parameter" counts the updates. */
const counting: Student = { update: (_x: Matrix, _t: Vector, steps: number) => steps + 1, loss: (_x: Matrix, _t: Vector, steps: number) => 1 / (1 + steps) };

const session = (data: LabData, batchSize: number, student: Student = counting, initial = 0) => ({ initial, lossName: 'validation loss', epoch: labEpoch(data, batchSize, student) });

describe('train with the lab epoch', () => {
  it('runs floor(n / batch) updates per epoch and records one validation loss per epoch', () => {
    const result = train(session(labData(10), 3), { learningRate: 1, epochs: 4 });
    expect(result.params).toBe(12);
    expect(result.losses).toHaveLength(4);
    expect(result.losses[0]).toBeCloseTo(1 / 4);
  });

  it('passes the learning rate and each batch to the update', () => {
    const seen: number[] = [];
    const student = {
      update: (x: Matrix, _t: Vector, p: number, lr: number) => {
        seen.push(x.length, lr);
        return p;
      },
      loss: () => 0,
    };
    train(session(labData(6), 2, student), { learningRate: 0.25, epochs: 1 });
    expect(seen).toEqual([2, 0.25, 2, 0.25, 2, 0.25]);
  });

  it('stops with a clear error when the loss stops being finite', () => {
    const diverging = { update: (_x: Matrix, _t: Vector, p: number) => p * 1e200, loss: (_x: Matrix, _t: Vector, p: number) => (p > 1e300 ? Number.NaN : 0) };
    expect(() => train(session(labData(4), 2, diverging, 1), { learningRate: 1, epochs: 10 })).toThrow(DivergenceError);
    expect(() => train(session(labData(4), 2, diverging, 1), { learningRate: 1, epochs: 10 })).toThrow(/diverged at epoch 1: the validation loss is NaN\. Try a smaller --learning-rate\.$/);
  });

  it('blames the loss, not the step, for a NaN loss while every parameter is finite', () => {
    const badLoss = { update: (_x: Matrix, _t: Vector, p: number) => p, loss: () => Number.NaN };
    expect(() => train(session(labData(4), 2, badLoss, 1), { learningRate: 1, epochs: 10 })).toThrow(
      /diverged at epoch 1: the validation loss is NaN while every parameter is finite, so check how the loss is computed \(or try a smaller --learning-rate\)\.$/,
    );
  });

  it('calls onEpoch once per epoch with the loss', () => {
    const calls: [number, number][] = [];
    train(session(labData(4), 4), { learningRate: 1, epochs: 3, onEpoch: (e, l) => calls.push([e, l]) });
    expect(calls).toEqual([[1, 1 / 2], [2, 1 / 3], [3, 1 / 4]]);
  });
});

describe('badParameter on a matrix of weights', () => {
  const bad = [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, 2 * MAX_PARAMETER, -2 * MAX_PARAMETER];

  it('finds nothing when every entry is finite and within ±MAX_PARAMETER', () => {
    for (let n = 0; n <= 9; n++) expect(badParameter(Float64Array.from({ length: n }, (_, i) => (i % 2 === 0 ? MAX_PARAMETER : -MAX_PARAMETER)))).toBeUndefined();
  });

  it('finds a bad entry at any position, in the blocks of four and in the tail, and reports the first', () => {
    for (let n = 1; n <= 9; n++) {
      for (let at = 0; at < n; at++) {
        for (const value of bad) {
          const numbers = Float64Array.from({ length: n }, (_, i) => i + 0.5);
          numbers[at] = value;
          expect(badParameter(numbers)).toEqual({ value });
          if (at + 1 < n) {
            numbers[n - 1] = 7 * MAX_PARAMETER; // a later bad entry does not hide the first
            expect(badParameter(numbers)).toEqual({ value });
          }
        }
      }
    }
  });
});
