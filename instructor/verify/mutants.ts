/**
 * The mutants of the reference: each one deliberate, typical mistake, written in reference/ as a
 * marker comment right above the line it replaces:
 *
 *   // mutant "bias not updated": return [newW, b];
 *   return [newW, b - (learningRate * gradB) / n];
 *
 * A mutant may mark several lines (all are replaced together), and a line may carry several
 * mutants. Markers follow the code when it is reformatted, and the mutant lives beside its line.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from '../../course/targets';

export interface Mutant {
  name: string;
  module: string;
}

const MARKER = /^(\s*)\/\/ mutant "([^"]+)": (.*)$/;

/** Every mutant named in reference/, in file and line order. */
export function findMutants(): Mutant[] {
  const mutants: Mutant[] = [];
  for (const file of readdirSync(path.join(ROOT, 'reference')).filter((f) => f.endsWith('.ts')).sort()) {
    for (const line of readFileSync(path.join(ROOT, 'reference', file), 'utf8').split('\n')) {
      const match = MARKER.exec(line);
      if (match && !mutants.some((m) => m.name === match[2])) mutants.push({ name: match[2], module: path.basename(file, '.ts') });
    }
  }
  return mutants;
}

/** The module's text with `mutant` applied (each of its markers replaces the next code line) and every marker removed. */
export function applyMutant(text: string, mutant: string): string {
  const lines = text.split('\n');
  const out: string[] = [];
  let pending: string | undefined;
  let applied = 0;
  for (const line of lines) {
    const match = MARKER.exec(line);
    if (match) {
      if (match[2] === mutant) pending = match[1] + match[3];
      continue;
    }
    if (pending !== undefined && line.trim() !== '') {
      out.push(pending);
      pending = undefined;
      applied += 1;
    } else out.push(line);
  }
  if (applied === 0) throw new Error(`mutant "${mutant}": no marker in this module`);
  return out.join('\n');
}
