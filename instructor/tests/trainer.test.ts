import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { UsageError } from '../../course/cli/errors';
import { DEFAULT_SEED } from '../../course/training/lab';
import { NETWORK, type NetworkParams } from '../../course/training/models/network';
import { NEURON, type NeuronParams } from '../../course/training/models/neuron';
import { parseSettings, runModel, type ModelRun } from '../../course/training/run';

const parse = (...argv: string[]) => parseSettings(NEURON, argv);

describe('parseSettings (the lab trainers)', () => {
  it('applies the neuron\'s lab defaults', () => {
    expect(parse()).toMatchObject({ target: { name: 'exercises' }, linearlySeparable: true, batchSize: 500, learningRate: 0.5, epochs: 1000, seed: DEFAULT_SEED, out: 'plots', quiet: false });
  });

  it('reads every flag', () => {
    const args = parse('--target', 'reference', '--no-linearly-separable', '--batch-size', '100', '--learning-rate', '0.1', '--epochs', '5', '--seed', '7', '--out', 'x', '--json', 'r.json', '--quiet');
    expect(args).toMatchObject({ target: { name: 'reference' }, linearlySeparable: false, batchSize: 100, learningRate: 0.1, epochs: 5, seed: 7, out: 'x', json: 'r.json', quiet: true });
  });

  it.each([
    [['--batch-size', '0'], /--batch-size must be a whole number from 1/],
    [['--batch-size', '-5'], /--batch-size must be a whole number from 1/],
    [['--batch-size', '2.5'], /--batch-size must be a whole number from 1/],
    [['--batch-size', 'ten'], /--batch-size must be a number, got "ten"/],
    [['--learning-rate', '0'], /--learning-rate must be a finite number greater than 0/],
    [['--learning-rate', '-0.1'], /--learning-rate must be a finite number greater than 0/],
    [['--learning-rate', 'Infinity'], /--learning-rate must be a number/],
    [['--learning-rate', '1e999'], /--learning-rate must be a finite number greater than 0/],
    [['--epochs', '0'], /--epochs must be a whole number from 1 to 100000/],
    [['--epochs', '100000000'], /--epochs must be a whole number from 1 to 100000/],
    [['--seed', '-1'], /--seed must be a whole number from 0 to 4294967295/],
    [['--seed', '1.5'], /--seed must be a whole number from 0 to 4294967295/],
    [['--seed', '4294967296'], /--seed must be a whole number from 0 to 4294967295/],
    [['--epochs', '3', '--epochs', '4'], /--epochs was given more than once/],
    [['--target', 'mine'], /--target mine: no such folder/],
    [['--bogus'], /Unknown argument: bogus/],
  ])('rejects %j with one line', (argv, message) => {
    expect(() => parse(...argv)).toThrow(UsageError);
    expect(() => parse(...argv)).toThrow(message);
  });
});

describe('runModel (reference neuron, a short run)', () => {
  const out = mkdtempSync(path.join(tmpdir(), 'trainer-test-'));
  const args = { ...parse('--target', 'reference', '--epochs', '20', '--quiet'), out, json: path.join(out, 'run.json') };
  let run: ModelRun<NeuronParams>;
  beforeAll(async () => {
    run = await runModel(NEURON, args);
  });

  it('records one validation loss per epoch, falling', () => {
    expect(run.losses).toHaveLength(20);
    expect(run.losses[19]).toBeLessThan(run.losses[0]);
  });

  it('learns the separable set', () => {
    expect((run.evaluation.scores.accuracy as { test: number }).test).toBeGreaterThan(0.95);
  });

  it('writes three PNG plots', () => {
    expect(run.plots.map((p) => path.basename(p))).toEqual([
      'dataset-linearly-separable.png',
      'neuron-linearly-separable-decision.png',
      'neuron-linearly-separable-loss.png',
    ]);
    for (const file of run.plots) expect(readFileSync(file).subarray(1, 4).toString()).toBe('PNG');
  });

  it('writes the JSON summary with parameters, accuracy, losses and seconds', () => {
    const json = JSON.parse(readFileSync(args.json, 'utf8'));
    expect(Object.keys(json)).toEqual(['parameters', 'accuracy', 'validationLoss', 'seconds']);
    expect(Object.keys(json.parameters)).toEqual(['w', 'b']);
    expect(json.validationLoss).toEqual(run.losses);
    expect(run.plots.map((p) => path.basename(p))).toEqual(['dataset-linearly-separable.png', 'neuron-linearly-separable-decision.png', 'neuron-linearly-separable-loss.png']);
  });

  it('gives the same result for the same seed', async () => {
    const again = await runModel(NEURON, { ...args, json: undefined });
    const { seconds: _a, ...first } = run.summary;
    const { seconds: _b, ...second } = again.summary;
    expect(second).toEqual(first);
  });

  it('rejects a batch larger than the training set', async () => {
    await expect(runModel(NEURON, { ...args, batchSize: 4001 })).rejects.toThrow(/--batch-size 4001 is larger than the training set \(4000 rows\)/);
  });

  it('rejects an output directory it cannot write', async () => {
    const file = path.join(out, 'a-file');
    writeFileSync(file, '');
    await expect(runModel(NEURON, { ...args, out: path.join(file, 'plots') })).rejects.toThrow(/cannot write to this directory/);
  });

  it('rejects an output under /proc at once (a recursive mkdir never returns there) and an empty --out', async () => {
    await expect(runModel(NEURON, { ...args, out: '/proc/self/plots/run' })).rejects.toThrow(/--out \/proc\/self\/plots\/run: cannot write to this directory/);
    await expect(runModel(NEURON, { ...args, out: '/proc' })).rejects.toThrow(/cannot write to this directory \(a kernel file system\)/);
    await expect(runModel(NEURON, { ...args, out: '' })).rejects.toThrow(/--out needs a directory/);
  });

  it('stops with a clear message when training diverges', async () => {
    await expect(runModel(NEURON, { ...args, learningRate: 1e308 })).rejects.toThrow(/diverged at epoch 1/);
  });
});

describe('runModel (reference network, a short run)', () => {
  const out = mkdtempSync(path.join(tmpdir(), 'trainer-network-'));
  const args = { ...parseSettings(NETWORK, ['--target', 'reference', '--epochs', '10', '--quiet']), out };
  let run: ModelRun<NetworkParams>;
  beforeAll(async () => {
    run = await runModel(NETWORK, args);
  });

  it('writes the hidden-space plot, twice as wide as the others', () => {
    const hidden = run.plots.find((p) => p.endsWith('network-not-linearly-separable-hidden.png'));
    expect(hidden).toBeDefined();
    const png = readFileSync(hidden as string);
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([2000, 750]);
  });

  it('reports all four parameters in the JSON summary', () => {
    expect(Object.keys(run.summary.parameters as object)).toEqual(['w', 'b', 'Wt', 'bt']);
  });

  it('draws nothing with --no-plots', async () => {
    expect((await runModel(NETWORK, { ...args, plots: false })).plots).toEqual([]);
  });
});
