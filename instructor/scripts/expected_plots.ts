/**
 * Regenerates docs/expected/ (the reference's plots the guides show): npm run expected-plots
 */
import { EXPECTED_DIR, writeExpectedPlots } from '../check/expected-plots';

const files = writeExpectedPlots();
console.log(`${files.length} expected plots in ${EXPECTED_DIR}`);
