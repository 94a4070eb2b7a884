/**
 * writeFileAtomicSync (course/cli/output.ts) on a disk that fills up mid-write: the first write
 * is short, the next fails with ENOSPC. The target must keep its old content and no temporary
 * file may stay (write-file-atomic, used before, took the short write for a whole one and
 * published a truncated file with exit 0).
 */
import fs, { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { writeFileAtomicSync } from '../../course/cli/output';

const dir = mkdtempSync(path.join(tmpdir(), 'atomic-write-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('writeFileAtomicSync', () => {
  it('writes the whole file, replacing the old one', () => {
    const file = path.join(dir, 'whole.json');
    writeFileSync(file, 'old');
    writeFileAtomicSync(file, 'x'.repeat(100_000));
    expect(readFileSync(file, 'utf8')).toHaveLength(100_000);
    expect(readdirSync(dir)).toEqual(['whole.json']);
  });

  it('keeps the old file and leaves nothing when the disk fills up after a short write', () => {
    const file = path.join(dir, 'full.json');
    writeFileSync(file, 'old');
    const write = fs.writeSync;
    let calls = 0;
    const spy = jest.spyOn(fs, 'writeSync').mockImplementation(((fd: number, buffer: NodeJS.ArrayBufferView, offset?: number, length?: number, position?: number | null) => {
      calls += 1;
      if (calls === 1) return write(fd, buffer, offset, Math.floor((length ?? 2) / 2), position); // short
      throw Object.assign(new Error('no space left on device'), { code: 'ENOSPC' });
    }) as typeof fs.writeSync);
    try {
      expect(() => writeFileAtomicSync(file, 'y'.repeat(10_000))).toThrow(/^cannot write .*full\.json \(ENOSPC\)$/);
    } finally {
      spy.mockRestore();
    }
    expect(calls).toBe(2);
    expect(readFileSync(file, 'utf8')).toBe('old');
    expect(readdirSync(dir).sort()).toEqual(['full.json', 'whole.json']);
  });
});
