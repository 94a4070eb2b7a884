'use strict';
/**
 * The helper thread of lib/kernels/pool.ts: it instantiates gemm.wasm on the main thread's shared
 * memory and, for each posted job, claims chunks of the product with gemm_shared alongside the main
 * thread (the protocol is lib/kernels/protocol.ts; the numbers below repeat it). It spins briefly
 * after each job, because a training loop posts the next product within microseconds, then sleeps
 * in Atomics.wait, and leaves by itself after IDLE_MS without a job, so it never lingers in a test
 * runner's process.
 */
/* global require, WebAssembly */
// eslint-disable-next-line @typescript-eslint/no-require-imports -- a plain CommonJS worker, run without tsx
const { workerData } = require('node:worker_threads');

const STATE = 0, IDLE = 1, JOB = 2, EXITED = 3, RUNNING = 4, ARGS = 1, COUNT = 13;
const SPINS = 20000;
const IDLE_MS = 2000;

const control = new Int32Array(workerData.control);
const { gemm_shared: gemmShared } = new WebAssembly.Instance(workerData.module, { env: { memory: workerData.memory } }).exports;

function loop() {
  Atomics.store(control, STATE, IDLE);
  Atomics.notify(control, STATE);
  for (;;) {
    for (let i = 0; i < SPINS && Atomics.load(control, STATE) === IDLE; i++);
    if (Atomics.wait(control, STATE, IDLE, IDLE_MS) === 'timed-out' && Atomics.compareExchange(control, STATE, IDLE, EXITED) === IDLE) return;
    // the main thread takes a job back (JOB → IDLE) when it finished every chunk before we came
    if (Atomics.compareExchange(control, STATE, JOB, RUNNING) !== JOB) continue;
    try {
      gemmShared(...control.subarray(ARGS, ARGS + COUNT));
      Atomics.store(control, STATE, IDLE);
    } catch {
      Atomics.store(control, STATE, EXITED);
      return;
    } finally {
      Atomics.notify(control, STATE);
    }
  }
}

loop();
