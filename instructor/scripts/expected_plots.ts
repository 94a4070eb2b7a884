/**
 * Regenerates docs/expected/ (the reference's plots the guides show): npm run expected-plots
 */
import { EXPECTED_DIR, writeExpectedPlots } from '../check/expected-plots';

void writeExpectedPlots().then((files) => console.log(`${files.length} expected plots in ${EXPECTED_DIR}`));
