/**
 * The lab's plots (plotting.py): the dataset, the test set with the learned decision regions, and
 * the validation loss per epoch. Each is a PNG of 1000×750 with axis labels, a legend and a title
 * that names the run's parameters.
 */
import type { ChartDataset } from 'chart.js' with { 'resolution-mode': 'import' };
import {
  ERROR_COLOUR,
  boundaryLine,
  boundsOf,
  classScatter,
  decisionRegions,
  renderCurve,
  renderPng,
  scatterByClass,
  scatterOptions,
} from './charts';
import type { Labelled, Matrix, Vector } from './types';

const INPUT_AXES: [string, string] = ['x1', 'x2'];
const PAD = 0.25;

export function plotDataset(file: string, data: Labelled, title: string): void {
  renderPng(file, {
    type: 'scatter',
    data: { datasets: scatterByClass(data.x, data.t, ['class 0', 'class 1']) },
    options: scatterOptions(title, INPUT_AXES, boundsOf(data.x, PAD)),
  });
}

export interface DecisionPlot {
  test: Labelled;
  prediction: Vector;
  /** The model's output for any points, to paint the decision regions. */
  output: (x: Matrix) => Vector;
  /** A linear model's boundary w·x + b = 0, drawn as a line. */
  boundary?: { w: Vector; b: number };
  title: string;
}

/** The test set coloured by predicted class over the decision regions; errors ringed in red. */
export function plotDecision(file: string, plot: DecisionPlot): void {
  const { test, prediction, output, boundary, title } = plot;
  const bounds = boundsOf(test.x, PAD);
  const wrong = test.x.filter((_, i) => prediction[i] !== test.t[i]);
  const datasets: ChartDataset<'scatter'>[] = [
    ...scatterByClass(test.x, prediction, ['predicted class 0', 'predicted class 1']),
    { ...classScatter(wrong, `misclassified (${wrong.length})`, ERROR_COLOUR, 6), pointStyle: 'crossRot', borderWidth: 2 },
    ...(boundary ? boundaryLine(boundary.w, boundary.b, bounds, 'decision boundary w·x + b = 0') : []),
  ];
  renderPng(file, {
    type: 'scatter',
    data: { datasets },
    options: scatterOptions(title, INPUT_AXES, bounds),
    plugins: [decisionRegions(output)],
  });
}

export function plotLoss(file: string, validationLoss: Vector, title: string): void {
  renderCurve(file, validationLoss, title, 'validation loss J (log scale)');
}
