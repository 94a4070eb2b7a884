/**
 * Counts the robustness table, every command row as a real process (slow; the jest test runs most
 * rows in-process):   npx tsx instructor/tests/fuzz/count.ts [ROOT]
 * ROOT (default: this repository) lets the same table be run against another checkout, e.g. the
 * code before a change, with its own node_modules.
 */
import path from 'node:path';
import { ALL_CASES, type CommandCase } from './cases';
import { caseFolder, judge, judgeCsv, listTree, newBase, runSubprocess, substitute, writeStudentFolders } from './harness';

async function main(): Promise<void> {
  const root = path.resolve(process.argv[2] ?? path.join(__dirname, '..', '..', '..'));
  const prefix = '.stage-fuzz';
  const removeStudents = writeStudentFolders(root, prefix);
  const base = newBase();
  const rows = ALL_CASES(prefix);
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the loader of the checkout under test
  const { readLabelledCsv } = require(path.join(root, 'course', 'data', 'dataset.ts')) as { readLabelledCsv: (file: string) => unknown };
  const results: { name: string; problems: string[] }[] = [];
  const queue = [...rows];
  const worker = async () => {
    for (let row = queue.shift(); row !== undefined; row = queue.shift()) {
      if (row.kind === 'csv') {
        results.push({ name: `csv: ${row.name}`, problems: judgeCsv(row, readLabelledCsv, base) });
        continue;
      }
      const commandRow: CommandCase = row;
      const dir = caseFolder(commandRow, base);
      const before = listTree(dir);
      const outcome = await runSubprocess(root, commandRow.command, substitute(commandRow.args, dir), 30_000);
      results.push({ name: `${commandRow.command}: ${commandRow.name}`, problems: judge(commandRow, outcome, dir, before) });
    }
  };
  try {
    await Promise.all([worker(), worker(), worker()]);
  } finally {
    removeStudents();
  }
  for (const r of results) console.log(`${r.problems.length === 0 ? 'pass' : 'FAIL'} ${r.name}${r.problems.length ? `: ${r.problems.join('; ')}` : ''}`);
  console.log(`${results.filter((r) => r.problems.length === 0).length} of ${results.length} cases pass`);
}

void main();
