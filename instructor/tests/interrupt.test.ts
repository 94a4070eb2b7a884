/**
 * Ctrl-C and killed runs leave nothing behind: a trainer interrupted while it draws removes its
 * staging (course/cli/interrupt.ts), and what a run killed outright left is removed by the next one
 * (course/cli/leftovers.ts).
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { removeLeftovers } from '../../course/cli/leftovers';
import { scriptProcess } from '../../course/cli/script-process';

const ROOT = path.resolve(__dirname, '..', '..');
const base = mkdtempSync(path.join(tmpdir(), 'interrupt-test-'));
afterAll(() => rmSync(base, { recursive: true, force: true }));

describe('Ctrl-C while a trainer draws its plots and GIF', () => {
  it('exits 130 and leaves the --out folder as it was: no plot, no staging', async () => {
    const out = path.join(base, 'plots');
    mkdirSync(out);
    // its own process group, signalled whole, as a terminal's Ctrl-C is
    const child = spawn(...scriptProcess(path.join(ROOT, 'scripts', 'train_network.ts'), ['--target', 'reference', '--epochs', '300', '--animate', '--quiet', '--out', out]), { cwd: ROOT, stdio: 'ignore', detached: true });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    const deadline = Date.now() + 60_000;
    while (!readdirSync(out).some((name) => name.startsWith('.staging-')) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 5));
    expect(readdirSync(out).some((name) => name.startsWith('.staging-'))).toBe(true);
    process.kill(-(child.pid as number), 'SIGINT');
    expect(await exited).toBe(130);
    expect(readdirSync(out)).toEqual([]);
  }, 90_000);
});

describe('removeLeftovers', () => {
  it("removes what dead processes left and keeps a running process's folders", () => {
    const dir = path.join(base, 'tmp');
    mkdirSync(dir);
    const dead = spawnSync(process.execPath, ['-e', '0']).pid;
    for (const name of [`lab-sandbox-${dead}-a`, `lab-sandbox-${process.pid}-b`, `lab-sandbox-${process.ppid}-c`, `other-${dead}-d`]) mkdirSync(path.join(dir, name));
    removeLeftovers(dir, 'lab-sandbox-');
    expect(readdirSync(dir).sort()).toEqual([`lab-sandbox-${process.pid}-b`, `lab-sandbox-${process.ppid}-c`, `other-${dead}-d`].sort());
  });

  it('passes over a folder it cannot read', () => {
    expect(() => removeLeftovers(path.join(base, 'missing'), 'x-')).not.toThrow();
    expect(existsSync(path.join(base, 'missing'))).toBe(false);
  });
});

describe('Ctrl-C while a trainer trains', () => {
  it('stops it at once: no JavaScript handler is installed during the synchronous loop', async () => {
    const out = path.join(base, 'training');
    mkdirSync(out);
    // 100 000 epochs of the neuron take half a minute here
    const child = spawn(...scriptProcess(path.join(ROOT, 'scripts', 'train_neuron.ts'), ['--target', 'reference', '--epochs', '100000', '--out', out]), { cwd: ROOT, stdio: ['ignore', 'pipe', 'ignore'], detached: true });
    const exited = new Promise<string>((resolve) => child.on('exit', (code, signal) => resolve(signal ?? `exit ${code}`)));
    await new Promise<void>((resolve) => child.stdout.on('data', (chunk: Buffer) => chunk.toString().includes('epoch ') && resolve()));
    const signalled = Date.now();
    process.kill(-(child.pid as number), 'SIGINT');
    expect(await exited).toBe('SIGINT'); // killed by it, as the shell shows with exit status 130
    expect(Date.now() - signalled).toBeLessThan(5_000);
    expect(readdirSync(out)).toEqual([]);
  }, 90_000);
});

describe('a signal that comes while the last cleanup is released', () => {
  // the demo's activations plot publishes from a poll-phase callback (its PNG's encoding): a signal
  // caught during that step is handled only in the next poll phase, so the handlers must stay until then
  it.each(['a check-phase callback', 'a poll-phase callback'])('is still handled when the release runs in %s (exit 130, not 0)', async (where) => {
    const script = `
      const { onInterrupt, breathe } = require(${JSON.stringify(path.join(ROOT, 'course', 'cli', 'interrupt.ts'))});
      const release = onInterrupt(() => undefined);
      const step = async () => {
        process.kill(process.pid, 'SIGINT'); // caught now, handled when the loop next polls
        release();
        await breathe();
        process.exit(0); // reached only if the signal was dropped
      };
      ${where === 'a poll-phase callback' ? "require('node:fs').readFile(__filename, () => void step());" : 'setImmediate(() => void step());'}
    `;
    const child = spawn(process.execPath, ['--require', path.join(ROOT, 'course', 'cli', 'typescript.cjs'), '-e', script], { cwd: ROOT, stdio: 'ignore' });
    const code = await new Promise<number | null>((resolve) => child.on('exit', (exitCode) => resolve(exitCode)));
    expect(code).toBe(130);
  }, 30_000);
});
