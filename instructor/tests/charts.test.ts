/**
 * renderPng draws a chart at once and encodes its PNG on another thread; plotsWritten() is when
 * the files are there, and where a failed write is reported.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { plotsWritten, renderCurve } from '../../course/plots/charts';

const dir = mkdtempSync(path.join(tmpdir(), 'charts-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('renderPng and plotsWritten', () => {
  it('writes every PNG started, complete, once plotsWritten resolves', async () => {
    const files = [1, 2, 3].map((i) => path.join(dir, `curve-${i}.png`));
    files.forEach((file, i) => renderCurve(file, [3, 2, 1].map((v) => v * (i + 1)), `curve ${i}`, 'cost'));
    await plotsWritten();
    for (const file of files) {
      const png = readFileSync(file);
      expect(png.subarray(1, 4).toString()).toBe('PNG');
      expect(png.subarray(-8, -4).toString()).toBe('IEND'); // the last chunk: nothing truncated
    }
  });

  it('rejects with one line naming the file when a write fails, after the others are written', async () => {
    const bad = path.join(dir, 'no-such-folder', 'curve.png');
    const good = path.join(dir, 'after.png');
    renderCurve(bad, [1, 2], 'bad', 'cost');
    renderCurve(good, [1, 2], 'good', 'cost');
    await expect(plotsWritten()).rejects.toThrow(/^cannot write .*curve\.png \(ENOENT\)$/);
    expect(existsSync(good)).toBe(true);
    await expect(plotsWritten()).resolves.toBeUndefined(); // nothing is left pending
  });
});
