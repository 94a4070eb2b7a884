/**
 * The expected plots in docs/expected/: what the reference draws at the lab's defaults (every PNG
 * of `npm run demo`, and one GIF per part), shown in the guides because students cannot run
 * `--target reference`. `npm run expected-plots` regenerates them; `npm run check` regenerates
 * them into a temporary folder and compares the bytes. The renderer is deterministic (a bundled
 * font, seeded runs, a deterministic GIF encoder), so nothing else is tolerated.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DEMO_RUNS } from '../../course/training/demo';
import { ROOT, resolveTarget } from '../../course/targets';

export const EXPECTED_DIR = path.join(ROOT, 'docs', 'expected');
/** One animation per part (the demo runs that draw them): the GIFs are large, the PNGs show the rest. */
export const ANIMATED_RUNS = ['Part 1: train:neuron', 'Part 2: train:network', 'Part 3: train:mlp --preset hidden2'];

/** Runs every demo run with the reference into `dir`, animating one run per part; returns the file names. */
export async function writeExpectedPlots(dir = EXPECTED_DIR): Promise<string[]> {
  const target = resolveTarget('reference');
  for (const demo of DEMO_RUNS) await demo.run(dir, target, ANIMATED_RUNS.includes(demo.title));
  return readdirSync(dir).filter((f) => /\.(png|gif)$/.test(f)).sort();
}

/** Regenerates the expected plots and compares them with docs/expected/ byte for byte. */
export async function checkExpectedPlots(): Promise<{ what: string; ok: boolean; details: string[] }> {
  const fresh = mkdtempSync(path.join(tmpdir(), 'expected-plots-'));
  try {
    const log = console.log;
    console.log = () => undefined; // the runs' own output; check prints one line per check
    let made: string[];
    try {
      made = await writeExpectedPlots(fresh);
    } finally {
      console.log = log;
    }
    const committed = readdirSync(EXPECTED_DIR).filter((f) => /\.(png|gif)$/.test(f)).sort();
    const details = [
      ...made.filter((f) => !committed.includes(f)).map((f) => `missing in docs/expected: ${f}`),
      ...committed.filter((f) => !made.includes(f)).map((f) => `no longer drawn: docs/expected/${f}`),
      ...made.filter((f) => committed.includes(f) && !readFileSync(path.join(fresh, f)).equals(readFileSync(path.join(EXPECTED_DIR, f)))).map((f) => `out of date: docs/expected/${f}`),
    ];
    if (details.length > 0) details.push('regenerate them: npm run expected-plots');
    return { what: 'docs/expected/ holds the plots the reference draws today, byte for byte', ok: details.length === 0, details };
  } finally {
    rmSync(fresh, { recursive: true, force: true });
  }
}
