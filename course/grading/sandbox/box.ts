/**
 * Prepares a sandboxed grading run of a folder of exercise modules (TypeScript, already staged
 * inside the repository, so `../lib/` resolves):
 *   1. compiles each module: syntax errors here, type errors in a bounded process of their own
 *      (type-errors.ts; tsc's own diagnostics, without the unused-variable family); either means
 *      the module does not compile, and its functions score 0 with the compiler's message;
 *   2. lays out the sandbox folder (outside the repository): the transpiled modules, lib/, the
 *      tests' named functions and the runner, mirroring the repository's layout;
 *   3. writes one proxy module per exercise module, which jest's `exercises` project loads in
 *      place of the student's module (LAB_TARGET), so the suites run unchanged in this process.
 */
import { chmodSync, copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ts from 'typescript';
import { scratchDir } from '../../cli/leftovers';
import { ROOT } from '../../targets';
import type { SandboxConfig } from './client';
import { sandboxIsolation, type Isolation } from './isolation';
import { formatDiagnostics, typeErrorsBounded } from './type-errors';

export interface Box {
  /** the folder the sandbox process may read */
  dir: string;
  /** the folder of proxy modules, for LAB_TARGET */
  proxies: string;
  /** modules that do not compile, with the compiler's first messages */
  compileErrors: Map<string, string>;
  /** how the sandbox process is isolated at the OS level */
  isolation: Isolation;
}

export interface BoxOptions {
  /** per-call limit of the sandbox, ms */
  callTimeoutMs: number;
  /** heap cap of the sandbox process, MiB */
  memoryMb: number;
  /** skip the type check (sources the course itself wrote, such as verify's mutants) */
  typecheck: boolean;
}

/** Node's permission model: `--permission` from Node 22.13 and 23.5, `--experimental-permission` before. */
export function permissionFlag(version = process.versions.node): string {
  const [major, minor] = version.split('.').map(Number);
  return major > 23 || (major === 23 && minor >= 5) || (major === 22 && minor >= 13) ? '--permission' : '--experimental-permission';
}

function transpile(text: string, fileName: string): { js: string; errors: readonly ts.Diagnostic[] } {
  const out = ts.transpileModule(text, {
    fileName,
    reportDiagnostics: true,
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true, isolatedModules: true },
  });
  return { js: out.outputText, errors: (out.diagnostics ?? []).filter((d) => d.category === ts.DiagnosticCategory.Error) };
}

/** lib/ and its subfolders (the WebAssembly kernels), as paths relative to the repository. */
function libFiles(folder = 'lib'): string[] {
  return readdirSync(path.join(ROOT, folder), { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? libFiles(`${folder}/${entry.name}`) : [`${folder}/${entry.name}`],
  );
}

/**
 * Transpiles the repository's trusted files the sandbox needs into `dir`, at the same relative
 * paths; lib/'s other files (the kernels' .wasm and worker) are copied as they are.
 */
function copyTrusted(dir: string): void {
  const files = [...libFiles(), 'tests/functions.ts', 'course/grading/sandbox/runner.ts', 'course/grading/sandbox/codec.ts'];
  for (const file of files) {
    const source = path.join(ROOT, file);
    const target = path.join(dir, file.replace(/\.ts$/, '.js'));
    mkdirSync(path.dirname(target), { recursive: true });
    if (file.endsWith('.ts')) writeFileSync(target, transpile(readFileSync(source, 'utf8'), file).js);
    else copyFileSync(source, target);
  }
}

/**
 * Builds the sandbox for the modules of `folder` (TypeScript; `modules` names them, each with the
 * functions the metadata lists) and the proxies in `proxyDir`. Remove it with removeBox.
 */
export function buildBox(folder: string, modules: Map<string, string[]>, proxyDir: string, options: BoxOptions): Box {
  const dir = scratchDir(tmpdir(), 'lab-sandbox-');
  chmodSync(dir, 0o755); // readable by the user the sandbox may run as (isolation.ts)
  const isolation = sandboxIsolation(dir);
  copyTrusted(dir);
  mkdirSync(path.join(dir, 'exercises'));
  const names = [...modules.keys()];
  const types = options.typecheck ? typeErrorsBounded(folder, names) : new Map<string, string>();
  const compileErrors = new Map<string, string>();
  for (const module of names) {
    const shownAs = `exercises/${module}.ts`;
    const { js, errors } = transpile(readFileSync(path.join(folder, `${module}.ts`), 'utf8'), `${module}.ts`);
    const typeError = types.get(module);
    if (errors.length > 0 || typeError !== undefined) compileErrors.set(module, `${shownAs} does not compile: ${errors.length > 0 ? formatDiagnostics(errors, shownAs) : typeError}`);
    else writeFileSync(path.join(dir, 'exercises', `${module}.js`), js);
  }
  const config: SandboxConfig = {
    box: dir,
    nodeArgs: [permissionFlag(), `--allow-fs-read=${dir}`, `--max-old-space-size=${options.memoryMb}`],
    callTimeoutMs: options.callTimeoutMs,
    maxAnswerBytes: 64 * 1024 * 1024,
    prlimit: ['/usr/bin/prlimit', '/bin/prlimit'].find((file) => existsSync(file)),
    cpuSeconds: 300,
    isolation: isolation.prefix,
  };
  rmSync(proxyDir, { recursive: true, force: true });
  mkdirSync(proxyDir, { recursive: true });
  const client = path.join(ROOT, 'course', 'grading', 'sandbox', 'client');
  for (const [module, functions] of modules) {
    writeFileSync(
      path.join(proxyDir, `${module}.js`),
      `// generated by course/grading/sandbox/box.ts: exercises/${module}.ts, run in the sandbox\n` +
        `module.exports = require(${JSON.stringify(client)}).sandboxModule(${JSON.stringify(config)}, ${JSON.stringify(module)}, ${JSON.stringify(functions)});\n`,
    );
  }
  return { dir, proxies: proxyDir, compileErrors, isolation };
}

export function removeBox(box: Box): void {
  rmSync(box.dir, { recursive: true, force: true });
  rmSync(box.proxies, { recursive: true, force: true });
}
