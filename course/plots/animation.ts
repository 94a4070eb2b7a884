/**
 * `--animate`: the model learning, as a GIF. Each frame is rendered by chart.js exactly like the
 * PNGs (charts.ts), then encoded by gifenc, a pure-JS encoder (nothing to compile, the same bytes
 * on every machine). Frames are encoded as they come, so a run holds one frame in memory, not 50.
 */
import { writeFileAtomicSync } from '../cli/output';
import type { ChartConfiguration } from 'chart.js' with { 'resolution-mode': 'import' };
import { GIFEncoder, applyPalette, quantize, type Encoder } from 'gifenc';
import { renderPixels, type Pixels } from './charts';

/** About this many frames: a few seconds of GIF, a few seconds of rendering. */
export const FRAME_COUNT = 50;
/** How long each frame shows, in ms: the first (the initial weights) and the last linger. */
export const FRAME_DELAY = 100;
export const FIRST_DELAY = 800;
export const LAST_DELAY = 2500;
/**
 * The spacing's scale, in epochs: frame k of K shows epoch round(C·((1 + E/C)^(k/K) − 1)). That is
 * geometric for epochs well above C (as many frames from 10 to 100 as from 100 to 1000) and about
 * one frame per epoch below it, so the first epochs, where most of the learning shows, get frames
 * of their own instead of one frame per 1/50 of the run.
 */
const SCALE = 5;

/** The epochs to draw, from 0 (the initial parameters) to `epochs`, increasing, at most FRAME_COUNT. */
export function frameEpochs(epochs: number, count = FRAME_COUNT): number[] {
  const steps = count - 1;
  const frames = Array.from({ length: count }, (_, k) => Math.round(SCALE * ((1 + epochs / SCALE) ** (k / steps) - 1)));
  frames[steps] = epochs; // exactly the last epoch, whatever the rounding
  return [...new Set(frames)];
}

/**
 * A GIF written frame by frame, in one palette of up to 255 colours taken from the first frame (the
 * charts' colours and their anti-aliased edges) and one more, transparent, index. A pixel whose
 * palette index has not changed since the previous frame is written transparent and the previous
 * frame is left in place, so most of a frame (axes, legend, unchanged regions) costs almost
 * nothing. One palette for all frames matters: with a palette per frame, a pixel left in place
 * keeps an older frame's rounding of its colour, and points that moved leave faint ghosts.
 * Quantizing is deterministic, so the same run gives the same bytes.
 */
export class Animation {
  private readonly encoder: Encoder = GIFEncoder();
  private frames = 0;
  private palette: number[][] | undefined;
  private previous: { index: Uint8Array; width: number; height: number } | undefined;

  /** Renders the charts side by side and appends them as one frame shown for `delay` ms. */
  add(configurations: ChartConfiguration[], delay: number): void {
    this.addPixels(renderPixels(configurations), delay);
  }

  addPixels(pixels: Pixels, delay: number): void {
    const { data, width, height } = pixels;
    const previous = this.previous;
    if (previous !== undefined && (width !== previous.width || height !== previous.height)) {
      throw new Error(`animation frame ${width}×${height} differs from the first, ${previous.width}×${previous.height}`);
    }
    // rgb444 buckets: ten times faster than the default, and plenty for flat charts
    const palette = (this.palette ??= quantize(data, 255, { format: 'rgb444' }));
    const index = applyPalette(data, palette, 'rgb444');
    const transparentIndex = palette.length;
    const written = index.slice();
    if (previous !== undefined) for (let i = 0; i < index.length; i++) if (index[i] === previous.index[i]) written[i] = transparentIndex;
    // dispose 1: leave the frame in place, so the next one's transparent pixels show it
    this.encoder.writeFrame(written, width, height, { palette: [...palette, [255, 0, 255]], delay, repeat: 0, transparent: previous !== undefined, transparentIndex, dispose: 1 });
    this.previous = { index, width, height };
    this.frames += 1;
  }

  /** Ends the stream and writes it to `file` (atomically); returns the file. */
  save(file: string): string {
    if (this.frames === 0) throw new Error('an animation needs at least one frame');
    this.encoder.finish();
    writeFileAtomicSync(file, Buffer.from(this.encoder.bytes()));
    return file;
  }

}
