/**
 * The suites call the student's functions through `studentModule`, which gives every call a time
 * limit (3 s unless LAB_CALL_TIMEOUT says otherwise, in seconds). Why not jest's testTimeout: jest
 * cannot interrupt synchronous code, so an endless loop (`i--` for `i++`) froze `npm test`, watch
 * and progress for minutes. node:vm's `timeout` can: its watchdog terminates whatever JavaScript is
 * running, including functions defined outside the context, and throws in the caller.
 *
 * A function that timed out once fails at once in the rest of the file's tests, so a loop costs its
 * time limit once per file, not once per test. The limit lives in the test process and asks
 * nothing of the grader, which keeps its own wall-clock limit on the whole process.
 */
import vm from 'node:vm';

/** The per-call limit in seconds: its default and the range LAB_CALL_TIMEOUT (and watch's and progress's --timeout) may set. */
export const CALL_TIMEOUT = { defaultSeconds: 3, minSeconds: 0.1, maxSeconds: 600 } as const;

/** The per-call limit in seconds: LAB_CALL_TIMEOUT (watch and progress set it from --timeout), else the default. */
export function callTimeoutSeconds(env: NodeJS.ProcessEnv = process.env): number {
  const { defaultSeconds, minSeconds, maxSeconds } = CALL_TIMEOUT;
  const text = env.LAB_CALL_TIMEOUT;
  if (text === undefined || text.trim() === '') return defaultSeconds;
  const value = Number(text);
  if (!(value >= minSeconds && value <= maxSeconds)) throw new Error(`LAB_CALL_TIMEOUT must be seconds from ${minSeconds} to ${maxSeconds}, got "${text}"`);
  return value;
}

const context = vm.createContext({});
// `fn` and `args` are set on the context right before each call. The student's own errors are
// caught inside and rethrown outside: an error that leaves runInContext gets node's source-line
// banner put before its message, which would hide "… is not implemented yet" and the diagnosis.
// (An interrupted loop cannot be caught: termination passes through any catch.)
const callInContext = new vm.Script('(() => { try { return { value: fn.apply(undefined, args) }; } catch (error) { return { error, failed: true }; } })()');
const timedOut = new Set<string>();
let depth = 0;

export function slowMessage(name: string, seconds: number): string {
  return `${name} did not return within ${seconds} s — an endless loop? (check the loop's condition and its i++)`;
}

/** Calls `fn`, interrupting it after `seconds`; a call nested in a guarded call runs directly. */
export function callWithTimeout<R>(name: string, fn: (...args: never[]) => R, args: unknown[], seconds = callTimeoutSeconds()): R {
  if (timedOut.has(name)) throw new Error(`${slowMessage(name, seconds)} It timed out in an earlier test, so it is not called again.`);
  if (depth > 0) return (fn as (...a: unknown[]) => R)(...args);
  depth += 1;
  context.fn = fn;
  context.args = args;
  try {
    const outcome = callInContext.runInContext(context, { timeout: Math.round(seconds * 1000) }) as { value: R; error?: unknown; failed?: true };
    if (outcome.failed) throw outcome.error;
    return outcome.value;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ERR_SCRIPT_EXECUTION_TIMEOUT') {
      timedOut.add(name);
      throw new Error(slowMessage(name, seconds));
    }
    throw error;
  } finally {
    depth -= 1;
    context.fn = undefined;
    context.args = undefined;
  }
}

/** The module with each exported function wrapped in callWithTimeout; other exports unchanged. */
export function studentModule<M extends object>(module: M): M {
  const wrapped: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(module)) {
    wrapped[name] = typeof value === 'function' ? (...args: unknown[]) => callWithTimeout(name, value as (...a: never[]) => unknown, args) : value;
  }
  return wrapped as M;
}
