/**
 * One helper thread for the large products: the main thread posts the product in shared control
 * words, and both threads claim chunks of it (gemm_shared) until none is left; the main thread then
 * waits synchronously (Atomics.wait is allowed on Node's main thread) for the helper's last chunk.
 * The helper is started on the first large product and never waited for: until it is ready, and
 * whenever a worker cannot be created (Node's permission model denies worker threads), the main
 * thread computes the whole product. It is unref'd, so it never keeps the process alive, and it
 * leaves by itself when idle.
 */
import path from 'node:path';
import type { GemmModule } from './module';
import { ARGS, EXITED, IDLE, JOB, RUNNING, STARTING, STATE, WORDS } from './protocol';

/** Spins before sleeping while the helper finishes: its last chunk ends within microseconds. */
const SPINS = 20000;

let control: Int32Array | undefined;
let failed = false;

function start(gemm: GemmModule): void {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded only when a product is large enough
    const { Worker } = require('node:worker_threads') as typeof import('node:worker_threads');
    const words = new Int32Array(new SharedArrayBuffer(WORDS * Int32Array.BYTES_PER_ELEMENT));
    Atomics.store(words, STATE, STARTING);
    const worker = new Worker(path.join(__dirname, 'worker.cjs'), {
      workerData: { module: gemm.module, memory: gemm.memory, control: words.buffer },
      execArgv: [], // plain Node: the worker is CommonJS and needs no tsx loader (which takes 100 ms to start)
    });
    worker.on('error', () => {
      failed = true;
    });
    worker.unref();
    control = words;
  } catch {
    failed = true; // no worker threads here (permission model, or none at all): one thread it is
  }
}

/**
 * Offers gemm_shared's arguments to the helper; false when no helper is ready (then the caller
 * computes alone, and a helper is started for the next product if there is none).
 */
export function post(gemm: GemmModule, args: number[]): boolean {
  if (failed) return false;
  if (control === undefined || Atomics.load(control, STATE) === EXITED) {
    start(gemm);
    return false;
  }
  if (Atomics.load(control, STATE) !== IDLE) return false;
  control.set(args, ARGS);
  // the helper may have timed out in between: then it is EXITED and the caller computes alone
  if (Atomics.compareExchange(control, STATE, IDLE, JOB) !== IDLE) return false;
  Atomics.notify(control, STATE, 1);
  return true;
}

/**
 * Called once the caller's own gemm_shared returned: every chunk is claimed. True when the product
 * is complete; false when the helper failed in its chunks (the caller then computes them again).
 */
export function finish(): boolean {
  if (control === undefined) return false;
  if (Atomics.compareExchange(control, STATE, JOB, IDLE) === JOB) return true; // the helper never came
  for (let i = 0; Atomics.load(control, STATE) === RUNNING; i++) if (i >= SPINS) Atomics.wait(control, STATE, RUNNING, 100);
  if (Atomics.load(control, STATE) === IDLE) return true;
  failed = true;
  return false;
}

/** Starts the helper if needed and waits until it takes jobs (for tests); false if it cannot. */
export function helperReady(gemm: GemmModule, timeoutMs = 5000): boolean {
  if ((control === undefined || Atomics.load(control, STATE) === EXITED) && !failed) start(gemm);
  if (control === undefined) return false;
  if (Atomics.load(control, STATE) === STARTING) Atomics.wait(control, STATE, STARTING, timeoutMs);
  return Atomics.load(control, STATE) === IDLE;
}
