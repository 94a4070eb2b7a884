import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { resolveTarget } from '../../course/targets';
import { UsageError } from '../../course/cli/errors';
import { LOGREG } from '../../course/training/models/logreg';
import { MLP, PRESETS, initialParameters, validateNetwork, type MlpSettings } from '../../course/training/models/mlp';
import { runModel } from '../../course/training/run';
import { RandomState } from '../../course/numpy/random';

const out = mkdtempSync(path.join(tmpdir(), 'notebook-runs-'));
const quiet = { target: resolveTarget('reference'), out, quiet: true, plots: false, json: undefined };
const runMlp = (settings: Omit<MlpSettings, 'preset'>) => runModel(MLP, { preset: 'hidden2', ...settings });
const misclassified = (run: { evaluation: { scores: Record<string, unknown> } }) => run.evaluation.scores.misclassified as number;

describe('validateNetwork', () => {
  it.each([
    [[2, 1], ['logistic', 'tanh'], /needs one name per layer after the input: 1 for --layers 2,1, got 2/],
    [[2, 4, 1], ['tanh', 'sigmoid'], /unknown activation sigmoid: choose from logistic, tanh, relu/],
    [[2, 0, 1], ['tanh', 'logistic'], /sizes must be whole numbers ≥ 1/],
    [[3, 4, 1], ['tanh', 'logistic'], /must start with 2/],
    [[2, 4, 2], ['tanh', 'logistic'], /must end with 1/],
    [[2], [], /at least an input and an output size/],
  ])('rejects layers %j with activations %j', (layers, activations, message) => {
    expect(() => validateNetwork(layers, activations)).toThrow(UsageError);
    expect(() => validateNetwork(layers, activations)).toThrow(message);
  });
});

describe('initialParameters', () => {
  it('draws W_l = randn(n_{l−1}, n_l)·scale in layer order from one RandomState, biases zero', () => {
    const { ws, bs } = initialParameters([2, 3, 1], 4242, 0.1);
    const rs = new RandomState(4242);
    expect(ws[0].toArray()).toEqual(rs.randn(2, 3).map((r) => r.map((v) => v * 0.1)));
    expect(ws[1].toArray()).toEqual(rs.randn(3, 1).map((r) => r.map((v) => v * 0.1)));
    expect(bs.map((b) => b.toArray())).toEqual([[[0, 0, 0]], [[0]]]);
  });
});

describe('the notebook runs (reference)', () => {
  it('logistic regression cannot fit the sin data but lowers its cost', async () => {
    const run = await runModel(LOGREG, { ...quiet, data: 'sin', cost: 'cross-entropy', learningRate: 0.1, epochs: 500 });
    expect(misclassified(run)).toBe(8);
    expect(run.losses[499]).toBeLessThan(run.losses[0]);
  });

  it('the deep preset classifies every example (0 misclassified)', async () => {
    const run = await runMlp({ ...quiet, ...PRESETS.deep, name: 'deep' });
    expect(misclassified(run)).toBe(0);
    expect(run.losses).toHaveLength(2000);
  }, 60_000);

  it('gives identical results for the same seed (the matrix products sum in a fixed order)', async () => {
    const settings = { ...quiet, ...PRESETS.deep, layers: [2, 40, 40, 2, 1], epochs: 20, name: 'det' };
    const { seconds: _a, ...first } = (await runMlp(settings)).summary;
    const { seconds: _b, ...second } = (await runMlp(settings)).summary;
    expect(JSON.stringify(second)).toBe(JSON.stringify(first));
  });

  it('stops with a clear message when training diverges', async () => {
    const relu = { layers: [2, 8, 8, 1], activations: ['relu', 'relu', 'logistic'] as ('relu' | 'logistic')[], cost: 'mse' as const };
    await expect(runMlp({ ...quiet, ...PRESETS.deep, ...relu, learningRate: 1e300, epochs: 50, name: 'diverge' })).rejects.toThrow(/training diverged at epoch \d+: /);
  });

  it('records the cost of every epoch, the first for the initial parameters', async () => {
    const run = await runMlp({ ...quiet, ...PRESETS.hidden2, epochs: 3, name: 'hidden2' });
    expect(run.losses).toHaveLength(3);
    expect(run.losses[0]).toBeCloseTo(Math.LN2, 2); // outputs ≈ 0.5 with weights ·0.1
  });

  it('skips the hidden-space plot with a note when the last hidden layer is not two neurons', async () => {
    const log = jest.spyOn(console, 'log').mockImplementation(() => undefined);
    const run = await runMlp({ ...quiet, quiet: false, plots: true, ...PRESETS.hidden2, layers: [2, 3, 1], epochs: 2, name: 'three' });
    expect(run.plots.map((p) => path.basename(p))).toEqual(['mlp-three-decision.png', 'mlp-three-cost.png']);
    expect(log.mock.calls.flat().join('\n')).toContain('no hidden-space plot: the last hidden layer has 3 neurons');
    log.mockRestore();
  });
});
