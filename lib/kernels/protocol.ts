/**
 * The words the main thread and the helper worker (worker.cjs, which repeats these numbers) share
 * in one Int32Array on a SharedArrayBuffer: a state word, then the arguments of gemm_shared.
 *
 * main:   writes the arguments, IDLE → JOB, computes chunks itself, then JOB → IDLE if the helper
 *         never took the job (no waiting), else waits while it is RUNNING (at most its last chunk)
 * helper: JOB → RUNNING, computes chunks until none is left, RUNNING → IDLE
 */
export const STATE = 0;
/** The worker is starting: the main thread computes alone until it is IDLE. */
export const STARTING = 0;
export const IDLE = 1;
export const JOB = 2;
/** The worker left (idle too long, or failed): the main thread computes alone and may start another. */
export const EXITED = 3;
export const RUNNING = 4;

/** nt, a, aRow, aCol, b, bStride, m, k, n, c, ldc, next, width: gemm_shared's parameters */
export const ARGS = 1;
export const WORDS = ARGS + 13;
