import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Dataset, VALIDATION_SIZE, readLabelledCsv, splitTrainValidation, writeLabelledCsv } from '../../course/data/dataset';
import { DataError } from '../../course/cli/errors';
import { RandomState } from '../../course/numpy/random';
import { range } from '../../course/numpy/range';

const dir = mkdtempSync(path.join(tmpdir(), 'dataset-test-'));
function csv(name: string, text: string): string {
  const file = path.join(dir, name);
  writeFileSync(file, text);
  return file;
}

describe('readLabelledCsv', () => {
  it('reads features and labels', () => {
    expect(readLabelledCsv(csv('ok.csv', 'x1,x2,label\n0.5,-1,1\n2,3e-2,0\n'))).toEqual({ x: [[0.5, -1], [2, 0.03]], t: [1, 0] });
  });

  it('reads back exactly what writeLabelledCsv wrote', () => {
    const rs = new RandomState(4);
    const data = { x: rs.randn(50, 2), t: range(50).map((i) => i % 2) };
    const file = path.join(dir, 'roundtrip.csv');
    writeLabelledCsv(file, data);
    expect(readLabelledCsv(file)).toEqual(data);
  });

  it.each([
    ['a missing file', null, /missing\.csv: file not found/],
    ['an empty file', '', /file is empty/],
    ['a wrong header', 'a,b,c\n1,2,0\n', /:1: header is "a,b,c", expected "x1,x2,label"/],
    ['no rows', 'x1,x2,label\n', /no data rows/],
    ['a ragged row', 'x1,x2,label\n1,2,0\n1,2\n', /:3: expected 3 values, found 2/],
    ['a non-numeric value', 'x1,x2,label\n1,abc,0\n', /:2: x2 "abc" is not a finite number/],
    ['a non-finite value', 'x1,x2,label\nInfinity,1,0\n', /:2: x1 "Infinity" is not a finite number/],
    ['an empty value', 'x1,x2,label\n,1,0\n', /:2: x1 "" is not a finite number/],
    ['a label other than 0/1', 'x1,x2,label\n1,2,0\n1,2,2\n', /:3: label 2 is not 0 or 1/],
  ])('rejects %s with one line naming the file', (_, text, message) => {
    const file = text === null ? path.join(dir, 'missing.csv') : csv(`bad-${Math.random()}.csv`, text);
    expect(() => readLabelledCsv(file)).toThrow(DataError);
    expect(() => readLabelledCsv(file)).toThrow(message);
  });
});

describe('Dataset', () => {
  const rows = { x: range(10).map((i) => [i, -i]), t: range(10).map((i) => i % 2) };

  it('returns consecutive batches, then reshuffles when the next one would not fit', () => {
    const rs = new RandomState(1);
    const data = new Dataset(rows, rs);
    expect(data.getNextBatch(4).x.map((r) => r[0])).toEqual([0, 1, 2, 3]);
    expect(data.getNextBatch(4).x.map((r) => r[0])).toEqual([4, 5, 6, 7]);
    expect(data.isEpochCompleted(4)).toBe(true);
    const order = new RandomState(1).permutation(10);
    expect(data.getNextBatch(4).x.map((r) => r[0])).toEqual(order.slice(0, 4));
  });

  it('keeps features and targets together when it reshuffles', () => {
    const data = new Dataset(rows, new RandomState(2));
    data.getNextBatch(10);
    const batch = data.getNextBatch(10);
    batch.x.forEach((row, i) => expect(batch.t[i]).toBe(row[0] % 2));
  });

  it('completes an epoch when the next batch would run past the end', () => {
    const data = new Dataset(rows, new RandomState(3));
    data.getNextBatch(3);
    data.getNextBatch(3);
    expect(data.isEpochCompleted(3)).toBe(false);
    data.getNextBatch(3);
    expect(data.isEpochCompleted(3)).toBe(true);
  });
});

describe('splitTrainValidation', () => {
  const n = VALIDATION_SIZE + 20;
  const rows = { x: range(n).map((i) => [i, 0]), t: range(n).map(() => 0) };

  it('holds out the first rows after one shuffle as the validation set', () => {
    const { train, validation } = splitTrainValidation(rows, rows, new RandomState(5));
    const order = new RandomState(5).permutation(n);
    expect(validation.x.map((r) => r[0])).toEqual(order.slice(0, VALIDATION_SIZE));
    expect(train.x.map((r) => r[0])).toEqual(order.slice(VALIDATION_SIZE));
  });

  it('rejects a training file too small to split', () => {
    const small = { x: [[0, 0]], t: [0] };
    expect(() => splitTrainValidation(small, small, new RandomState(0))).toThrow(/needs more than 1000 rows/);
  });
});
