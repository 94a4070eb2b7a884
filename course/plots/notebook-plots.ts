/**
 * The notebook's plots: decision regions in input space with the data and each class's true curve,
 * the data mapped into a two-neuron hidden layer, and each activation beside its derivative.
 */
import type { ChartConfiguration, ChartDataset } from 'chart.js' with { 'resolution-mode': 'import' };
import { CLASS_COLOURS, ERROR_COLOUR, boundaryLine, boundsOf, classScatter, decisionRegions, renderPng, renderSideBySide, scatterByClass, scatterOptions, toPoints, type Bounds } from './charts';
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
  /** cells per side of the decision-region grid (200 by default; the animation of a wide network asks for fewer) */
  resolution?: number;
}

function inputBounds(x: Matrix): Bounds {
  return boundsOf(x, 1); // the grid reaches 1 beyond the data on each side
}

/**
 * Decision regions (prediction ≥ 0.5) over a grid 1 beyond the data, the data and the true curves,
 * the misclassified examples crossed in red as in Parts 1–2.
 */
export function notebookDecisionChart(plot: NotebookDecision): ChartConfiguration<'scatter'> {
  const bounds = inputBounds(plot.x);
  const predicted = plot.output(plot.x);
  const wrong = plot.x.filter((_, i) => (predicted[i] >= 0.5 ? 1 : 0) !== plot.y[i]);
  const datasets = [
    ...scatterByClass(plot.x, plot.y, ['class 0', 'class 1'], 5),
    { ...classScatter(wrong, `misclassified (${wrong.length})`, ERROR_COLOUR, 9), pointStyle: 'crossRot', borderWidth: 2.5 },
    curve(plot.curves[0], 'class 0: true curve', CLASS_COLOURS[0]),
    curve(plot.curves[1], 'class 1: true curve', CLASS_COLOURS[1]),
    ...(plot.line ? boundaryLine(plot.line.w, plot.line.b, bounds, plot.line.label) : []),
  ];
  return { type: 'scatter', data: { datasets }, options: scatterOptions(plot.title, ['x1', 'x2'], bounds), plugins: [decisionRegions(plot.output, plot.resolution)] };
}

export function plotNotebookDecision(file: string, plot: NotebookDecision): void {
  renderPng(file, notebookDecisionChart(plot));
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
  /** the axes' ranges; by default they fit the points (the animation fixes them, so frames do not jump) */
  bounds?: Bounds;
  /** the layer's activation; a relu neuron that outputs 0 on every point is named dead */
  activation?: string;
}

/** Nice axis ends: the range widened to whole steps of 1, 2 or 5 × 10^k (so the ticks read 0, 2, 4, not −0.6 … 6.9). */
function niceRange(min: number, max: number): [number, number] {
  const raw = (max - min) / 5;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * magnitude).find((s) => s >= raw) ?? 10 * magnitude;
  return [Math.floor(min / step) * step, Math.ceil(max / step) * step];
}

/**
 * The neurons of the layer that output 0 on every example and every point of the true curves: a
 * relu whose pre-activation is negative everywhere the data goes. Its gradient is 0 there too, so
 * no step of gradient descent can revive it.
 */
export function deadNeurons(points: Matrix): number[] {
  return [0, 1].filter((j) => points.every((p) => p[j] === 0));
}

/** The data and the true curves in the space of the last hidden layer, with the output neuron's line. */
export function notebookHiddenChart(plot: NotebookHidden): ChartConfiguration<'scatter'> {
  const everything = [...plot.hidden, ...plot.curves[0], ...plot.curves[1]];
  const dead = plot.activation === 'relu' ? deadNeurons(everything) : [];
  const fitted = (() => {
    const pad = boundsOf(everything, 0.1 * Math.max(1e-9, ...everything.flat().map(Math.abs)));
    const [xMin, xMax] = dead.includes(0) ? [-1, 1] : niceRange(pad.xMin, pad.xMax);
    const [yMin, yMax] = dead.includes(1) ? [-1, 1] : niceRange(pad.yMin, pad.yMax);
    return { xMin, xMax, yMin, yMax };
  })();
  const bounds = plot.bounds ?? fitted;
  const output = (grid: Matrix) => grid.map(([h1, h2]) => 1 / (1 + Math.exp(-(plot.w[0] * h1 + plot.w[1] * h2 + plot.b))));
  const datasets = [
    ...scatterByClass(plot.hidden, plot.y, ['class 0', 'class 1'], 5),
    curve(plot.curves[0], 'class 0: true curve, mapped', CLASS_COLOURS[0]),
    curve(plot.curves[1], 'class 1: true curve, mapped', CLASS_COLOURS[1]),
    ...boundaryLine(plot.w, plot.b, bounds, 'output neuron: w·h + b = 0'),
  ];
  const axes: [string, string] = [`h1 (last hidden layer, neuron 1)${dead.includes(0) ? ': dead, 0 everywhere' : ''}`, `h2 (neuron 2)${dead.includes(1) ? ': dead, 0 everywhere' : ''}`];
  const options = scatterOptions(plot.title, axes, bounds);
  if (dead.length > 0 && options?.plugins) {
    // why the "2-D" plot is a line: say it on the plot itself
    const which = dead.map((j) => `neuron ${j + 1}`).join(' and ');
    options.plugins.subtitle = {
      display: true,
      font: { size: 14 },
      padding: { bottom: 10 },
      text: [
        `Dead ReLU: ${which} of this layer outputs 0 for every example, so the points lie on a line.`,
        'Its pre-activation is negative wherever the data goes; relu\'s slope there is 0, so its weights get no gradient and it never recovers.',
        'The output neuron separates the classes with the other neuron alone. Try another --seed, a smaller --learning-rate or tanh in that layer.',
      ],
    };
  }
  return { type: 'scatter', data: { datasets }, options, plugins: [decisionRegions(output)] };
}

export function plotNotebookHidden(file: string, plot: NotebookHidden): void {
  renderPng(file, notebookHiddenChart(plot));
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
