/**
 * The TypeScript errors of the student's modules only (exercises/ or a --target folder), as
 * "exercises/neuron.ts:27:5 error TS1005: ';' expected." lines. jest only transpiles (fast, and it
 * runs code that does not type-check), so without this a syntax error showed up as a line of the
 * compiled JavaScript, and a number returned where an array is expected only at run time. watch and
 * `npm test` print these lines before the test results.
 *
 * A check takes about 1.5 s, so the result is cached by the content of the checked files.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
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

/** Type-checks the modules of `dir` (with what they import) and returns the errors in `dir`'s files. */
export function compileErrors(dir = path.join(ROOT, 'exercises')): string[] {
  const files = moduleFiles(dir);
  const libFiles = moduleFiles(path.join(ROOT, 'lib'));
  const key = createHash('sha256').update(ts.version);
  for (const file of [...files, ...libFiles]) key.update(file).update(readFileSync(file));
  const cacheDir = path.join(tmpdir(), 'neural-network-lab-typecheck');
  const cache = path.join(cacheDir, `${key.digest('hex').slice(0, 32)}.json`);
  if (existsSync(cache)) return JSON.parse(readFileSync(cache, 'utf8')) as string[];

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
  mkdirSync(cacheDir, { recursive: true });
  writeFileSync(cache, JSON.stringify(errors));
  return errors;
}
