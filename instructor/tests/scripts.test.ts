/**
 * The scripts as a student runs them: real processes, their exit codes and what they print.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { scriptProcess } from '../../course/cli/script-process';

const ROOT = path.resolve(__dirname, '..', '..');

function run(script: string, ...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(...scriptProcess(path.join(ROOT, 'scripts', script), args), { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const out = mkdtempSync(path.join(tmpdir(), 'scripts-test-'));

describe('train_neuron.ts', () => {
  it('on the stubs: exits 1 naming the function to implement, in one line', () => {
    const { status, stderr } = run('train_neuron.ts', '--out', out, '--epochs', '2');
    expect(status).toBe(1);
    expect(stderr.trim()).toMatch(/^error: \w+ is not implemented yet: implement it in exercises\/neuron\.ts/);
    expect(stderr.trim().split('\n')).toHaveLength(1);
  });

  it('on a bad flag: exits 1 with one line and no stack trace', () => {
    const { status, stderr } = run('train_neuron.ts', '--batch-size', '0');
    expect(status).toBe(1);
    expect(stderr.trim()).toBe('error: --batch-size must be a whole number from 1 to 1000000, got 0 (see --help)');
  });

  it('on an unknown flag: exits 1 with one line', () => {
    const { status, stderr } = run('train_neuron.ts', '--fast');
    expect(status).toBe(1);
    expect(stderr.trim()).toBe('error: Unknown argument: fast (see --help)');
  });

  it('--help lists the flags and exits 0', () => {
    const { status, stdout } = run('train_neuron.ts', '--help');
    expect(status).toBe(0);
    for (const flag of ['--target', '--linearly-separable', '--batch-size', '--learning-rate', '--epochs', '--seed', '--out', '--json', '--quiet']) {
      expect(stdout).toContain(flag);
    }
  });

  it('with the reference: prints the accuracy table and the plot paths', () => {
    const { status, stdout } = run('train_neuron.ts', '--target', 'reference', '--epochs', '5', '--out', out);
    expect(status).toBe(0);
    expect(stdout).toMatch(/test\s+│\s+1000\s+│\s+\d+\.\d\d %/);
    expect(stdout).toContain('neuron-linearly-separable-decision.png');
  });
});

describe('train_network.ts', () => {
  it('on the stubs: exits 1 naming a function of exercises/network.ts, in one line', () => {
    const { status, stderr } = run('train_network.ts', '--out', out, '--epochs', '2');
    expect(status).toBe(1);
    expect(stderr.trim()).toMatch(/^error: \w+ is not implemented yet: implement it in exercises\/network\.ts/);
    expect(stderr.trim().split('\n')).toHaveLength(1);
  });

  it('with the reference: writes the hidden-space plot too', () => {
    const { status, stdout } = run('train_network.ts', '--target', 'reference', '--epochs', '5', '--out', out);
    expect(status).toBe(0);
    expect(stdout).toContain('network-not-linearly-separable-hidden.png');
  });
});

describe('sweep.ts', () => {
  it('summarises the test accuracy over the seeds', () => {
    const { status, stdout } = run('sweep.ts', '--model', 'neuron', '--target', 'reference', '--seeds', '0,1', '--epochs', '3', '--quiet');
    expect(status).toBe(0);
    expect(stdout).toMatch(/below 90\.0 % in \d of 2 runs/);
  });

  it('rejects a malformed --seeds in one line', () => {
    const { status, stderr } = run('sweep.ts', '--seeds', '3-1');
    expect(status).toBe(1);
    expect(stderr.trim()).toMatch(/^error: --seeds range 3-1 is empty or too long/);
  });
});

describe('train_logreg.ts and train_mlp.ts', () => {
  it('on the stubs: exit 1 with one line naming what to implement', () => {
    for (const script of ['train_logreg.ts', 'train_mlp.ts']) {
      const { status, stderr } = run(script, '--out', out, '--epochs', '2');
      expect(status).toBe(1);
      expect(stderr.trim()).toMatch(/^error: \w+ is not implemented yet: implement it in exercises\/\w+\.ts/);
      expect(stderr.trim().split('\n')).toHaveLength(1);
    }
  });

  it('rejects layers and activations that disagree, in one line', () => {
    const { status, stderr } = run('train_mlp.ts', '--layers', '2,4,1', '--activations', 'tanh');
    expect(status).toBe(1);
    expect(stderr.trim()).toBe('error: --activations needs one name per layer after the input: 2 for --layers 2,4,1, got 1');
  });

  it('rejects an unknown cost and a malformed --layers, in one line', () => {
    expect(run('train_logreg.ts', '--cost', 'hinge').stderr.trim()).toBe('error: Invalid values: Argument: cost, Given: "hinge", Choices: "cross-entropy", "mse" (see --help)');
    expect(run('train_mlp.ts', '--layers', '2,x,1').stderr.trim()).toBe('error: --layers takes whole sizes ≥ 1 separated by commas, like 2,200,1, got "2,x,1" (see --help)');
  });

  it('with the reference: the hidden2 preset writes its three plots', () => {
    const { status, stdout } = run('train_mlp.ts', '--target', 'reference', '--epochs', '20', '--out', out);
    expect(status).toBe(0);
    expect(stdout).toContain('Training with reference/one_hidden_layer.ts');
    expect(stdout).toContain('mlp-hidden2-custom-hidden.png');
  });
});

describe('student tools', () => {
  it('hint prints the levels asked for', () => {
    const { status, stdout } = run('hint.ts', 'updateWeights', '--level', '2');
    expect(status).toBe(0);
    expect(stdout).toContain('hint 1, a nudge:');
    expect(stdout).toContain('hint 2, the formula:');
    expect(stdout).not.toContain('hint 3');
  });

  it('hint rejects an unknown function in one line', () => {
    const { status, stderr } = run('hint.ts', 'backpropagate');
    expect(status).toBe(1);
    expect(stderr.trim()).toMatch(/^error: no exercise function "backpropagate"; the functions are: evaluateNeuron, /);
  });

  it('hint without a function: one line that says how to call it', () => {
    const { status, stderr } = run('hint.ts');
    expect(status).toBe(1);
    expect(stderr.trim()).toMatch(/^error: name a function: npm run hint -- updateWeights \[--level 1\|2\|3\]/);
    expect(stderr.trim().split('\n')).toHaveLength(1);
  });

  it('watch --once grades once, prints the status once and exits', () => {
    const { status, stdout } = run('watch.ts', '--once');
    expect(status).toBe(0);
    expect(stdout.match(/Now: neuron\.ts › evaluateNeuron/g)).toHaveLength(1);
    expect(stdout.match(/evaluateNeuron: not started/g)).toHaveLength(1);
    expect(stdout).not.toContain('Watching');
  });

  it('watch without a terminal ends when its input ends', async () => {
    const child = spawn(...scriptProcess(path.join(ROOT, 'scripts', 'watch.ts')), { cwd: ROOT, stdio: ['pipe', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stdin.end();
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(code).toBe(0);
    expect(output).toContain('bye');
  }, 60_000);

  it('progress lists every function and exits 0', () => {
    const { status, stdout } = run('progress.ts');
    expect(status).toBe(0);
    expect(stdout).toContain('0 of 19 functions done');
    expect(stdout).toMatch(/Next: evaluateNeuron in exercises\/neuron\.ts:\d+/);
  });

  it('watch without a terminal: plain output, h gives a hint, q quits', async () => {
    const child = spawn(...scriptProcess(path.join(ROOT, 'scripts', 'watch.ts')), { cwd: ROOT, stdio: ['pipe', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Watching exercises/') && !output.includes('hint 1')) child.stdin.write('h\n');
      if (output.includes('hint 1 of 3 for') && !output.includes('hint 2')) child.stdin.write('h\nh\nh\n');
      if (output.includes('No more hints') && !output.includes('bye')) child.stdin.write('q\n');
    });
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(code).toBe(0);
    expect(output).toContain('[--------------------] 0 of 19 done');
    expect(output).toContain('hint 1 of 3 for neuron.ts › evaluateNeuron: One value per sample');
    expect(output).toContain('hint 3 of 3 for neuron.ts › evaluateNeuron');
    expect(output).toContain('No more hints for neuron.ts › evaluateNeuron: that was the last of 3.');
    expect(output).toContain('· neuron.ts › evaluateNeuron: not started');
    expect(output).not.toContain('\u001b[2J'); // no screen clearing without a terminal
    expect(output).toContain('bye');
  }, 60_000);
});

describe('every command: one error line and exit 1 for careless input (issue 13, found by a new-user run)', () => {
  const instructorRun = (script: string, ...args: string[]) => {
    const result = spawnSync(...scriptProcess(path.join(ROOT, 'instructor', 'scripts', script), args), { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
    return { status: result.status, stdout: result.stdout, stderr: result.stderr };
  };
  const roster = path.join(out, 'twice.csv');
  writeFileSync(roster, 'student,repository\nalice,/nowhere/a\nalice,/nowhere/b\n');

  it.each([
    ['hint.ts', ['updateWeights', '--level'], /^error: --level needs a value$/],
    ['grade.ts', ['--only', 'foo'], /^error: --only foo: "foo" is not a module/],
    ['grade.ts', ['--timeout'], /^error: --timeout needs a value$/],
    ['grade.ts', ['--preview=maybe'], /^error: --preview takes true or false/],
    ['progress.ts', ['--timeout', '1e9'], /^error: --timeout must be a number from 0\.1 to 600/],
    ['watch.ts', ['--once=maybe'], /^error: --once takes true or false/],
    ['gradcheck.ts', ['updateWeights', '--target'], /^error: --target needs a value$/],
    ['gradescope.ts', ['--out', out], /is a directory, not a file/],
    ['grade_class.ts', ['--roster', roster, '--out', path.join(out, 'class')], /student "alice" is listed twice/],
    ['grade_class.ts', ['--roster', path.join(out, 'missing.csv'), '--out', path.join(out, 'class')], /no such roster file/],
    ['train_neuron.ts', ['--learning-rate', '-1e-3'], /^error: --learning-rate must be a finite number greater than 0, got -1e-3/],
  ] as const)('%s %j', (script, args, message) => {
    const { status, stderr } = run(script, ...args);
    expect(status).toBe(1);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr.trim()).toMatch(message);
  });

  it('release --out under /proc, or a file: one line, nothing left', () => {
    for (const target of ['/proc/lab-release', path.join(out, 'twice.csv')]) {
      const { status, stderr } = instructorRun('release.ts', '--out', target);
      expect(status).toBe(1);
      expect(stderr.trim()).toMatch(/^error: --out .*(kernel file system|not a directory)/);
    }
  });
});
