/**
 * The type check of a submission's modules, run as a process of its own with a time and a memory
 * limit (typeErrorsBounded): the checker works in the trusted grader, and a few kilobytes of types
 * (a union of 90 000 template strings, compared) made it take three minutes and 4.6 GB, beyond a
 * class grading's limits, in an attack on the grader.
 *   node --require ./course/cli/typescript.cjs course/grading/sandbox/type-errors.ts FOLDER MODULE…
 * prints {module: "message; message", …}: the first three errors of each module that has any.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import ts from 'typescript';
import { scriptProcess } from '../../cli/script-process';
import { ROOT } from '../../targets';

/** The limits of one type check: an honest submission takes about 2 s and 200 MB. */
export const TYPECHECK_SECONDS = 60;
export const TYPECHECK_MB = 1536;

/** Diagnostics that only say something is unused: they do not stop a file from compiling. */
const UNUSED = new Set([6133, 6138, 6192, 6196, 6198, 6199, 6205]);

/** The first three diagnostics, each as `exercises/m.ts:line:column: error TSn: message`. */
export function formatDiagnostics(diagnostics: readonly ts.Diagnostic[], shownAs: string): string {
  return diagnostics
    .slice(0, 3)
    .map((d) => {
      const where = d.file && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start) : undefined;
      return `${shownAs}${where ? `:${where.line + 1}:${where.character + 1}` : ''}: error TS${d.code}: ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`;
    })
    .join('; ');
}

/** Type errors of each module of `folder`, checked against the repository's lib/ and tsconfig, in this process. */
function typeErrors(folder: string, modules: string[]): Record<string, string> {
  const config = ts.getParsedCommandLineOfConfigFile(path.join(ROOT, 'tsconfig.json'), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined });
  const files = modules.map((m) => path.join(folder, `${m}.ts`));
  const program = ts.createProgram(files, { ...(config?.options ?? {}), noEmit: true, types: ['node'], paths: undefined });
  const errors: Record<string, string> = {};
  files.forEach((file, i) => {
    const source = program.getSourceFile(file);
    const diagnostics = source ? [...program.getSyntacticDiagnostics(source), ...program.getSemanticDiagnostics(source)] : [];
    const found = diagnostics.filter((d) => d.category === ts.DiagnosticCategory.Error && !UNUSED.has(d.code));
    if (found.length > 0) errors[modules[i]] = formatDiagnostics(found, `exercises/${modules[i]}.ts`);
  });
  return errors;
}

/**
 * typeErrors in a child process within TYPECHECK_SECONDS and TYPECHECK_MB. A check that does not
 * finish within them is a compile error of every module: the checker cannot tell which file is to
 * blame, and the limits are some thirty times what an honest submission takes.
 */
export function typeErrorsBounded(folder: string, modules: string[], limits = { seconds: TYPECHECK_SECONDS, mb: TYPECHECK_MB }): Map<string, string> {
  const [node, args] = scriptProcess(__filename, [folder, ...modules]);
  const child = spawnSync(node, [`--max-old-space-size=${limits.mb}`, ...args], { cwd: ROOT, encoding: 'utf8', timeout: limits.seconds * 1000, killSignal: 'SIGKILL', maxBuffer: 16 * 1024 * 1024 });
  if (child.status === 0) {
    try {
      return new Map(Object.entries(JSON.parse(child.stdout) as Record<string, string>));
    } catch {
      // not the JSON it prints: the same as a check that failed
    }
  }
  const why = child.error !== undefined || child.signal !== null ? `did not finish within ${limits.seconds} s and ${limits.mb} MB` : `failed (${child.stderr.trim().split('\n').at(-1) ?? `exit ${child.status}`})`;
  return new Map(modules.map((m) => [m, `exercises/${m}.ts: the type check of your modules ${why}: simplify the types`]));
}

if (require.main === module) {
  const [folder, ...modules] = process.argv.slice(2);
  process.stdout.write(JSON.stringify(typeErrors(folder, modules)));
}
