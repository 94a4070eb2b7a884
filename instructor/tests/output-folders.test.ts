/**
 * ensureWritableDirectory (course/cli/flags.ts) makes --out one level at a time. Two runs on one
 * new --out race to make the same level: the one that loses gets EEXIST, which must mean "made",
 * not "cannot write" (a fresh clone's concurrent-runs test failed on exactly that).
 */
import fs, { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ensureWritableDirectory } from '../../course/cli/flags';

describe('ensureWritableDirectory', () => {
  const base = mkdtempSync(path.join(tmpdir(), 'out-folders-'));
  afterAll(() => rmSync(base, { recursive: true, force: true }));

  it('takes a level that another run made between its check and its mkdir', () => {
    const target = path.join(base, 'shared', 'plots');
    const mkdir = fs.mkdirSync;
    const spy = jest.spyOn(fs, 'mkdirSync').mockImplementation(((dir: fs.PathLike, options?: fs.MakeDirectoryOptions) => {
      if (String(dir) === path.join(base, 'shared') && !fs.existsSync(dir)) mkdir(dir); // the other run, first
      return mkdir(dir, options);
    }) as typeof fs.mkdirSync);
    try {
      expect(ensureWritableDirectory(target)).toBe(target);
    } finally {
      spy.mockRestore();
    }
  });

  it('still refuses a level that is a file', () => {
    writeFileSync(path.join(base, 'file'), 'x');
    expect(() => ensureWritableDirectory(path.join(base, 'file', 'plots'))).toThrow(/cannot write to this directory/);
  });
});
