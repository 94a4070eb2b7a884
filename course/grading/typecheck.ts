/**
 * The TypeScript errors of the student's modules only (exercises/ or a --target folder), as
 * "exercises/neuron.ts:27:5 error TS1005: ';' expected." lines. jest only transpiles (fast, and it
 * runs code that does not type-check), so without this a syntax error showed up as a line of the
 * compiled JavaScript, and a number returned where an array is expected only at run time. watch and
 * `npm test` print these lines before the test results.
 *
 * A check takes about 1.5 s, so the result is cached by the content of the checked files, in a
 * folder of the user's own: a cache shared in /tmp was another user's on a shared machine, which
 * made the reporter crash (EACCES) and the suites score 0, and could have held entries planted by
 * that user. A cache that cannot be used is passed over: the check runs again.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ts from 'typescript';
import { ROOT } from '../targets';

function moduleFiles(dir: string): string[] {
  return readdirSync(dir).filter((f) => f.endsWith('.ts')).sort().map((f) => path.join(dir, f));
}

function format(diagnostic: ts.Diagnostic): string {
  const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, ' ');
  if (!diagnostic.file || diagnostic.start === undefined) return `error TS${diagnostic.code}: ${message}`;
  const { line, character } = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start);
  return `${path.relative(ROOT, diagnostic.file.fileName)}:${line + 1}:${character + 1} error TS${diagnostic.code}: ${message}`;
}

/** Type-checks the modules of `dir` (with what they import) and returns the errors in `dir`'s files; the cache lives under `cacheParent`. */
export function compileErrors(dir = path.join(ROOT, 'exercises'), cacheParent = tmpdir()): string[] {
  const files = moduleFiles(dir);
  const libFiles = moduleFiles(path.join(ROOT, 'lib'));
  const key = createHash('sha256').update(ts.version);
  for (const file of [...files, ...libFiles]) key.update(file).update(readFileSync(file));
  const cache = cacheFile(cacheParent, key.digest('hex').slice(0, 32));
  const cached = readCache(cache);
  if (cached !== undefined) return cached;

  const program = ts.createProgram(files, {
    strict: true,
    noEmit: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.Node16,
    moduleResolution: ts.ModuleResolutionKind.Node16,
    lib: ['lib.es2022.d.ts'],
    types: [],
    skipLibCheck: true,
  });
  const inDir = (d: ts.Diagnostic) => d.file !== undefined && path.resolve(d.file.fileName).startsWith(path.resolve(dir) + path.sep);
  const syntax = program.getSyntacticDiagnostics().filter(inDir);
  // with a syntax error the types say little more: report what the parser found
  const errors = (syntax.length > 0 ? syntax : program.getSemanticDiagnostics().filter(inDir)).map(format);
  if (cache !== undefined) {
    try {
      writeFileSync(cache, JSON.stringify(errors));
    } catch {
      // a full disk: the next check runs again
    }
  }
  return errors;
}

/** `<parent>/neural-network-lab-typecheck-<uid>/<key>.json`, in a folder this user owns and only it may write; undefined if there is none. */
function cacheFile(parent: string, key: string): string | undefined {
  const dir = path.join(parent, `neural-network-lab-typecheck-${process.getuid?.() ?? 'user'}`);
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const stats = statSync(dir);
    if (!stats.isDirectory() || (process.getuid !== undefined && stats.uid !== process.getuid()) || (stats.mode & 0o022) !== 0) return undefined;
    return path.join(dir, `${key}.json`);
  } catch {
    return undefined;
  }
}

/** The cached errors, or undefined when there are none (or they cannot be read as a list of lines). */
function readCache(cache: string | undefined): string[] | undefined {
  if (cache === undefined) return undefined;
  try {
    const errors: unknown = JSON.parse(readFileSync(cache, 'utf8'));
    return Array.isArray(errors) && errors.every((line) => typeof line === 'string') ? errors : undefined;
  } catch {
    return undefined;
  }
}
