/** The 2-2-1 network of Part 2 as a Classifier, from exercises/network.ts or reference/network.ts. */
import path from 'node:path';
import { plotHiddenSpace, type DecisionPlot, type Line } from '../../plots/lab-plots';
import type { RandomState } from '../../numpy/random';
import { loadModule, type Target } from '../../targets';
import type { Matrix, Vector } from '../../../lib/types';
import type { Classifier } from './classifier';

type NetworkModule = typeof import('../../../exercises/network');

export interface NetworkParams {
  w: Vector;
  b: number;
  Wt: Matrix;
  bt: Vector;
}

export function networkClassifier(target: Target): Classifier<NetworkParams> & { hidden: (x: Matrix, p: NetworkParams) => Matrix } {
  const network = loadModule<NetworkModule>(target, 'network');
  return {
    // the lab's order: w ~ N(0, 0.58²) (2 values), then W̃ (2×2, row by row); b = 0, b̃ = 0
    init: (rs: RandomState) => {
      const w = rs.normal(0, 0.58, 2);
      const Wt = rs.normal(0, 0.58, [2, 2]);
      return { w, b: 0, Wt, bt: [0, 0] };
    },
    update: (x, t, { w, b, Wt, bt }, learningRate) => {
      const [w1, b1, Wt1, bt1] = network.updateWeights(x, t, w, b, Wt, bt, learningRate);
      return { w: w1, b: b1, Wt: Wt1, bt: bt1 };
    },
    loss: (x, t, { w, b, Wt, bt }) => network.lossFunction(x, t, w, b, Wt, bt),
    predict: (x, t, { w, b, Wt, bt }) => network.evaluatePrediction(x, t, w, b, Wt, bt),
    output: (x, { w, b, Wt, bt }) => network.evaluateNetwork(x, w, b, Wt, bt)[0],
    hidden: (x, { w, b, Wt, bt }) => network.evaluateNetwork(x, w, b, Wt, bt)[2],
    toJson: ({ w, b, Wt, bt }) => ({ w, b, Wt, bt }),
  };
}

/** Hidden neuron j fires half-way (h_j = 0.5) on the line W̃[0][j]·x1 + W̃[1][j]·x2 + b̃[j] = 0. */
export function hiddenLines({ Wt, bt }: NetworkParams): Line[] {
  return bt.map((btj, j) => ({ w: [Wt[0][j], Wt[1][j]], b: btj, label: `hidden neuron ${j + 1}: a_h${j + 1} = 0` }));
}

/** The hidden-space plot beside the input-space decision plot. */
export function hiddenSpacePlot(target: Target) {
  return (params: NetworkParams, decision: DecisionPlot, outDir: string, stem: string): string[] => {
    const file = path.join(outDir, `${stem}-hidden.png`);
    const hidden = networkClassifier(target).hidden(decision.test.x, params);
    plotHiddenSpace(file, { hidden, t: decision.test.t, w: params.w, b: params.b, title: 'Test set in the hidden space (h1, h2), by class' }, decision);
    return [file];
  };
}
