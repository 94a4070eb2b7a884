/**
 * What the notebook's models (Part 3) share: their names for activations and costs, the 25 points,
 * the score (misclassified of 25 and the final cost) and the plots (decision regions with the true
 * curves, the cost per epoch, and the data in a two-neuron hidden layer).
 */
import path from 'node:path';
import type { ChartConfiguration } from 'chart.js' with { 'resolution-mode': 'import' };
import { Mat } from '../../lib/matrix';
import type { Activation, Cost } from '../../lib/notebook';
import type { Matrix, Vector } from '../../lib/types';
import { TRUE_CURVES, type DataShape } from '../data/notebook-data';
import { renderCurve } from '../plots/charts';
import type { Line } from '../plots/lab-plots';
import type { Bounds } from '../plots/charts';
import { notebookDecisionChart, notebookHiddenChart, plotNotebookDecision, plotNotebookHidden, trueCurvePoints } from '../plots/notebook-plots';
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
    lines: [...extraLines, `${misclassified} of ${y.rows} misclassified, final cost ${finalCost.toExponential(4)} (after the last step)`],
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
  hidden?: { of: (points: Matrix) => Matrix; w: Vector; b: number; activation?: string };
  /** the decision grid's cells per side (200 by default) */
  resolution?: number;
}

/** The true curves along the data's x1 range, 1 beyond it on each side. */
function curvesFor(plot: NotebookPlots): [Matrix, Matrix] {
  const xs = plot.x.toArray().map((r) => r[0]);
  return trueCurvePoints(TRUE_CURVES[plot.data], Math.min(...xs) - 1, Math.max(...xs) + 1);
}

/** The hidden layer's range when its activation bounds it (tanh, logistic): fixed axes for the animation. */
const BOUNDED: Record<string, Bounds> = {
  tanh: { xMin: -1.1, xMax: 1.1, yMin: -1.1, yMax: 1.1 },
  logistic: { xMin: -0.05, xMax: 1.05, yMin: -0.05, yMax: 1.05 },
};

/**
 * One --animate frame: the decision regions with the data (misclassified crossed) and, when the
 * last hidden layer has two neurons with a bounded activation, the hidden space beside it on
 * fixed axes (an unbounded relu layer's axes would jump from frame to frame).
 */
export function notebookFrame(plot: NotebookPlots): ChartConfiguration[] {
  const curves = curvesFor(plot);
  const decision = notebookDecisionChart({ x: plot.x.toArray(), y: Array.from(plot.y.data), curves, output: plot.output, line: plot.line, title: plot.title, resolution: plot.resolution });
  const bounds = plot.hidden?.activation === undefined ? undefined : BOUNDED[plot.hidden.activation];
  if (plot.hidden === undefined || bounds === undefined) return [decision];
  const { of, w, b, activation } = plot.hidden;
  const hidden = notebookHiddenChart({ hidden: of(plot.x.toArray()), y: Array.from(plot.y.data), curves: [of(curves[0]), of(curves[1])], w, b, title: 'The space of the last hidden layer', bounds, activation });
  return [hidden, decision];
}

/** The decision regions with the data and true curves, the cost per epoch and, if given, the hidden space. */
export function drawNotebookPlots(outDir: string, plot: NotebookPlots, costs: number[]): string[] {
  const stem = path.join(outDir, plot.stem);
  const curves = curvesFor(plot);
  const files = [`${stem}-decision.png`, `${stem}-cost.png`];
  plotNotebookDecision(files[0], { x: plot.x.toArray(), y: Array.from(plot.y.data), curves, output: plot.output, line: plot.line, title: plot.title });
  renderCurve(files[1], costs, `Cost per epoch: ${plot.settings}`, `${plot.cost} cost (log scale)`);
  if (plot.hidden) {
    const { of, w, b, activation } = plot.hidden;
    plotNotebookHidden(`${stem}-hidden.png`, {
      hidden: of(plot.x.toArray()),
      y: Array.from(plot.y.data),
      curves: [of(curves[0]), of(curves[1])],
      w,
      b,
      title: `${plot.title.replace(/, input space$/, '')}, the space of the last hidden layer`,
      activation,
    });
    files.push(`${stem}-hidden.png`);
  }
  return files;
}

