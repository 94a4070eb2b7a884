import { Dataset, type LabData } from '../../course/data/dataset';
import { DivergenceError } from '../../course/cli/errors';
import { RandomState } from '../../course/numpy/random';
import { range } from '../../course/numpy/range';
import { train, type Model } from '../../course/training/loop';

function labData(rows: number): LabData {
  const x = range(rows).map((i) => [i, 1]);
  const t = range(rows).map((i) => i % 2);
  return { train: new Dataset({ x, t }, new RandomState(0)), validation: { x, t }, test: { x, t } };
}

/** A model that counts its updates and keeps its "parameter" as that count. */
const counting: Model<number> = { update: (_x, _t, steps) => steps + 1, loss: (_x, _t, steps) => 1 / (1 + steps) };

describe('train', () => {
  it('runs floor(n / batch) updates per epoch and records one validation loss per epoch', () => {
    const result = train(counting, 0, labData(10), { batchSize: 3, learningRate: 1, epochs: 4 });
    expect(result.params).toBe(12);
    expect(result.validationLoss).toHaveLength(4);
    expect(result.validationLoss[0]).toBeCloseTo(1 / 4);
  });

  it('passes the learning rate and each batch to the update', () => {
    const seen: number[] = [];
    const model: Model<number> = {
      update: (x, _t, p, lr) => {
        seen.push(x.length, lr);
        return p;
      },
      loss: () => 0,
    };
    train(model, 0, labData(6), { batchSize: 2, learningRate: 0.25, epochs: 1 });
    expect(seen).toEqual([2, 0.25, 2, 0.25, 2, 0.25]);
  });

  it('stops with a clear error when the loss stops being finite', () => {
    const diverging: Model<number> = { update: (_x, _t, p) => p * 1e200, loss: (_x, _t, p) => (p > 1e300 ? Number.NaN : 0) };
    expect(() => train(diverging, 1, labData(4), { batchSize: 2, learningRate: 1, epochs: 10 })).toThrow(DivergenceError);
    expect(() => train(diverging, 1, labData(4), { batchSize: 2, learningRate: 1, epochs: 10 })).toThrow(
      /diverged at epoch 1: the validation loss is NaN/,
    );
  });

  it('calls onEpoch once per epoch with the loss', () => {
    const calls: [number, number][] = [];
    train(counting, 0, labData(4), { batchSize: 4, learningRate: 1, epochs: 3, onEpoch: (e, l) => calls.push([e, l]) });
    expect(calls).toEqual([[1, 1 / 2], [2, 1 / 3], [3, 1 / 4]]);
  });
});
