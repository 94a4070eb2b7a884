import { datasetFile, readLabelledCsv, type DatasetName } from '../../course/data/dataset';
import { MARGIN, RULES, TEST_ROWS, TRAIN_ROWS, generateDataset } from '../data/generate';

describe.each(Object.keys(RULES) as DatasetName[])('the %s dataset', (name) => {
  const generated = generateDataset(name);

  it('is what data/ holds: the committed files come from the generator', () => {
    expect(readLabelledCsv(datasetFile(name, 'train'))).toEqual(generated.train);
    expect(readLabelledCsv(datasetFile(name, 'test'))).toEqual(generated.test);
  });

  it('has 5000 training and 1000 test rows, half of each class', () => {
    expect(generated.train.t).toHaveLength(TRAIN_ROWS);
    expect(generated.test.t).toHaveLength(TEST_ROWS);
    expect(generated.train.t.filter((label) => label === 1)).toHaveLength(TRAIN_ROWS / 2);
    expect(generated.test.t.filter((label) => label === 1)).toHaveLength(TEST_ROWS / 2);
  });

  it('labels every point by its rule and keeps the margin free', () => {
    generated.train.x.forEach(([x1, x2], i) => {
      const { label, distance } = RULES[name].classify(x1, x2);
      expect(label).toBe(generated.train.t[i]);
      expect(distance).toBeGreaterThanOrEqual(MARGIN);
    });
  });

  it('is the same on every run', () => {
    expect(generateDataset(name)).toEqual(generated);
  });
});
