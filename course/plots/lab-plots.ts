/**
 * The lab's plots (plotting.py): the dataset, the test set with the learned decision regions, and
 * the validation loss per epoch. Each is a PNG of 1000×750 with axis labels, a legend and a title
 * that names the run's parameters.
 */
import type { ChartConfiguration, ChartDataset } from 'chart.js' with { 'resolution-mode': 'import' };
import {
  ERROR_COLOUR,
  LINE_COLOURS,
  boundaryLine,
  boundsOf,
  classScatter,
  decisionRegions,
  renderCurve,
  renderPng,
  renderSideBySide,
  scatterByClass,
  scatterOptions,
} from './charts';
import type { Labelled, Matrix, Vector } from '../../lib/types';

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
  /** Lines w·x + b = 0 to draw: a neuron's decision boundary, a network's hidden neurons. */
  lines?: Line[];
  title: string;
}

export interface Line {
  w: Vector;
  b: number;
  label: string;
}

/** The test set coloured by predicted class over the decision regions; errors crossed in red. */
export function decisionChart(plot: DecisionPlot): ChartConfiguration<'scatter'> {
  const { test, prediction, output, lines = [], title } = plot;
  const bounds = boundsOf(test.x, PAD);
  const wrong = test.x.filter((_, i) => prediction[i] !== test.t[i]);
  const datasets: ChartDataset<'scatter'>[] = [
    ...scatterByClass(test.x, prediction, ['predicted class 0', 'predicted class 1']),
    { ...classScatter(wrong, `misclassified (${wrong.length})`, ERROR_COLOUR, 6), pointStyle: 'crossRot', borderWidth: 2 },
    ...lines.flatMap((line, i) => boundaryLine(line.w, line.b, bounds, line.label, LINE_COLOURS[i % LINE_COLOURS.length])),
  ];
  return { type: 'scatter', data: { datasets }, options: scatterOptions(title, INPUT_AXES, bounds), plugins: [decisionRegions(output)] };
}

export function plotDecision(file: string, plot: DecisionPlot): void {
  renderPng(file, decisionChart(plot));
}

export interface HiddenSpacePlot {
  /** Each test sample's hidden outputs (h1, h2) and its class. */
  hidden: Matrix;
  t: Vector;
  /** The output neuron: y = σ(w·h + b). */
  w: Vector;
  b: number;
  title: string;
}

/**
 * The hidden space (test samples at (h1, h2) by class, the output neuron's line w·h + b = 0 and
 * its regions) beside the decision regions in input space.
 */
export function plotHiddenSpace(file: string, hiddenPlot: HiddenSpacePlot, inputPlot: DecisionPlot): void {
  renderSideBySide(file, [hiddenSpaceChart(hiddenPlot), decisionChart(inputPlot)]);
}

/** The hidden-space chart alone (the left of plotHiddenSpace), for the animation's frames too. */
export function hiddenSpaceChart(hiddenPlot: HiddenSpacePlot): ChartConfiguration<'scatter'> {
  const { hidden, t, w, b, title } = hiddenPlot;
  const bounds = { xMin: -0.05, xMax: 1.05, yMin: -0.05, yMax: 1.05 };
  const sigmoidOfLine = (grid: Matrix) => grid.map(([h1, h2]) => 1 / (1 + Math.exp(-(w[0] * h1 + w[1] * h2 + b))));
  return {
    type: 'scatter',
    data: { datasets: [...scatterByClass(hidden, t, ['class 0', 'class 1']), ...boundaryLine(w, b, bounds, 'output neuron: w·h + b = 0')] },
    options: scatterOptions(title, ['h1 (hidden neuron 1)', 'h2 (hidden neuron 2)'], bounds),
    plugins: [decisionRegions(sigmoidOfLine)],
  };
}

export function plotLoss(file: string, validationLoss: Vector, title: string): void {
  renderCurve(file, validationLoss, title, 'validation loss J (log scale)');
}
