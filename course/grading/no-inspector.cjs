/* global process */
// Preloaded into every jest process of the grader (jest-report.ts): SIGUSR1 opens Node's inspector,
// and a debugger attached there could rewrite every verdict. A listener takes the signal instead
// (Node 20 has no --disable-sigusr1). It must be the real process's: jest's test environment gives
// the suites a copy of `process`, where a listener does nothing.
process.on('SIGUSR1', () => undefined);
