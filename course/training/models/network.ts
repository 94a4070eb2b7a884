/**
 * Part 2, the 2-2-1 sigmoid network (the lab's train_network.py): w, W̃ ~ N(0, 0.58²), b = 0,
 * b̃ = 0, trained by exercises/network.ts's updateWeights on mini-batches; its hidden neurons'
 * lines in input space, and the test set in the hidden space beside the decision plot.
 */
import path from 'node:path';
import { decisionChart, hiddenSpaceChart, plotHiddenSpace } from '../../plots/lab-plots';
import { loadModule, type Target } from '../../targets';
import type { Matrix, Vector } from '../../../lib/types';
import { labModel } from '../lab';

type NetworkModule = typeof import('../../../exercises/network');

export interface NetworkParams {
  w: Vector;
  b: number;
  Wt: Matrix;
  bt: Vector;
}

export const NETWORK = labModel<NetworkParams, ReturnType<typeof networkStudent>>({
  name: 'network',
  script: 'train:network',
  description: 'Trains a 2-2-1 sigmoid network on a 2-D dataset and plots the result.',
  defaults: { linearlySeparable: false, batchSize: 500, learningRate: 0.5, epochs: 2000 },
  // the lab's order: w (2 values), then W̃ (2×2, row by row)
  init: (rs) => ({ w: rs.normal(0, 0.58, 2), b: 0, Wt: rs.normal(0, 0.58, [2, 2]), bt: [0, 0] }),
  student: networkStudent,
  // hidden neuron j fires half-way (h_j = 0.5) on the line W̃[0][j]·x1 + W̃[1][j]·x2 + b̃[j] = 0
  lines: ({ Wt, bt }) => bt.map((btj, j) => ({ w: [Wt[0][j], Wt[1][j]], b: btj, label: `hidden neuron ${j + 1}: a_h${j + 1} = 0` })),
  extraPlots: (student, params, decision, outDir, stem) => {
    const file = path.join(outDir, `${stem}-hidden.png`);
    const hidden = student.hidden(decision.test.x, params);
    plotHiddenSpace(file, { hidden, t: decision.test.t, w: params.w, b: params.b, title: 'Test set in the hidden space (h1, h2), by class' }, decision);
    return [file];
  },
  // the animation shows the test set moving through the hidden space beside the input space
  frameCharts: (student, params, decision) => [
    hiddenSpaceChart({ hidden: student.hidden(decision.test.x, params), t: decision.test.t, w: params.w, b: params.b, title: 'Test set in the hidden space (h1, h2), by class' }),
    decisionChart(decision),
  ],
  parameters: ({ w, b, Wt, bt }) => ({ w, b, Wt, bt }),
});

function networkStudent(target: Target) {
  const network = loadModule<NetworkModule>(target, 'network');
  return {
    update: (x: Matrix, t: Vector, { w, b, Wt, bt }: NetworkParams, learningRate: number): NetworkParams => {
      const [w1, b1, Wt1, bt1] = network.updateWeights(x, t, w, b, Wt, bt, learningRate);
      return { w: w1, b: b1, Wt: Wt1, bt: bt1 };
    },
    loss: (x: Matrix, t: Vector, { w, b, Wt, bt }: NetworkParams) => network.lossFunction(x, t, w, b, Wt, bt),
    predict: (x: Matrix, t: Vector, { w, b, Wt, bt }: NetworkParams) => network.evaluatePrediction(x, t, w, b, Wt, bt),
    output: (x: Matrix, { w, b, Wt, bt }: NetworkParams) => network.evaluateNetwork(x, w, b, Wt, bt)[0],
    hidden: (x: Matrix, { w, b, Wt, bt }: NetworkParams) => network.evaluateNetwork(x, w, b, Wt, bt)[2],
  };
}
