/**
 * Ctrl-C (SIGINT), SIGTERM and SIGHUP while a command has files half-made: the cleanups registered
 * here run, then the process exits at once with 128 + the signal's number, as a shell reports a
 * process the signal killed.
 *
 * A JavaScript handler runs only when the event loop turns, so the handlers are installed only
 * while a cleanup is registered (during training there is none, and Ctrl-C stops the synchronous
 * loop at once); the commands that stage files yield between their steps (`breathe`) so that a
 * Ctrl-C there is handled within one step (one plot, one GIF).
 */
import { constants } from 'node:os';

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

const cleanups = new Set<() => void>();

function onSignal(signal: NodeJS.Signals): void {
  for (const name of SIGNALS) process.removeListener(name, onSignal);
  for (const cleanup of cleanups) {
    try {
      cleanup();
    } catch {
      // the others still run: the process is going anyway
    }
  }
  cleanups.clear();
  process.exit(128 + constants.signals[signal]);
}

/** Runs `cleanup` if the process is interrupted before the returned function is called. */
export function onInterrupt(cleanup: () => void): () => void {
  if (cleanups.size === 0) for (const name of SIGNALS) process.on(name, onSignal);
  cleanups.add(cleanup);
  return () => {
    cleanups.delete(cleanup);
    if (cleanups.size === 0) for (const name of SIGNALS) process.removeListener(name, onSignal);
  };
}

/** Lets the event loop turn once, so that a pending signal's handler runs. */
export const breathe = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
