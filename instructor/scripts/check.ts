/**
 * The maintainers' gate (`npm run check`, what CI runs): every check of instructor/check/check.ts,
 * a line each, then `check: N passed, N failed` and a non-zero exit if anything failed.
 */
import { runCheck } from '../check/check';

void runCheck().then(({ passed, failed }) => {
  console.log(`check: ${passed} passed, ${failed} failed`);
  process.exitCode = failed === 0 ? 0 : 1;
});
