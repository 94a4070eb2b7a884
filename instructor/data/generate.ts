/**
 * The generator behind data/: the lab's two 2-D datasets (the originals were .mat files).
 * Points are uniform in [−2, 2]², labelled by a geometric rule, with a margin of 0.1 kept free of
 * points around every boundary, and drawn until each class has exactly half of the rows.
 * Only `rand()` is used, so NumPy's RandomState with the same seed draws the same points.
 */
import type { DatasetName } from '../../course/data/dataset';
import { RandomState } from '../../course/numpy/random';
import type { Labelled } from '../../lib/types';

export const HALF_WIDTH = 2;
export const MARGIN = 0.1;
export const TRAIN_ROWS = 5000;
export const TEST_ROWS = 1000;

interface Rule {
  seed: number;
  /** The label of (x1, x2) and its distance to the nearest class boundary. */
  classify(x1: number, x2: number): { label: 0 | 1; distance: number };
  description: string;
}

export const RULES: Record<DatasetName, Rule> = {
  // one line: 0.8·x1 − 0.6·x2 + 0.3 = 0 (a unit normal, so the value is the distance)
  'linearly-separable': {
    seed: 1,
    description: 'class 1 where 0.8·x1 − 0.6·x2 + 0.3 > 0',
    classify(x1, x2) {
      const d = 0.8 * x1 - 0.6 * x2 + 0.3;
      return { label: d > 0 ? 1 : 0, distance: Math.abs(d) };
    },
  },
  // a band between two parallel lines: |0.6·x1 + 0.8·x2 − 0.2| < 0.75 is class 1
  'not-linearly-separable': {
    seed: 2,
    description: 'class 1 inside the band |0.6·x1 + 0.8·x2 − 0.2| < 0.75',
    classify(x1, x2) {
      const d = Math.abs(0.6 * x1 + 0.8 * x2 - 0.2);
      return { label: d < 0.75 ? 1 : 0, distance: Math.abs(d - 0.75) };
    },
  },
};

/** Draws `rows` points, half of each class, outside the margin. */
export function drawPoints(rule: Rule, rows: number, rs: RandomState): Labelled {
  const perClass = [Math.floor(rows / 2), rows - Math.floor(rows / 2)];
  const x: number[][] = [];
  const t: number[] = [];
  while (t.length < rows) {
    const x1 = HALF_WIDTH * (2 * rs.rand() - 1);
    const x2 = HALF_WIDTH * (2 * rs.rand() - 1);
    const { label, distance } = rule.classify(x1, x2);
    if (distance < MARGIN || perClass[label] === 0) continue;
    perClass[label] -= 1;
    x.push([x1, x2]);
    t.push(label);
  }
  return { x, t };
}

/** The training and test rows of one dataset (training rows first, from one seeded stream). */
export function generateDataset(name: DatasetName): { train: Labelled; test: Labelled } {
  const rule = RULES[name];
  const rs = new RandomState(rule.seed);
  const train = drawPoints(rule, TRAIN_ROWS, rs);
  const test = drawPoints(rule, TEST_ROWS, rs);
  return { train, test };
}
