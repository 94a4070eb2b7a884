/**
 * The Gradescope autograder (`npm run gradescope -- --out autograder.zip`): the committed course
 * (without reference/, instructor/ and .ci/, which grading does not need), a setup.sh that installs
 * Node and the course's packages, and a run_autograder that grades /autograder/submission with
 * --submission and writes /autograder/results/results.json (a valid failure result when grading
 * itself fails). Both read their root from AUTOGRADER_ROOT (default /autograder), so a test can run
 * them in a temporary folder.
 */
import { execFileSync } from 'node:child_process';
import AdmZip from 'adm-zip';
import { ROOT } from '../targets';

/** Node for setup.sh: the course needs ≥ 20.19 (engines in package.json). */
export const NODE_VERSION = '20.19.5';

export const SETUP_SH = `#!/usr/bin/env bash
# Gradescope runs this once when it builds the autograder image.
set -euo pipefail
ROOT="\${AUTOGRADER_ROOT:-/autograder}"
if ! command -v node >/dev/null || ! node -e 'const [a, b] = process.versions.node.split(".").map(Number); process.exit(a > 20 || (a === 20 && b >= 19) ? 0 : 1)'; then
  apt-get update -qq && apt-get install -y -qq curl xz-utils ca-certificates >/dev/null
  mkdir -p "$ROOT/node"
  curl -fsSL "https://nodejs.org/dist/v${NODE_VERSION}/node-v${NODE_VERSION}-linux-x64.tar.xz" | tar -xJ -C "$ROOT/node" --strip-components=1
fi
export PATH="$ROOT/node/bin:$PATH"
cd "$ROOT/source/course"
npm ci --ignore-scripts --no-audit --no-fund
`;

export const RUN_AUTOGRADER = `#!/usr/bin/env bash
# Gradescope runs this once per submission: grade the submission's exercise files with the
# course's trusted grader, write results/results.json. Always leaves a valid results.json.
set -uo pipefail
ROOT="\${AUTOGRADER_ROOT:-/autograder}"
COURSE="$ROOT/source/course"
RESULTS="$ROOT/results"
export PATH="$ROOT/node/bin:$PATH"
mkdir -p "$RESULTS"
fail() {
  node -e 'const [file, why] = process.argv.slice(1); require("fs").writeFileSync(file, JSON.stringify({ score: 0, output: "The autograder could not grade this submission: " + why + ". Please tell the course staff.", output_format: "text", visibility: "visible", stdout_visibility: "hidden", tests: [] }, null, 2))' "$RESULTS/results.json" "$1" \\
    || printf '{"score": 0, "output": "The autograder could not grade this submission.", "visibility": "visible", "tests": []}\\n' > "$RESULTS/results.json"
  exit 0
}
command -v node >/dev/null || fail "node is not installed"
submission="$(mktemp -d)"
mkdir -p "$submission/exercises"
# only regular exercise files: exercises/*.ts (or *.ts uploaded at the top level)
for file in "$ROOT/submission/exercises/"*.ts "$ROOT/submission/"*.ts; do
  if [ -f "$file" ] && [ ! -L "$file" ]; then cp -- "$file" "$submission/exercises/"; fi
done
cd "$COURSE" || fail "the course is not installed"
node --require ./course/cli/typescript.cjs scripts/grade.ts --submission "$submission" --out "$RESULTS" > "$RESULTS/grade.log" 2>&1 \\
  || fail "$(tail -n 1 "$RESULTS/grade.log" | tr -d '"\\\\')"
[ -s "$RESULTS/results.json" ] || fail "no results were written"
`;

/** Builds the autograder zip at `out`; returns the number of course files in it. */
export function buildAutograder(out: string): number {
  const archive = execFileSync('git', ['archive', '--format=zip', '--prefix=course/', 'HEAD', '--', '.', ':(exclude)reference', ':(exclude)instructor', ':(exclude).ci'], { cwd: ROOT, maxBuffer: 256 * 1024 * 1024 });
  const zip = new AdmZip(archive);
  const count = zip.getEntries().filter((e) => !e.isDirectory).length;
  zip.addFile('setup.sh', Buffer.from(SETUP_SH), '', 0o755 << 16);
  zip.addFile('run_autograder', Buffer.from(RUN_AUTOGRADER), '', 0o755 << 16);
  zip.writeZip(out);
  return count;
}

/** The top-level fields of Gradescope's results.json specification. */
export const RESULTS_FIELDS = ['score', 'execution_time', 'output', 'output_format', 'test_output_format', 'test_name_format', 'visibility', 'stdout_visibility', 'extra_data', 'tests', 'leaderboard'];
/** The fields of one test in that specification. */
export const TEST_FIELDS = ['score', 'max_score', 'status', 'name', 'name_format', 'number', 'output', 'output_format', 'tags', 'visibility', 'extra_data'];
