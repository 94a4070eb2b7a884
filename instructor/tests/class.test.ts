/**
 * Class grading's bookkeeping: the roster's validation, the gradebook (one row per student, never
 * a spreadsheet formula), the summary's distribution and the merge of the Actions matrix's gradebooks.
 */
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { classSummary, gradebookCsv, mergeClass, readRoster, type StudentResult } from '../../course/grading/class';
import { loadExercises } from '../../course/grading/exercises';

const dir = mkdtempSync(path.join(tmpdir(), 'class-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const full = loadExercises().map((e) => e.points);
const results: StudentResult[] = [
  { student: 'alice', commit: 'a'.repeat(40), points: full, total: 43 },
  { student: 'bob', commit: 'b'.repeat(40), points: full.map((p, i) => (i < 5 ? p : 0)), total: 10 },
  { student: 'carol', commit: '', error: '=HYPERLINK("x") could not fetch the repository' },
];

describe('class grading', () => {
  it('reads a roster with the header student,repository and refuses a malformed one', () => {
    const roster = path.join(dir, 'roster.csv');
    writeFileSync(roster, 'student,repository\nalice,https://github.com/org/alice.git\nbob,/srv/bob\n');
    expect(readRoster(roster)).toEqual([{ student: 'alice', repository: 'https://github.com/org/alice.git' }, { student: 'bob', repository: '/srv/bob' }]);
    writeFileSync(roster, 'student,repository\n../evil,/srv/x\n');
    expect(() => readRoster(roster)).toThrow('must be letters');
    writeFileSync(roster, 'name,url\nalice,/srv/a\n');
    expect(() => readRoster(roster)).toThrow('needs student and repository');
  });

  it('writes a gradebook row per student with points per function, and no formula', () => {
    const csv = gradebookCsv(results).trim().split('\n');
    expect(csv).toHaveLength(4);
    expect(csv[0].split(',')).toHaveLength(2 + loadExercises().length + 2);
    expect(csv[1]).toMatch(/^alice,a{40},/);
    expect(csv[3]).toContain('"\'=HYPERLINK(""x"") could not fetch the repository"');
  });

  it('summarises the distribution and merges the gradebooks of several jobs', () => {
    expect(classSummary(results)).toContain('2 of 3 students graded');
    const csv = gradebookCsv(results).trim().split('\n');
    for (const [job, rows] of [['0', [csv[2]]], ['1', [csv[1], csv[3]]]] as const) {
      mkdirSync(path.join(dir, 'chunks', job), { recursive: true });
      writeFileSync(path.join(dir, 'chunks', job, 'gradebook.csv'), `${[csv[0], ...rows].join('\n')}\n`);
    }
    const merged = mergeClass(path.join(dir, 'chunks'), path.join(dir, 'class'));
    expect(merged.map((r) => [r.student, r.total])).toEqual([['alice', 43], ['bob', 10], ['carol', undefined]]);
    expect(readFileSync(path.join(dir, 'class', 'summary.md'), 'utf8')).toContain('mean 26.5');
  });
});
