/**
 * The sandbox's side of the channel: the only process that loads a submission's code. It runs
 * under Node's permission model (no child processes, no workers, no file writes, reads only inside
 * its own folder), transpiled into that folder with lib/, the tests' named functions and the
 * student's modules laid out as in the repository (so `../lib/matrix` resolves unchanged).
 *
 * One request per line on fd 0: {id, module, fn, args}. One answer per line on fd 3: the value
 * returned (or the error thrown) and the arguments as they are after the call. It computes no
 * verdict: the grader compares the values. Whatever the student's code writes to the console is
 * dropped, so it cannot flood or fake the channel through stdout.
 */
import { readSync, writeSync } from 'node:fs';
import path from 'node:path';
import { argumentPaths, decode, encode, type Json, type MatClass } from './codec';

/* eslint-disable @typescript-eslint/no-require-imports -- modules found at run time inside the sandbox folder */
const BOX = path.resolve(__dirname, '..', '..', '..');
const { Mat } = require(path.join(BOX, 'lib', 'matrix.js')) as { Mat: MatClass };
const named = require(path.join(BOX, 'tests', 'functions.js')) as Record<string, unknown>;
/* eslint-enable @typescript-eslint/no-require-imports */

// held before any student code loads: the student's code may replace the globals afterwards
const parse = JSON.parse;
const stringify = JSON.stringify;
const read = readSync;
const write = writeSync;
const silent = (): void => undefined;
// to leave when the grader closes the channel, even with the student's timers still pending and
// whatever the student did to process.exit or its 'exit' listeners
const reallyExit = (process as unknown as { reallyExit: (code: number) => never }).reallyExit.bind(process);
for (const method of ['log', 'info', 'warn', 'error', 'debug', 'trace', 'dir', 'table'] as const) console[method] = silent;

/*
 * Node 20's permission model guards files, child processes and workers, but not signals nor the
 * network. A signal is how a submission reached the grader: SIGUSR1 to its parent (jest) opens
 * the inspector on 127.0.0.1:9229, and a debugger there runs code in the grader (a forged 43/43
 * in an attack on this sandbox). What holds against that is the operating system's isolation
 * (isolation.ts: no outside process can be named, no network). Here, as a second line, the
 * functions that send signals and the modules that open connections are taken away before the
 * submission loads (an attack got round the names once, through a child-process handle).
 */
const unsafe = process as unknown as Record<string, unknown>;
for (const name of ['kill', '_kill', '_debugProcess', '_debugEnd', '_startProfilerIdleNotifier', '_stopProfilerIdleNotifier', 'dlopen', 'binding', '_linkedBinding', 'getBuiltinModule']) {
  try {
    delete unsafe[name];
  } catch {
    /* not there on this Node */
  }
}
const NETWORK = /^(node:)?(net|http|https|http2|tls|dgram|dns|dns\/promises|inspector|inspector\/promises|cluster|child_process|worker_threads)$/;
// bound now: a submission that replaced RegExp.prototype.test loaded `net` past the guard
const isNetwork = RegExp.prototype.test.bind(NETWORK);
/* eslint-disable @typescript-eslint/no-require-imports -- the loader, to refuse modules by name */
const loader = require('node:module') as unknown as { _load: (request: string, ...rest: unknown[]) => unknown };
/* eslint-enable @typescript-eslint/no-require-imports */
const load = loader._load;
loader._load = function guardedLoad(request: string, ...rest: unknown[]): unknown {
  // a string, tested once: an object could name a harmless module to the test and another to the loader
  if (typeof request !== 'string' || isNetwork(request)) throw new Error(`${String(request)} is not available while grading`);
  return load.call(this, request, ...rest);
};

interface Request {
  id: number;
  module: string;
  fn: string;
  args: Json[];
}

function answer(message: Record<string, Json>): void {
  const bytes = Buffer.from(`${stringify(message)}\n`);
  for (let offset = 0; offset < bytes.length; ) offset += write(3, bytes, offset, bytes.length - offset);
}

function describe(error: unknown): { name: string; message: string } {
  try {
    if (error instanceof Error) return { name: String(error.name), message: String(error.message) };
    return { name: 'Error', message: `threw ${String(error)}` };
  } catch {
    return { name: 'Error', message: 'threw something that cannot be described' };
  }
}

function handle(request: Request): void {
  const context = { Mat, fnNamed: (name: string) => (Object.prototype.hasOwnProperty.call(named, name) ? named[name] : undefined) };
  try {
    if (!/^[a-z][a-z0-9_]*$/.test(request.module)) throw new Error(`no module ${request.module}`);
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- the student's module, by name
    const module = require(path.join(BOX, 'exercises', `${request.module}.js`)) as Record<string, unknown>;
    const fn = module[request.fn];
    if (typeof fn !== 'function') throw new Error(`exercises/${request.module}.ts does not export a function ${request.fn}`);
    const args = request.args.map((a) => decode(a, context));
    const refs = argumentPaths(args, Mat);
    const value = (fn as (...a: unknown[]) => unknown)(...args);
    answer({ id: request.id, ok: true, value: encode(value, { Mat, refs }), after: args.map((a) => encode(a, { Mat, nameOf: () => 'passed' })) });
  } catch (error) {
    answer({ id: request.id, ok: false, error: describe(error) });
  }
}

/*
 * The loop below never returns to the event loop, and that is what keeps a submission's
 * asynchronous work from ever running: a socket it connects (a Unix socket at a path is outside the
 * network namespace, and net.Socket is reachable without require, as process.stdout's class) can
 * send nothing, because its connection completes only in the event loop. So nothing may end the
 * loop but reallyExit: an attack made it throw (a replaced Buffer.prototype.indexOf), caught the
 * error in an uncaughtException handler of its own and, with the event loop running, wrote to a
 * Unix socket of the host. Any error that reaches the loop now ends the process at once, and the
 * grader counts the call as failed.
 */
let pending = Buffer.alloc(0);
const chunk = Buffer.alloc(1 << 16);
try {
  for (;;) {
    let n: number;
    try {
      n = read(0, chunk, 0, chunk.length, null);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EAGAIN') continue;
      throw error;
    }
    if (n === 0) reallyExit(0);
    pending = Buffer.concat([pending, chunk.subarray(0, n)]);
    for (let end = pending.indexOf(10); end >= 0; end = pending.indexOf(10)) {
      const line = pending.subarray(0, end).toString('utf8');
      pending = pending.subarray(end + 1);
      handle(parse(line) as Request);
    }
  }
} catch {
  reallyExit(70); // EX_SOFTWARE: the loop was broken, by the submission or otherwise
}
