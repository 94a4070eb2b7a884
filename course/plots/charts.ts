/**
 * Chart building blocks, headless: chart.js rendered by chartjs-node-canvas on @napi-rs/canvas (package.json
 * aliases `canvas` to it, so nothing is compiled on install). Only the synchronous renderer works
 * under the alias. Shared building blocks for every plot the lab draws live here.
 */
import type { ChartConfiguration, ChartDataset, Plugin, ScatterDataPoint } from 'chart.js' with { 'resolution-mode': 'import' };
import path from 'node:path';
import type * as Canvas from 'canvas'; // @napi-rs/canvas, aliased in package.json: one instance with chartjs-node-canvas
import type { ChartJSNodeCanvas } from 'chartjs-node-canvas';
import type { Matrix, Vector } from '../../lib/types';
import { writeFileAtomicSync } from '../cli/output';

export const WIDTH = 1000;
export const HEIGHT = 750;

/** The two classes' colours, strong for points and pale for the decision regions. */
export const CLASS_COLOURS = ['#1f77b4', '#ff7f0e'] as const;
export const REGION_COLOURS = ['rgba(31, 119, 180, 0.16)', 'rgba(255, 127, 14, 0.16)'] as const;
export const ERROR_COLOUR = '#d62728';

/**
 * The font every chart uses, shipped by the dejavu-fonts-ttf package: the same pictures on every
 * machine, whatever fonts it has (a generic "sans-serif" resolved differently from run to run).
 */
export const FONT_FAMILY = 'Lab Sans';

/**
 * The native canvas and chart.js load on the first chart drawn, not at start-up: a run without
 * plots (--no-plots, the tests) never pays for them.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const canvasModule = (): typeof Canvas => require('canvas') as typeof Canvas;

let renderer: ChartJSNodeCanvas | undefined;

function createRenderer(): ChartJSNodeCanvas {
  const { GlobalFonts } = canvasModule();
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { ChartJSNodeCanvas } = require('chartjs-node-canvas') as typeof import('chartjs-node-canvas');
  const fonts = path.join(path.dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
  for (const file of ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf']) {
    if (GlobalFonts.registerFromPath(path.join(fonts, file), FONT_FAMILY) === null) throw new Error(`cannot load the font ${file}`);
  }
  return new ChartJSNodeCanvas({
    width: WIDTH,
    height: HEIGHT,
    backgroundColour: 'white',
    chartCallback: (chartJs) => {
      chartJs.defaults.font.family = FONT_FAMILY;
    },
  });
}

function renderBuffer(configuration: ChartConfiguration, mimeType: 'image/png' | 'image/jpeg' = 'image/png'): Buffer {
  renderer ??= createRenderer();
  return renderer.renderToBufferSync(
    { ...configuration, options: { ...configuration.options, animation: false, responsive: false } },
    mimeType,
  );
}

/** PNGs being encoded on libuv's threads while the next chart is drawn; plotsWritten() waits for them. */
const encoding: Promise<void>[] = [];

/**
 * Tracks a PNG's encoding and write. A failure is handled here too: a run that fails before it
 * waits (a student's function throwing in the next plot) discards its staging instead, and an
 * encoding that ends after that must not end the process with an unhandled rejection.
 */
function track(write: Promise<void>): void {
  write.catch(() => undefined);
  encoding.push(write);
}

/**
 * Renders one chart configuration to a PNG file, written atomically (never a truncated PNG). The
 * chart is drawn here and encoded on another thread, the other core's work while this one draws
 * the next chart: the file is there once plotsWritten() has resolved.
 */
export function renderPng(file: string, configuration: ChartConfiguration): void {
  const chart = drawChart(configuration);
  if (chart === undefined) writeFileAtomicSync(file, renderBuffer(configuration));
  else track(writePng(file, chart));
}

async function writePng(file: string, chart: DrawnChart): Promise<void> {
  try {
    writeFileAtomicSync(file, await chart.canvas.encode('png'));
  } finally {
    chart.destroy();
  }
}

/** Waits until every PNG that renderPng started is written; rejects with the first failure, once all have ended. */
export async function plotsWritten(): Promise<void> {
  const failed = (await Promise.allSettled(encoding.splice(0))).find((result) => result.status === 'rejected');
  if (failed !== undefined) throw failed.reason;
}

/** An image's RGBA pixels, row by row. */
export interface Pixels {
  data: Uint8ClampedArray;
  width: number;
  height: number;
}

/**
 * Renders charts next to each other, left to right, into one image's pixels. Each chart's pixels
 * are captured by a plugin once it has drawn (decoding a rendered PNG back would be asynchronous).
 * The animations (animation.ts) encode these pixels as GIF frames: the same charts as the PNGs.
 */
export function renderPixels(configurations: ChartConfiguration[]): Pixels {
  const width = WIDTH * configurations.length;
  const data = new Uint8ClampedArray(width * HEIGHT * 4);
  configurations.forEach((configuration, i) => {
    const pixels = chartPixels(configuration);
    for (let row = 0; row < HEIGHT; row++) data.set(pixels.subarray(row * WIDTH * 4, (row + 1) * WIDTH * 4), (row * width + i * WIDTH) * 4);
  });
  return { data, width, height: HEIGHT };
}

interface DrawnChart {
  canvas: { data(): Uint8Array; encode(format: 'png'): Promise<Buffer> };
  destroy(): void;
}

/**
 * chartjs-node-canvas's drawing step (private in its types; it draws and then encodes, but an
 * animation needs no encoding and a PNG can be encoded on another thread). Undefined where a
 * version lacks it: the callers then render through the public, synchronous renderToBufferSync.
 */
function drawChart(configuration: ChartConfiguration): DrawnChart | undefined {
  renderer ??= createRenderer();
  const drawing = (renderer as unknown as { renderChart?: (c: ChartConfiguration) => DrawnChart }).renderChart;
  if (typeof drawing !== 'function') return undefined;
  // a copy of the options: the drawing step sets animation and responsive on the object it gets
  return drawing.call(renderer, { ...configuration, options: { ...configuration.options, animation: false, responsive: false } });
}

/**
 * One chart's RGBA pixels (opaque: the background is white), from the drawing step without an
 * encoding (a JPEG per frame cost a sixth of --animate's time), or else a plugin takes the pixels
 * before a JPEG that is thrown away.
 */
function chartPixels(configuration: ChartConfiguration): Uint8ClampedArray {
  const chart = drawChart(configuration);
  if (chart !== undefined) {
    const pixels = new Uint8ClampedArray(chart.canvas.data());
    chart.destroy();
    return pixels;
  }
  let pixels: Uint8ClampedArray | undefined;
  const capture: Plugin = { id: 'capturePixels', afterRender: (chart) => void (pixels = chart.ctx.getImageData(0, 0, WIDTH, HEIGHT).data) };
  renderBuffer({ ...configuration, plugins: [...(configuration.plugins ?? []), capture] }, 'image/jpeg');
  if (pixels === undefined) throw new Error('chart.js did not render the chart');
  return pixels;
}

/** Renders charts next to each other, left to right, into one PNG file (written atomically, encoded like renderPng's). */
export function renderSideBySide(file: string, configurations: ChartConfiguration[]): void {
  const { data, width, height } = renderPixels(configurations);
  const { ImageData, createCanvas } = canvasModule();
  const canvas = createCanvas(width, height);
  canvas.getContext('2d').putImageData(new ImageData(data, width, height), 0, 0);
  track(canvas.encode('png').then((png) => writeFileAtomicSync(file, png)));
}

export interface Bounds {
  xMin: number;
  xMax: number;
  yMin: number;
  yMax: number;
}

/** The data's bounding box, widened by `pad` on each side. */
export function boundsOf(points: Matrix, pad: number): Bounds {
  const xs = points.map((p) => p[0]);
  const ys = points.map((p) => p[1]);
  return {
    xMin: Math.min(...xs) - pad,
    xMax: Math.max(...xs) + pad,
    yMin: Math.min(...ys) - pad,
    yMax: Math.max(...ys) + pad,
  };
}

export const toPoints = (points: Matrix): ScatterDataPoint[] => points.map(([x, y]) => ({ x, y }));

/** Points of one class as a scatter dataset. */
export function classScatter(points: Matrix, label: string, colour: string, radius = 2.5): ChartDataset<'scatter'> {
  return { type: 'scatter', label, data: toPoints(points), backgroundColor: colour, borderColor: colour, pointRadius: radius };
}

/** Splits `points` by the 0/1 value in `labels` into two scatter datasets. */
export function scatterByClass(points: Matrix, labels: Vector, names: readonly [string, string], radius = 2.5): ChartDataset<'scatter'>[] {
  return [0, 1].map((c) =>
    classScatter(
      points.filter((_, i) => labels[i] === c),
      names[c],
      CLASS_COLOURS[c],
      radius,
    ),
  );
}

export const LINE_COLOURS = ['#222222', '#2ca02c', '#9467bd'] as const;

/** The line w1·u + w2·v + b = 0 clipped to the bounds, as a dashed line dataset (none if w = 0). */
export function boundaryLine(w: Vector, b: number, bounds: Bounds, label: string, colour: string = LINE_COLOURS[0]): ChartDataset<'scatter'>[] {
  const [w1, w2] = w;
  let points: ScatterDataPoint[];
  if (Math.abs(w2) >= Math.abs(w1)) {
    if (w2 === 0) return [];
    points = [bounds.xMin, bounds.xMax].map((x) => ({ x, y: -(b + w1 * x) / w2 }));
  } else {
    points = [bounds.yMin, bounds.yMax].map((y) => ({ x: -(b + w2 * y) / w1, y }));
  }
  return [{ type: 'scatter', label, data: points, showLine: true, borderColor: colour, backgroundColor: colour, borderDash: [8, 5], borderWidth: 2, pointRadius: 0 }];
}

/**
 * How many grid points one call of `predict` gets. A network's forward pass allocates points ×
 * width numbers per layer, so the whole 200 × 200 grid at once would need gigabytes for a wide
 * layer; a row at a time keeps it to 200 × width, whatever the width.
 */
export const PREDICT_CHUNK = 200;

/** `predict` over `grid` in chunks of PREDICT_CHUNK points, concatenated. */
export function predictInChunks(predict: (grid: Matrix) => Vector, grid: Matrix, chunk = PREDICT_CHUNK): number[] {
  const probability: number[] = [];
  for (let start = 0; start < grid.length; start += chunk) {
    const part = predict(grid.slice(start, start + chunk));
    for (let i = 0; i < part.length; i++) probability.push(part[i]);
  }
  return probability;
}

/**
 * A chart.js plugin that paints the plot area by predicted class: `predict` receives a grid of
 * points (rows of [u, v]) covering the axes, a chunk at a time, and returns one probability per point.
 */
export function decisionRegions(predict: (grid: Matrix) => Vector, resolution = 200): Plugin<'scatter'> {
  return {
    id: 'decisionRegions',
    beforeDatasetsDraw(chart) {
      const { x: xScale, y: yScale } = chart.scales;
      const { left, right, top, bottom } = chart.chartArea;
      const grid: Matrix = [];
      for (let row = 0; row < resolution; row++) {
        for (let col = 0; col < resolution; col++) {
          const px = left + ((col + 0.5) / resolution) * (right - left);
          const py = top + ((row + 0.5) / resolution) * (bottom - top);
          grid.push([xScale.getValueForPixel(px) ?? 0, yScale.getValueForPixel(py) ?? 0]);
        }
      }
      const probability = predictInChunks(predict, grid);
      // cells snapped to whole pixels, so neighbours neither overlap nor leave seams
      const edgeX = (col: number) => Math.round(left + (col / resolution) * (right - left));
      const edgeY = (row: number) => Math.round(top + (row / resolution) * (bottom - top));
      const ctx = chart.ctx;
      ctx.save();
      // one rectangle per run of equal cells in a row: the same pixels as a rectangle per cell
      // (the edges are whole pixels, so nothing overlaps), a hundred times fewer canvas calls
      const classes = probability.map((p) => (p >= 0.5 ? 1 : 0));
      for (let row = 0; row < resolution; row++) {
        const cls = (col: number) => classes[row * resolution + col];
        let start = 0;
        for (let col = 1; col <= resolution; col++) {
          if (col < resolution && cls(col) === cls(start)) continue;
          ctx.fillStyle = REGION_COLOURS[cls(start)];
          ctx.fillRect(edgeX(start), edgeY(row), edgeX(col) - edgeX(start), edgeY(row + 1) - edgeY(row));
          start = col;
        }
      }
      ctx.restore();
    },
  };
}

/** Common options of a 2-D scatter chart with titled axes. */
export function scatterOptions(title: string, axes: [string, string], bounds?: Bounds): ChartConfiguration<'scatter'>['options'] {
  return {
    plugins: {
      title: { display: true, text: title, font: { size: 17 } },
      legend: { position: 'bottom', labels: { usePointStyle: true } },
    },
    scales: {
      x: { type: 'linear', title: { display: true, text: axes[0] }, min: bounds?.xMin, max: bounds?.xMax },
      y: { type: 'linear', title: { display: true, text: axes[1] }, min: bounds?.yMin, max: bounds?.yMax },
    },
  };
}

/** A line chart of one value per epoch. */
export function renderCurve(file: string, values: Vector, title: string, yLabel: string, logScale = true): void {
  renderPng(file, {
    type: 'line',
    data: {
      datasets: [{ label: yLabel, data: values.map((y, i) => ({ x: i + 1, y })), borderColor: CLASS_COLOURS[0], borderWidth: 2, pointRadius: 0 }],
    },
    options: {
      plugins: { title: { display: true, text: title, font: { size: 17 } }, legend: { position: 'bottom' } },
      scales: {
        x: { type: 'linear', min: 1, max: Math.max(2, values.length), title: { display: true, text: 'epoch' } },
        y: { type: logScale ? 'logarithmic' : 'linear', title: { display: true, text: yLabel } },
      },
    },
  });
}
