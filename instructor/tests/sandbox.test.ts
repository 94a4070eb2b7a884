/**
 * The channel between the grader and the sandbox: values cross exactly (every double, NaN, ±∞, −0,
 * matrices), an argument returned comes back as the caller's own object, a changed argument is
 * written back in place, and functions cross only by name.
 */
import { Mat } from '../../lib/matrix';
import { argumentPaths, atPath, decode, encode, writeBack, type Json } from '../../course/grading/sandbox/codec';
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, closeSync, mkdtempSync, openSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildBox, permissionFlag, removeBox } from '../../course/grading/sandbox/box';
import { STAGE_PREFIX } from '../../course/grading/stage';
import { ROOT } from '../../course/targets';

const roundTrip = (value: unknown): unknown => decode(JSON.parse(JSON.stringify(encode(value, { Mat }))) as Json, { Mat });

describe('the sandbox channel', () => {
  it('keeps every number exactly, including NaN, ±Infinity and −0', () => {
    const values = [0.1 + 0.2, -0, NaN, Infinity, -Infinity, Number.MIN_VALUE, 1e308, -123.456];
    const back = roundTrip(values) as number[];
    back.forEach((v, i) => expect(Object.is(v, values[i])).toBe(true));
  });

  it('keeps a Mat a Mat, with its shape and data', () => {
    const m = Mat.from([[1, -0, NaN], [0.5, 2, 3]]);
    const back = roundTrip([m, [m.clone()]]) as [Mat, Mat[]];
    expect(back[0]).toBeInstanceOf(Mat);
    expect(back[0].shape).toEqual([2, 3]);
    expect(Object.is(back[0].data[1], -0) && Number.isNaN(back[0].data[2])).toBe(true);
    expect(back[1][0]).toBeInstanceOf(Mat);
  });

  it('returns an argument as the caller\'s own object, and writes a changed argument back in place', () => {
    const args: unknown[] = [[1, 2, 3], Mat.from([[1, 2]])];
    const inSandbox = roundTrip(args) as unknown[];
    (inSandbox[0] as number[])[1] = 99;
    (inSandbox[1] as Mat).data[0] = -1;
    const answer = JSON.parse(JSON.stringify(encode(inSandbox[0], { Mat, refs: argumentPaths(inSandbox, Mat) }))) as Json;
    const value = decode(answer, { Mat, resolveRef: (path) => atPath(args, path) });
    inSandbox.forEach((after, i) => writeBack(args[i], after, Mat));
    expect(value).toBe(args[0]);
    expect(args[0]).toEqual([1, 99, 3]);
    expect((args[1] as Mat).data[0]).toBe(-1);
  });

  it('passes functions only by name', () => {
    const named = (): number => 1;
    expect(() => encode(() => 2, { Mat })).toThrow('cannot be passed');
    const encoded = encode([named], { Mat, nameOf: (f) => (f === named ? 'named' : undefined) });
    expect(encoded).toEqual([{ $fn: 'named' }]);
    expect(decode(encoded, { Mat, fnNamed: (name) => (name === 'named' ? named : undefined) })).toEqual([named]);
  });

  it('ignores __proto__ in objects that come back', () => {
    const hostile = JSON.parse('{"$o": {"__proto__": {"$o": {"polluted": true}}, "a": 1}}') as Json;
    const value = decode(hostile, { Mat }) as Record<string, unknown>;
    expect(value.a).toBe(1);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("uses the permission model's flag of the running Node", () => {
    expect(permissionFlag('20.20.2')).toBe('--experimental-permission');
    expect(permissionFlag('22.13.0')).toBe('--permission');
  });
});

describe('references in a reply (a student found the grader’s own functions through __proto__)', () => {
  const args = [[1, 2, [3]], new Float64Array(2)];

  it('follow only whole-number indices into the arguments’ arrays, to an array or a matrix', () => {
    expect(atPath(args, [0])).toBe(args[0]);
    expect(atPath(args, [0, 2])).toEqual([3]);
    expect(atPath(args, [1])).toBe(args[1]);
  });

  it.each([
    [['__proto__', '__proto__', 'hasOwnProperty']],
    [[0, '__proto__', 'constructor']],
    [[0, 'map']],
    [[0, 0]],
    [[5]],
    [[]],
  ])('refuse %j', (path) => {
    expect(() => atPath(args, path as (string | number)[])).toThrow(/reference/);
  });
});

describe('the sandbox process (a real one)', () => {
  const folder = mkdtempSync(path.join(tmpdir(), 'sandbox-probe-'));
  const proxies = path.join(ROOT, `${STAGE_PREFIX}probe-${process.pid}`);
  // what a submission can see of the machine from inside the sandbox
  writeFileSync(
    path.join(folder, 'probe.ts'),
    `const p = process as unknown as Record<string, unknown>;
export function probe(): (string | number | boolean)[] {
  return [process.pid, process.getuid ? process.getuid() : -1, typeof p.kill, typeof p._debugProcess, typeof p.getBuiltinModule];
}
`,
  );
  const box = buildBox(folder, new Map([['probe', ['probe']]]), proxies, { callTimeoutMs: 10_000, memoryMb: 256, typecheck: false });
  afterAll(() => {
    removeBox(box);
    rmSync(folder, { recursive: true, force: true });
  });
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the generated proxy module
  const { probe } = require(path.join(proxies, 'probe.js')) as { probe: () => [number, number, string, string, string] };

  it('has no function that sends a signal, nor getBuiltinModule', () => {
    const [, , kill, debugProcess, getBuiltinModule] = probe();
    expect([kill, debugProcess, getBuiltinModule]).toEqual(['undefined', 'undefined', 'undefined']);
  });

  it('leaves no process behind when a call times out (the isolating commands and the node they start all go)', async () => {
    const spinner = mkdtempSync(path.join(tmpdir(), 'sandbox-spin-'));
    writeFileSync(path.join(spinner, 'spin.ts'), 'export function spin(): number {\n  for (;;) {\n    // an endless loop\n  }\n}\n');
    const spinBox = buildBox(spinner, new Map([['spin', ['spin']]]), `${proxies}-spin`, { callTimeoutMs: 1000, memoryMb: 256, typecheck: false });
    try {
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- the generated proxy module
      const { spin } = require(path.join(`${proxies}-spin`, 'spin.js')) as { spin: () => number };
      expect(() => spin()).toThrow(/did not finish within 1 s/);
      await new Promise((resolve) => setTimeout(resolve, 1000));
      const left = execFileSync('ps', ['-eo', 'args'], { encoding: 'utf8' }).split('\n').filter((line) => line.includes(spinBox.dir));
      expect(left).toEqual([]);
    } finally {
      removeBox(spinBox);
      rmSync(spinner, { recursive: true, force: true });
    }
  });

  /** A sandbox around one student module written from `source`; its functions, then removed. */
  function withModule<T>(name: string, functions: string[], source: string, use: (module: Record<string, (...a: unknown[]) => unknown>) => Promise<T>): Promise<T> {
    const folder = mkdtempSync(path.join(tmpdir(), `sandbox-${name}-`));
    writeFileSync(path.join(folder, `${name}.ts`), source);
    const moduleBox = buildBox(folder, new Map([[name, functions]]), `${proxies}-${name}`, { callTimeoutMs: 5000, memoryMb: 256, typecheck: false });
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- the generated proxy module
    return use(require(path.join(`${proxies}-${name}`, `${name}.js`)) as Record<string, (...a: unknown[]) => unknown>).finally(() => {
      removeBox(moduleBox);
      rmSync(folder, { recursive: true, force: true });
    });
  }

  it("never lets a submission's code run in the event loop (from there an attack wrote to a Unix socket of the host)", async () => {
    // the attack: break the runner's loop with a replaced Buffer.prototype.indexOf, catch that in an
    // uncaughtException handler, and act from the event loop: here, forge the answer to the next call
    const source = `import { writeSync } from 'node:fs';
export function escape(): number {
  process.on('uncaughtException', () => {
    setImmediate(() => writeSync(3, JSON.stringify({ id: 2, ok: true, value: 'the event loop ran', after: [] }) + '\\n'));
    setInterval(() => undefined, 1000);
  });
  const indexOf = Buffer.prototype.indexOf;
  let armed = true;
  Buffer.prototype.indexOf = function (this: Buffer, ...a: Parameters<Buffer['indexOf']>) {
    if (armed) {
      armed = false;
      throw new Error('the loop, broken');
    }
    return indexOf.apply(this, a);
  };
  return 1;
}
export function honest(): number {
  return 2;
}
`;
    await withModule('escape', ['escape', 'honest'], source, async ({ escape, honest }) => {
      expect(escape()).toBe(1);
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(honest()).toBe(2); // a fresh sandbox: the broken one ended at once
    });
  });

  it('cannot name a Unix socket of the host: it runs in a root of its own (an attack connected one and wrote to its descriptor)', async () => {
    expect(box.isolation.description).toMatch(/mount namespace, in a root that holds only the system and its own folder/);
    const sockets = mkdtempSync(path.join(tmpdir(), 'sandbox-socket-'));
    chmodSync(sockets, 0o777); // the sandbox may run as nobody
    const socket = path.join(sockets, 'host.sock');
    const received: string[] = [];
    const connections: Socket[] = [];
    const server = createServer((connection) => {
      connections.push(connection);
      connection.on('data', (data) => received.push(data.toString()));
    });
    await new Promise<void>((resolve) => server.listen(socket, resolve));
    chmodSync(socket, 0o777);
    // connect(2) happens at once, in the call; the data goes straight to the descriptor
    const source = `import { writeSync } from 'node:fs';
export function connect(): string {
  const Socket = (process.stdin as unknown as { constructor: new () => { on(e: string, f: () => void): void; connect(p: string): void; _handle: { fd: number } } }).constructor;
  const s = new Socket();
  s.on('error', () => undefined);
  try {
    s.connect(${JSON.stringify(socket)});
    writeSync(s._handle.fd, 'escaped');
    return 'written';
  } catch (error) {
    return String((error as { code?: string }).code ?? error);
  }
}
`;
    try {
      await withModule('connect', ['connect'], source, async ({ connect }) => {
        expect(connect()).not.toBe('written');
        await new Promise((resolve) => setTimeout(resolve, 500));
      });
      expect(received).toEqual([]);
      expect(connections).toEqual([]);
    } finally {
      for (const connection of connections) connection.destroy();
      server.close();
      rmSync(sockets, { recursive: true, force: true });
    }
  });

  it('starts without the descriptors the grader inherited (an attack read and wrote host files through them)', () => {
    const inherited = openSync(path.join(folder, 'probe.ts'), 'r');
    try {
      // descriptor 30 of the child is the open file, passed as a launcher would leave it
      const stdio: ('ignore' | 'pipe' | number)[] = ['ignore', 'pipe', 'ignore', ...Array.from({ length: 27 }, () => 'ignore' as const), inherited];
      const [command, ...args] = [...box.isolation.prefix, process.execPath, '-e', "process.stdout.write(require('fs').readdirSync('/proc/self/fd').join(' '))"];
      const listed = spawnSync(command, args, { stdio, encoding: 'utf8', timeout: 10_000 });
      expect(listed.status).toBe(0);
      expect(listed.stdout.split(' ').map(Number).filter((fd) => fd === 30)).toEqual([]);
    } finally {
      closeSync(inherited);
    }
  });

  it('runs in its own PID namespace (it is process 1 there: no outside process can be named) or as another user', () => {
    expect(box.isolation.prefix.length).toBeGreaterThan(0);
    const [pid, uid] = probe();
    expect(pid === 1 || uid !== process.getuid?.()).toBe(true);
  });
});
