/**
 * Proves the grader (`npm run verify`): stubs 0, reference full marks, every mutant loses points,
 * faults isolated. Prints the mutant table and ends with `verify: N passed, N failed`.
 */
import { verifyGrader } from '../verify/verify';

const { checks, mutantTable } = verifyGrader((line) => console.error(line));
console.log('\n| mutant | module | points lost | caught by |\n| --- | --- | --- | --- |');
for (const row of mutantTable) console.log(`| ${row.name} | ${row.module}.ts | ${Math.round(row.lost * 100) / 100} | ${row.caughtBy.join('<br>')} |`);
console.log('');
for (const check of checks) {
  console.log(`${check.ok ? 'ok  ' : 'FAIL'} ${check.what}`);
  for (const line of check.details) console.log(`       ${line}`);
}
const failed = checks.filter((c) => !c.ok).length;
console.log(`verify: ${checks.length - failed} passed, ${failed} failed`);
process.exitCode = failed === 0 ? 0 : 1;
