/**
 * How a TypeScript script of this repository runs as a process of its own, as package.json's
 * scripts run it: node with tsx's CommonJS hook preloaded. (tsx's own command line starts a second
 * node under the first, 0.2 s more here, and relays signals to it with a SIGKILL after 60 ms, which
 * no cleanup survives.)
 */
export function scriptProcess(script: string, args: string[] = []): [command: string, args: string[]] {
  return [process.execPath, ['--require', require.resolve('tsx/cjs'), script, ...args]];
}
