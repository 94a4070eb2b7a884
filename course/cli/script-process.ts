import path from 'node:path';

/**
 * How a TypeScript script of this repository runs as a process of its own, as package.json's
 * scripts run it: node with course/cli/typescript.cjs preloaded (tsx's CommonJS hook for our .ts
 * files, one process).
 */
export function scriptProcess(script: string, args: string[] = []): [command: string, args: string[]] {
  return [process.execPath, ['--require', path.join(__dirname, 'typescript.cjs'), script, ...args]];
}
