/**
 * course/grading/typecheck.ts: the TypeScript errors of a student's modules, with the file and the
 * line of the TypeScript source (jest only transpiles, so it reports neither).
 */
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { compileErrors } from '../../course/grading/typecheck';
import { removeStage, stageModules } from '../../course/grading/stage';

describe('compileErrors', () => {
  it('is empty for the reference', () => {
    const target = stageModules('typecheck-reference', () => 'reference');
    try {
      expect(compileErrors(target.dir)).toEqual([]);
    } finally {
      removeStage(target);
    }
  });

  it('names the TypeScript line of a syntax error and of a type error', () => {
    const target = stageModules('typecheck-broken', () => 'reference', (file, text) => {
      if (file === 'neuron.ts') return text.replace('const delta = (y - t[i]) * y * (1 - y);', 'const delta = (y - t[i]) * y * (1 - y');
      if (file === 'network.ts') return text.replace('return [y, aY, h, aH];', 'return [y, aY, h, 0];');
      return text;
    });
    try {
      const errors = compileErrors(target.dir);
      expect(errors.some((e) => /^\.stage-typecheck-broken\/neuron\.ts:\d+:\d+ error TS1005: '\)' expected\.$/.test(e))).toBe(true);
      // with a syntax error in the folder, only the parser's errors are reported
      expect(errors.every((e) => e.includes('neuron.ts'))).toBe(true);
    } finally {
      removeStage(target);
    }
  });

  it('reports a type error: a number where an array is expected', () => {
    const target = stageModules('typecheck-types', () => 'reference', (file, text) => (file === 'network.ts' ? text.replace('return [y, aY, h, aH];', 'return [y, aY, h, 0];') : text));
    try {
      expect(compileErrors(target.dir)).toEqual([expect.stringMatching(/^\.stage-typecheck-types\/network\.ts:\d+:\d+ error TS2322: Type 'number' is not assignable to type 'Matrix'/)]);
    } finally {
      removeStage(target);
    }
  });

  it("passes over a cache folder that others may write, and a cache file that is not a list of lines", () => {
    const parent = mkdtempSync(path.join(tmpdir(), 'typecheck-cache-')); // an empty cache of its own
    const cacheDir = path.join(parent, `neural-network-lab-typecheck-${process.getuid?.() ?? 'user'}`);
    mkdirSync(cacheDir, { mode: 0o700 });
    const target = stageModules('typecheck-cache', () => 'reference', (file, text) => (file === 'network.ts' ? text.replace('return [y, aY, h, aH];', 'return [y, aY, h, 0];') : text));
    const expected = [expect.stringMatching(/^\.stage-typecheck-cache\/network\.ts:\d+:\d+ error TS2322: /)];
    try {
      chmodSync(cacheDir, 0o777); // another user could plant entries: not used, not written
      expect(compileErrors(target.dir, parent)).toEqual(expected);
      expect(readdirSync(cacheDir)).toEqual([]);
      chmodSync(cacheDir, 0o700);
      expect(compileErrors(target.dir, parent)).toEqual(expected); // computed, and cached now
      expect(readdirSync(cacheDir)).toHaveLength(1);
      for (const file of readdirSync(cacheDir)) writeFileSync(path.join(cacheDir, file), '{"not": "a list"}');
      expect(compileErrors(target.dir, parent)).toEqual(expected); // an unusable entry is computed again
    } finally {
      rmSync(parent, { recursive: true, force: true });
      removeStage(target);
    }
  });
});
