/**
 * What the notebook's models (Part 3) share: their names for activations and costs, the 25 points,
 * the score (misclassified of 25 and the final cost) and the plots (decision regions with the true
 * curves, the cost per epoch, and the data in a two-neuron hidden layer).
 */
import path from 'node:path';
import { Mat } from '../../lib/matrix';
import type { Activation, Cost } from '../../lib/notebook';
import type { Matrix, Vector } from '../../lib/types';
import { TRUE_CURVES, type DataShape } from '../data/notebook-data';
import { renderCurve } from '../plots/charts';
import type { Line } from '../plots/lab-plots';
import { plotNotebookDecision, plotNotebookHidden, trueCurvePoints } from '../plots/notebook-plots';
import { loadModule, type Target } from '../targets';
import type { Evaluation, RunSettings } from './model';

type ActivationsModule = typeof import('../../exercises/activations');
type CostsModule = typeof import('../../exercises/costs');

export const ACTIVATIONS = ['logistic', 'tanh', 'relu'] as const;
export type ActivationName = (typeof ACTIVATIONS)[number];
export const COSTS = ['cross-entropy', 'mse'] as const;
export type CostName = (typeof COSTS)[number];
export const DATA_SHAPES = ['sin', 'linear'] as const;

export interface NotebookSettings extends RunSettings {
  data: DataShape;
  cost: CostName;
}

/** The student's cost function by its flag name. */
export function costFunction(target: Target, name: CostName): Cost {
  const costs = loadModule<CostsModule>(target, 'costs');
  return name === 'mse' ? costs.meanSquaredError : costs.crossEntropy;
}

/** The student's activation functions by their flag names. */
export function activationFunctions(target: Target, names: readonly ActivationName[]): Activation[] {
  const activations = loadModule<ActivationsModule>(target, 'activations');
  return names.map((name) => activations[name]);
}

/** Misclassified examples (prediction ≥ 0.5 against the 0/1 targets) and the final cost. */
export function notebookEvaluation(output: Mat, y: Mat, cost: Cost, extraLines: string[] = []): Evaluation {
  let misclassified = 0;
  for (let i = 0; i < y.data.length; i++) if ((output.data[i] >= 0.5 ? 1 : 0) !== y.data[i]) misclassified += 1;
  const finalCost = cost(output, y);
  return {
    lines: [...extraLines, `${misclassified} of ${y.rows} misclassified, final cost ${finalCost.toExponential(4)}`],
    scores: { finalCost, misclassified },
    result: `${misclassified} of ${y.rows} misclassified, cost ${finalCost.toFixed(4)}`,
    lossField: 'costs',
  };
}

export interface NotebookPlots {
  /** the files are <stem>-decision.png, <stem>-cost.png and <stem>-hidden.png */
  stem: string;
  x: Mat;
  y: Mat;
  data: DataShape;
  cost: CostName;
  /** the model's output for any points, for the decision regions */
  output: (points: Matrix) => Vector;
  /** a straight boundary to draw (logistic regression's) */
  line?: Line;
  title: string;
  settings: string;
  /** the last hidden layer's values for any points, with the output neuron's weights, where it has two neurons */
  hidden?: { of: (points: Matrix) => Matrix; w: Vector; b: number };
}

/** The decision regions with the data and true curves, the cost per epoch and, if given, the hidden space. */
export function drawNotebookPlots(outDir: string, plot: NotebookPlots, costs: number[]): string[] {
  const stem = path.join(outDir, plot.stem);
  const xs = plot.x.toArray().map((r) => r[0]);
  const curves = trueCurvePoints(TRUE_CURVES[plot.data], Math.min(...xs) - 1, Math.max(...xs) + 1);
  const files = [`${stem}-decision.png`, `${stem}-cost.png`];
  plotNotebookDecision(files[0], { x: plot.x.toArray(), y: Array.from(plot.y.data), curves, output: plot.output, line: plot.line, title: plot.title });
  renderCurve(files[1], costs, `Cost per epoch: ${plot.settings}`, `${plot.cost} cost (log scale)`);
  if (plot.hidden) {
    const { of, w, b } = plot.hidden;
    plotNotebookHidden(`${stem}-hidden.png`, {
      hidden: of(plot.x.toArray()),
      y: Array.from(plot.y.data),
      curves: [of(curves[0]), of(curves[1])],
      w,
      b,
      title: `${plot.title.replace(/, input space$/, '')}, the space of the last hidden layer`,
    });
    files.push(`${stem}-hidden.png`);
  }
  return files;
}

