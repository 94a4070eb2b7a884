/**
 * course/grading/sandbox/type-errors.ts: the type check of a submission runs in a process of its
 * own and within limits. A file of a few kilobytes of types kept the checker in the grader busy
 * for minutes (a hostile-student attack); now the check gives up at its limit and every module
 * counts as not compiling.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { typeErrorsBounded } from '../../course/grading/sandbox/type-errors';

const dir = mkdtempSync(path.join(tmpdir(), 'type-errors-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** 40 unions of 90 000 template strings, each assigned from the next: about 8 s of checking here. */
function typeBomb(): string {
  const lines = ["type D = '0' | '1' | '2' | '3' | '4' | '5' | '6' | '7' | '8' | '9';", 'type N = `${D}${D}${D}${D}`;', "type L = 'a' | 'b' | 'c' | 'd' | 'e' | 'f' | 'g' | 'h' | 'i';"];
  for (let i = 0; i < 40; i++) lines.push(`type U${i} = \`\${N}${i}\${L}\`;`, `export const x${i}: U${i} = '' as U${(i + 1) % 40};`);
  return `${lines.join('\n')}\n`;
}

describe('typeErrorsBounded', () => {
  it("names each module's type errors and nothing for a module without", () => {
    writeFileSync(path.join(dir, 'good.ts'), 'export function one(): number {\n  return 1;\n}\n');
    writeFileSync(path.join(dir, 'bad.ts'), "export function one(): number {\n  return 'one';\n}\n");
    const errors = typeErrorsBounded(dir, ['good', 'bad']);
    expect([...errors.keys()]).toEqual(['bad']);
    expect(errors.get('bad')).toMatch(/^exercises\/bad\.ts:2:3: error TS2322: Type 'string' is not assignable to type 'number'\.$/);
  });

  it('gives up at its time limit and counts every module as not compiling', () => {
    writeFileSync(path.join(dir, 'bomb.ts'), typeBomb());
    const started = Date.now();
    const errors = typeErrorsBounded(dir, ['good', 'bomb'], { seconds: 2, mb: 1536 });
    expect(Date.now() - started).toBeLessThan(6000);
    expect(errors.get('good')).toBe('exercises/good.ts: the type check of your modules did not finish within 2 s and 1536 MB: simplify the types');
    expect(errors.get('bomb')).toMatch(/^exercises\/bomb\.ts: the type check of your modules did not finish within 2 s/);
  }, 20_000);
});
