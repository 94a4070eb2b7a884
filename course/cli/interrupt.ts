/**
 * Ctrl-C (SIGINT), SIGTERM and SIGHUP while a command has files half-made: the cleanups registered
 * here run, then the process exits at once with 128 + the signal's number, as a shell reports a
 * process the signal killed.
 *
 * A JavaScript handler runs only when the event loop turns, so the handlers are installed only
 * while a cleanup is registered, and a little longer (during training there is none, and Ctrl-C
 * stops the synchronous loop at once); the commands that stage files yield between their steps
 * (`breathe`) so that a Ctrl-C there is handled within one step (one plot, one GIF).
 */
import { constants } from 'node:os';

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

const cleanups = new Set<() => void>();
/** whether onSignal listens (it stays until the next poll phase after the last cleanup is released) */
let installed = false;

function onSignal(signal: NodeJS.Signals): void {
  for (const name of SIGNALS) process.removeListener(name, onSignal);
  installed = false;
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

/**
 * Runs `cleanup` if the process is interrupted before the returned function is called. The
 * handlers leave after the next poll phase once the last cleanup is released, not at once: a
 * signal that came during the last synchronous step is still pending then, and removing the last
 * handler would drop it (the run would end with exit 0 as if never interrupted). Callers await
 * `breathe()` after releasing, so that the next synchronous step (training) runs without them.
 */
export function onInterrupt(cleanup: () => void): () => void {
  if (!installed) for (const name of SIGNALS) process.on(name, onSignal);
  installed = true;
  cleanups.add(cleanup);
  return () => {
    cleanups.delete(cleanup);
    afterNextPoll(() => {
      if (cleanups.size > 0 || !installed) return;
      for (const name of SIGNALS) process.removeListener(name, onSignal);
      installed = false;
    });
  };
}

/**
 * Runs `callback` after the event loop's next poll phase, where a signal caught meanwhile is
 * handled: one setImmediate is not enough when the caller runs in a poll-phase callback (an
 * encoded PNG's), whose check phase comes before the next poll.
 */
function afterNextPoll(callback: () => void): void {
  setImmediate(() => setImmediate(callback));
}

/** Lets the event loop turn until a pending signal's handler has run. */
export const breathe = (): Promise<void> => new Promise((resolve) => afterNextPoll(resolve));
