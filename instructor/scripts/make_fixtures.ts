/**
 * Regenerates tests/fixtures.json, the suites' expected values, from reference/.
 *   npm run make-fixtures
 */
import { writeFileSync } from 'node:fs';
import { runMain } from '../../course/cli/flags';
import { FIXTURES_FILE, fixturesText } from '../fixtures/fixtures';

runMain(() => {
  writeFileSync(FIXTURES_FILE, fixturesText());
  console.log(`wrote ${FIXTURES_FILE}`);
});
