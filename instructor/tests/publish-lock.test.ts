/**
 * course/cli/publish-lock.ts: one run publishes into a folder at a time; a lock whose owner is gone
 * is taken over; a live one is waited for, up to a limit.
 */
import { spawnSync } from 'node:child_process';
import fs, { existsSync, mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { LOCK, withPublishLock } from '../../course/cli/publish-lock';

const base = mkdtempSync(path.join(tmpdir(), 'publish-lock-test-'));
afterAll(() => rmSync(base, { recursive: true, force: true }));
const fail = (why: string) => new Error(`cannot lock: ${why}`);

function folder(name: string, owner?: number): string {
  const dir = path.join(base, name);
  mkdirSync(dir);
  if (owner !== undefined) {
    mkdirSync(path.join(dir, LOCK));
    writeFileSync(path.join(dir, LOCK, 'pid'), String(owner));
  }
  return dir;
}

describe('withPublishLock', () => {
  it('runs the publish step holding the lock and releases it', async () => {
    const dir = folder('free');
    const held = await withPublishLock(dir, () => existsSync(path.join(dir, LOCK)), fail);
    expect(held).toBe(true);
    expect(existsSync(path.join(dir, LOCK))).toBe(false);
  });

  it("takes over the lock of a run that is gone (killed while publishing)", async () => {
    const dead = spawnSync(process.execPath, ['-e', '0']).pid;
    const dir = folder('stale', dead);
    await expect(withPublishLock(dir, () => 'published', fail)).resolves.toBe('published');
    expect(existsSync(path.join(dir, LOCK))).toBe(false);
  });

  it('waits for a live owner and gives up after the limit, leaving its lock', async () => {
    const dir = folder('held', process.ppid);
    await expect(withPublishLock(dir, () => 'published', fail, 200)).rejects.toThrow(`cannot lock: held by process ${process.ppid} for 0 s`);
    expect(existsSync(path.join(dir, LOCK, 'pid'))).toBe(true);
  });

  it('publishes once the other run releases its lock', async () => {
    const dir = folder('released', process.ppid);
    setTimeout(() => rmSync(path.join(dir, LOCK), { recursive: true }), 100);
    await expect(withPublishLock(dir, () => 'published', fail)).resolves.toBe('published');
  });

  it('releases the lock when the publish step throws', async () => {
    const dir = folder('throws');
    await expect(withPublishLock(dir, () => { throw new Error('disk full'); }, fail)).rejects.toThrow('disk full');
    expect(existsSync(path.join(dir, LOCK))).toBe(false);
  });
});

describe('withPublishLock and a lock without a readable owner', () => {
  it('waits for one just made (its owner is writing its pid) and takes over one older than 10 s', async () => {
    const fresh = folder('no-pid-fresh');
    mkdirSync(path.join(fresh, LOCK));
    writeFileSync(path.join(fresh, LOCK, 'pid'), 'not a pid');
    await expect(withPublishLock(fresh, () => 'published', fail, 200)).rejects.toThrow('cannot lock: being taken for 0 s');
    const old = folder('no-pid-old');
    mkdirSync(path.join(old, LOCK));
    const eleven = new Date(Date.now() - 11_000);
    utimesSync(path.join(old, LOCK), eleven, eleven);
    await expect(withPublishLock(old, () => 'published', fail, 200)).resolves.toBe('published');
  });
});

describe('withPublishLock and a stale lock it cannot remove', () => {
  it('waits, then gives up with one reason, never spinning', async () => {
    const dead = spawnSync(process.execPath, ['-e', '0']).pid;
    const dir = folder('immovable', dead);
    const rename = jest.spyOn(fs, 'renameSync').mockImplementation(() => {
      throw Object.assign(new Error('operation not permitted'), { code: 'EPERM' });
    });
    try {
      await expect(withPublishLock(dir, () => 'published', fail, 200)).rejects.toThrow('cannot lock: left by a run that is gone, and it cannot be removed (EPERM) for 0 s');
      expect(rename.mock.calls.length).toBeLessThan(30); // a try every 25 ms, not a busy loop
    } finally {
      rename.mockRestore();
    }
  });
});
