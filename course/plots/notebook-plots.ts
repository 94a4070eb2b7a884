/**
 * The notebook's plots: decision regions in input space with the data and each class's true curve,
 * the data mapped into a two-neuron hidden layer, and each activation beside its derivative.
 */
import type { ChartConfiguration, ChartDataset } from 'chart.js' with { 'resolution-mode': 'import' };
import { CLASS_COLOURS, boundaryLine, boundsOf, decisionRegions, renderPng, renderSideBySide, scatterByClass, scatterOptions, toPoints, type Bounds } from './charts';
import type { Line } from './lab-plots';
import type { Matrix, Vector } from '../../lib/types';

const CURVE_POINTS = 300;

/** A curve through `points` (rows of [u, v]) as a line dataset in a class's colour. */
function curve(points: Matrix, label: string, colour: string): ChartDataset<'scatter'> {
  return { type: 'scatter', label, data: toPoints(points), showLine: true, borderColor: colour, backgroundColor: colour, borderWidth: 1.5, borderDash: [3, 3], pointRadius: 0 };
}

/** x1 from `from` to `to` and each class's true curve x2 = f(x1) along it. */
export function trueCurvePoints(curves: [(x1: number) => number, (x1: number) => number], from: number, to: number): [Matrix, Matrix] {
  const x1s = Array.from({ length: CURVE_POINTS }, (_, i) => from + ((to - from) * i) / (CURVE_POINTS - 1));
  return [x1s.map((x1) => [x1, curves[0](x1)]), x1s.map((x1) => [x1, curves[1](x1)])];
}

export interface NotebookDecision {
  x: Matrix;
  y: Vector;
  curves: [Matrix, Matrix];
  output: (points: Matrix) => Vector;
  line?: Line;
  title: string;
}

function inputBounds(x: Matrix): Bounds {
  return boundsOf(x, 1); // the grid reaches 1 beyond the data on each side
}

/** Decision regions (prediction ≥ 0.5) over a grid 1 beyond the data, the data and the true curves. */
export function plotNotebookDecision(file: string, plot: NotebookDecision): void {
  const bounds = inputBounds(plot.x);
  const datasets = [
    ...scatterByClass(plot.x, plot.y, ['class 0', 'class 1'], 5),
    curve(plot.curves[0], 'class 0: true curve', CLASS_COLOURS[0]),
    curve(plot.curves[1], 'class 1: true curve', CLASS_COLOURS[1]),
    ...(plot.line ? boundaryLine(plot.line.w, plot.line.b, bounds, plot.line.label) : []),
  ];
  renderPng(file, { type: 'scatter', data: { datasets }, options: scatterOptions(plot.title, ['x1', 'x2'], bounds), plugins: [decisionRegions(plot.output)] });
}

export interface NotebookHidden {
  /** The examples' outputs of the last hidden layer (two neurons). */
  hidden: Matrix;
  y: Vector;
  /** Each class's true curve mapped through the network to the last hidden layer. */
  curves: [Matrix, Matrix];
  /** The output neuron: σ(w·h + b). */
  w: Vector;
  b: number;
  title: string;
}

/** The data and the true curves in the space of the last hidden layer, with the output neuron's line. */
export function plotNotebookHidden(file: string, plot: NotebookHidden): void {
  const everything = [...plot.hidden, ...plot.curves[0], ...plot.curves[1]];
  const bounds = boundsOf(everything, 0.1 * Math.max(1e-9, ...everything.flat().map(Math.abs)));
  const output = (grid: Matrix) => grid.map(([h1, h2]) => 1 / (1 + Math.exp(-(plot.w[0] * h1 + plot.w[1] * h2 + plot.b))));
  const datasets = [
    ...scatterByClass(plot.hidden, plot.y, ['class 0', 'class 1'], 5),
    curve(plot.curves[0], 'class 0: true curve, mapped', CLASS_COLOURS[0]),
    curve(plot.curves[1], 'class 1: true curve, mapped', CLASS_COLOURS[1]),
    ...boundaryLine(plot.w, plot.b, bounds, 'output neuron: w·h + b = 0'),
  ];
  renderPng(file, { type: 'scatter', data: { datasets }, options: scatterOptions(plot.title, ['h1 (last hidden layer, neuron 1)', 'h2 (neuron 2)'], bounds), plugins: [decisionRegions(output)] });
}

/** Each activation (solid) beside its derivative (dashed) on [−5, 5], one panel each. */
export function plotActivations(file: string, activations: { name: string; f: (v: number) => number; df: (v: number) => number }[]): void {
  const zs = Array.from({ length: 401 }, (_, i) => -5 + i * 0.025);
  const panels: ChartConfiguration[] = activations.map(({ name, f, df }) => ({
    type: 'scatter',
    data: {
      datasets: [
        { type: 'scatter', label: `${name}(z)`, data: zs.map((z) => ({ x: z, y: f(z) })), showLine: true, borderColor: CLASS_COLOURS[0], backgroundColor: CLASS_COLOURS[0], borderWidth: 2.5, pointRadius: 0 },
        { type: 'scatter', label: `${name}'(z)`, data: zs.map((z) => ({ x: z, y: df(z) })), showLine: true, borderColor: CLASS_COLOURS[1], backgroundColor: CLASS_COLOURS[1], borderWidth: 2.5, borderDash: [8, 5], pointRadius: 0 },
      ],
    },
    options: scatterOptions(`${name} and its derivative`, ['z', `${name}(z), ${name}'(z)`], { xMin: -5, xMax: 5, yMin: name === 'relu' ? -0.5 : -1.1, yMax: name === 'relu' ? 5 : 1.1 }),
  }));
  renderSideBySide(file, panels);
}
