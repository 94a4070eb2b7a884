/**
 * npm run gradcheck: the reference passes every parameter of every part; a sign-flipped neuron
 * (instructor/tests/gradcheck-flipped/) is named as such on every parameter.
 */
import path from 'node:path';
import { PROBLEMS, checkProblem, gradientCheck, problemsFor } from '../../course/gradcheck';
import { resolveTarget, type Target } from '../../course/targets';

const reference = resolveTarget('reference');
const flipped: Target = { name: 'instructor/tests/gradcheck-flipped', dir: path.join(__dirname, 'gradcheck-flipped') };

describe('gradcheck', () => {
  it.each(PROBLEMS.map((p) => [`${p.module}.${p.function}`, p] as const))('%s: the reference matches the numerical gradient on every parameter', (_, problem) => {
    const check = checkProblem(problem, reference);
    expect(check.rows.length).toBeGreaterThan(0);
    for (const row of check.rows) expect(row).toMatchObject({ verdict: expect.stringMatching(/^ok/), ok: true });
  });

  it('a sign-flipped neuron: every parameter "sign flipped", ratio −1', () => {
    const { checks, text, ok } = gradientCheck('neuron.updateWeights', flipped);
    expect(ok).toBe(false);
    for (const row of checks[0].rows) {
      expect(row.verdict).toMatch(/^sign flipped/);
      expect(row.ratio).toBeCloseTo(-1, 6);
    }
    expect(text).toContain('3 of 3 parameters do not match');
  });

  it('updateWeights checks Parts 1 and 2; module.function picks one; an unknown name lists the choices', () => {
    expect(problemsFor('updateWeights').map((p) => p.module)).toEqual(['neuron', 'network']);
    expect(problemsFor('backprop').map((p) => p.module)).toEqual(['one_hidden_layer', 'mlp']);
    expect(problemsFor('network.updateWeights')).toHaveLength(1);
    expect(() => problemsFor('lossFunction')).toThrow(/gradcheck knows no "lossFunction".*neuron\.updateWeights/);
  });
});
