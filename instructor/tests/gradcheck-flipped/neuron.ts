/**
 * A fixture for `npm run gradcheck`: the neuron's updateWeights with the sign flipped (it steps up
 * the gradient, w ← w + lr·∂J/∂w), the classic bug gradcheck must name. Nothing else is needed.
 */
import { sigmoid } from '../../../lib/sigmoid';
import type { Matrix, Vector } from '../../../lib/types';

export function updateWeights(x: Matrix, t: Vector, w: Vector, b: number, learningRate: number): [w: Vector, b: number] {
  const n = x.length;
  const gradW = w.map(() => 0);
  let gradB = 0;
  x.forEach((xi, i) => {
    const y = sigmoid(xi[0] * w[0] + xi[1] * w[1] + b);
    const delta = (y - t[i]) * y * (1 - y);
    xi.forEach((v, j) => (gradW[j] += (delta * v) / n));
    gradB += delta / n;
  });
  return [w.map((wj, j) => wj + learningRate * gradW[j]), b + learningRate * gradB];
}
