/**
 * The grader's side of the channel, loaded by the proxy modules that jest's `exercises` project
 * maps `@target/<module>` to while grading (see box.ts). A proxy's function looks like the
 * student's to the suites, but runs the student's function in the sandbox process and returns a
 * copy of its value; the suites and every verdict stay in this process.
 *
 * The suites call synchronously, so the call blocks: a helper thread of this process owns the
 * sandbox process and its pipes, and this thread waits on a SharedArrayBuffer (Atomics.wait, with a
 * timeout) for its answer. A call that does not answer in time, a sandbox that exits or runs out of
 * memory: the call throws, the sandbox is killed and the next call starts a fresh one. So a broken
 * function loses only its own tests.
 */
import { Worker } from 'node:worker_threads';
import { Mat } from '../../../lib/matrix';
import * as named from '../../../tests/functions';
import { atPath, decode, encode, writeBack, type Json, type Path } from './codec';

export interface SandboxConfig {
  /** the folder the sandbox may read: runner, lib/, tests/functions.js, exercises/*.js */
  box: string;
  /** node's flags for the sandbox: the permission model and the heap cap */
  nodeArgs: string[];
  callTimeoutMs: number;
  /** answers larger than this (bytes) are refused */
  maxAnswerBytes: number;
  /** util-linux prlimit, to cap the sandbox's CPU time (undefined where there is none) */
  prlimit?: string;
  /** CPU seconds one sandbox process may use in all */
  cpuSeconds: number;
  /** the command prefix that isolates the sandbox at the OS level (isolation.ts), maybe empty */
  isolation: string[];
}

/** The helper thread: spawns the sandbox, relays one request and its answer at a time. */
const WORKER = `
const { workerData, parentPort } = require('node:worker_threads');
const { spawn } = require('node:child_process');
const { control, answer, config } = workerData;
const flag = new Int32Array(control);
const bytes = new Uint8Array(answer);
let child, buffered = [], size = 0, stderr = '', seq = 0;
// the sandbox is the leader of its own process group (detached): kill the group, whatever isolates it
function killGroup(c) { try { process.kill(-c.pid, 'SIGKILL'); } catch { try { c.kill('SIGKILL'); } catch {} } }
function reply(s, text) {
  const data = Buffer.from(text);
  if (data.length > bytes.length) text = JSON.stringify({ ok: false, error: { name: 'Error', message: 'the answer is larger than ' + bytes.length + ' bytes' } });
  const out = Buffer.from(text);
  bytes.set(out);
  Atomics.store(flag, 1, out.length);
  Atomics.store(flag, 0, s);
  Atomics.notify(flag, 0);
}
function start() {
  stderr = ''; buffered = []; size = 0;
  const node = [process.execPath, ...config.nodeArgs, config.runner];
  // where the OS has it, a CPU-time limit the kernel enforces, even if this process is gone
  const limited = config.prlimit ? [config.prlimit, '--cpu=' + config.cpuSeconds, '--', ...node] : node;
  // its own PID and network namespace where permitted (isolation.ts), and its own session, so that
  // a signal to "my process group" reaches nothing of the grader's
  const [command, ...args] = [...config.isolation, ...limited];
  child = spawn(command, args, { stdio: ['pipe', 'ignore', 'pipe', 'pipe'], cwd: config.box, env: {}, detached: true });
  const mine = child;
  Atomics.store(flag, 2, mine.pid || 0);
  mine.stdin.on('error', () => undefined);
  mine.stderr.on('data', (d) => { stderr = (stderr + d.toString()).slice(-4000); });
  mine.stdio[3].on('data', (d) => {
    if (mine !== child) return;
    buffered.push(d); size += d.length;
    if (size > bytes.length) { killGroup(mine); return; }
    const all = Buffer.concat(buffered);
    const end = all.indexOf(10);
    if (end >= 0) { buffered = [all.subarray(end + 1)]; size = buffered[0].length; reply(seq, all.subarray(0, end).toString()); }
  });
  mine.on('exit', (code, signal) => {
    if (Atomics.load(flag, 2) === mine.pid) Atomics.store(flag, 2, 0);
    if (mine !== child) return;
    child = undefined;
    const why = /heap out of memory|Allocation failed|ERR_WORKER_OUT_OF_MEMORY/i.test(stderr) ? 'ran out of memory'
      : signal ? 'was killed (' + signal + ')' : 'ended: process.exit(' + code + ') or a crash';
    reply(seq, JSON.stringify({ ok: false, error: { name: 'SandboxError', message: 'the function ' + why + (code !== 0 && !signal && !/memory/.test(why) ? ': ' + stderr.trim().split('\\n').slice(-2).join(' ').slice(0, 300) : '') } }));
  });
}
parentPort.on('message', (m) => {
  if (m.type === 'kill') { if (child) { const c = child; child = undefined; killGroup(c); } return; }
  seq = m.seq;
  if (!child) start();
  child.stdin.write(m.line + '\\n');
});
`;

interface Channel {
  worker: Worker;
  flag: Int32Array;
  answer: Uint8Array;
  seq: number;
}

const channels = new Map<string, Channel>();
/** Functions that ran out of time or memory once get no more: a loop should cost its own tests, not the run's time. */
const spent = new Map<string, string>();

function channelFor(config: SandboxConfig): Channel {
  const existing = channels.get(config.box);
  if (existing) return existing;
  // [0] the request last answered, [1] the answer's length, [2] the sandbox's pid
  const control = new SharedArrayBuffer(12);
  const answer = new SharedArrayBuffer(config.maxAnswerBytes);
  const worker = new Worker(WORKER, { eval: true, workerData: { control, answer, config: { ...config, runner: `${config.box}/course/grading/sandbox/runner.js` } } });
  worker.unref();
  const channel = { worker, flag: new Int32Array(control), answer: new Uint8Array(answer), seq: 0 };
  // jest may exit while a sandbox still runs (a call that timed out just before the end): kill it
  process.once('exit', () => {
    const pid = Atomics.load(channel.flag, 2);
    if (pid > 0) {
      try {
        process.kill(-pid, 'SIGKILL'); // its process group: the isolating commands and the node they start
      } catch {
        // already gone
      }
    }
  });
  channels.set(config.box, channel);
  return channel;
}

const names = new Map<unknown, string>(Object.entries(named).map(([name, fn]) => [fn, name]));

/** Calls `module.fn(...args)` in the sandbox; returns its value or throws its error. */
export function callInSandbox(config: SandboxConfig, module: string, fn: string, args: unknown[]): unknown {
  const earlier = spent.get(`${module}.${fn}`);
  if (earlier !== undefined) throw new Error(`${earlier} (in an earlier test)`);
  const channel = channelFor(config);
  channel.seq += 1;
  const seq = channel.seq;
  const line = JSON.stringify({ id: seq, module, fn, args: args.map((a) => encode(a, { Mat, nameOf: (f) => names.get(f) })) });
  channel.worker.postMessage({ seq, line });
  const deadline = Date.now() + config.callTimeoutMs;
  // flag[0] holds the number of the request last answered (an answer to a call that timed out may come late)
  for (let answered = Atomics.load(channel.flag, 0); answered !== seq; answered = Atomics.load(channel.flag, 0)) {
    const left = deadline - Date.now();
    if (left <= 0) {
      channel.worker.postMessage({ type: 'kill' });
      const why = `${fn} did not finish within ${config.callTimeoutMs / 1000} s (an endless loop?)`;
      spent.set(`${module}.${fn}`, why);
      throw new Error(why);
    }
    Atomics.wait(channel.flag, 0, answered, left);
  }
  const text = Buffer.from(channel.answer.subarray(0, Atomics.load(channel.flag, 1))).toString('utf8');
  const reply = JSON.parse(text) as { ok: boolean; value?: Json; after?: Json[]; error?: { name: string; message: string } };
  if (!reply.ok) {
    if (reply.error?.name === 'SandboxError' && /out of memory/.test(reply.error.message)) spent.set(`${module}.${fn}`, `${fn} ran out of memory`);
    const error = new Error(String(reply.error?.message ?? 'the sandbox failed'));
    error.name = String(reply.error?.name ?? 'Error');
    throw error;
  }
  const after = (reply.after ?? []).map((a) => decode(a, { Mat, fnNamed: () => null }));
  args.forEach((arg, i) => writeBack(arg, after[i], Mat));
  return decode(reply.value ?? null, { Mat, resolveRef: (path: Path) => atPath(args, path) });
}

/** A module whose functions run in the sandbox: what a proxy exports. */
export function sandboxModule(config: SandboxConfig, module: string, functions: string[]): Record<string, (...args: unknown[]) => unknown> {
  return Object.fromEntries(functions.map((fn) => [fn, (...args: unknown[]) => callInSandbox(config, module, fn, args)]));
}
