/**
 * --animate: the frame schedule, and the GIFs themselves parsed back (omggif, an independent
 * decoder): frame count, size, frames that differ, the same bytes for the same seed.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { GifReader } from 'omggif';
import { FRAME_COUNT, frameEpochs } from '../../course/plots/animation';
import { MLP } from '../../course/training/models/mlp';
import { NETWORK } from '../../course/training/models/network';
import { NEURON } from '../../course/training/models/neuron';
import { parseSettings, runModel } from '../../course/training/run';

/** Decodes every frame of a GIF into RGBA (each frame composed over the previous ones, as a viewer shows it). */
function decode(file: string): { width: number; height: number; frames: Uint8Array[] } {
  const reader = new GifReader(readFileSync(file));
  const frames: Uint8Array[] = [];
  const canvas = new Uint8Array(reader.width * reader.height * 4);
  for (let i = 0; i < reader.numFrames(); i++) {
    reader.decodeAndBlitFrameRGBA(i, canvas); // leaves transparent pixels as they were: disposal 1
    frames.push(canvas.slice());
  }
  return { width: reader.width, height: reader.height, frames };
}

describe('frameEpochs', () => {
  it.each([1, 7, 49, 50, 1000, 2000, 10000, 100000])('%i epochs: from 0 to the last epoch, increasing, at most FRAME_COUNT frames', (epochs) => {
    const frames = frameEpochs(epochs);
    expect(frames[0]).toBe(0);
    expect(frames.at(-1)).toBe(epochs);
    expect(frames.length).toBeLessThanOrEqual(FRAME_COUNT);
    for (let i = 1; i < frames.length; i++) expect(frames[i]).toBeGreaterThan(frames[i - 1]);
  });

  it('gives the first epochs frames of their own and a run of 1000 epochs about 50 frames', () => {
    const frames = frameEpochs(1000);
    expect(frames.length).toBeGreaterThanOrEqual(FRAME_COUNT - 5);
    expect(frames.slice(0, 6)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(frames.filter((e) => e <= 100).length).toBeGreaterThan(frames.filter((e) => e > 500).length);
  });
});

describe('runModel --animate', () => {
  const out = mkdtempSync(path.join(tmpdir(), 'animation-test-'));
  const network = (dir: string) => runModel(NETWORK, { ...parseSettings(NETWORK, ['--target', 'reference', '--epochs', '4', '--quiet', '--no-plots', '--animate']), out: dir });

  it('the 2-2-1 network: one frame per scheduled epoch, the hidden space beside the input space, frames that differ', async () => {
    const run = await network(path.join(out, 'a'));
    const gif = run.plots.at(-1) ?? '';
    expect(path.basename(gif)).toBe('network-not-linearly-separable-training.gif');
    const { width, height, frames } = decode(gif);
    expect(frames).toHaveLength(frameEpochs(4).length);
    expect([width, height]).toEqual([2000, 750]);
    expect(Buffer.compare(Buffer.from(frames[0]), Buffer.from(frames.at(-1) ?? []))).not.toBe(0);
  });

  it('the same seed gives the same bytes', async () => {
    const neuron = (dir: string) => runModel(NEURON, { ...parseSettings(NEURON, ['--target', 'reference', '--epochs', '3', '--quiet', '--no-plots', '--animate']), out: dir });
    const [a, b] = [await neuron(path.join(out, 'b')), await neuron(path.join(out, 'c'))].map((run) => readFileSync(run.plots.at(-1) ?? ''));
    expect(a.equals(b)).toBe(true);
  });

  it('the hidden2 network: decision regions and the hidden space', async () => {
    const run = await runModel(MLP, { ...parseSettings(MLP, ['--target', 'reference', '--preset', 'hidden2', '--epochs', '3', '--quiet', '--no-plots', '--animate']), out });
    const { width, frames } = decode(run.plots.at(-1) ?? '');
    expect(frames).toHaveLength(4);
    expect(width).toBe(2000);
  });

  it('is off by default', () => {
    expect(parseSettings(NETWORK, []).animate).toBe(false);
  });
});
