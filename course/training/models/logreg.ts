/**
 * Part 3, the notebook's logistic regression: ws = [1, 2], b = 0, one full-batch step of
 * exercises/logistic_regression.ts's gradientDescent per epoch; its straight boundary.
 */
import type { Argv } from 'yargs';
import { Mat, addRowVector, matmul } from '../../../lib/matrix';
import { integerOption, positiveOption } from '../../cli/flags';
import { notebookData } from '../../data/notebook-data';
import { loadModule } from '../../targets';
import type { Model } from '../model';
import { COSTS, DATA_SHAPES, costFunction, drawNotebookPlots, notebookEvaluation, notebookFrame, type NotebookPlots, type NotebookSettings } from '../notebook';

type LogisticRegressionModule = typeof import('../../../exercises/logistic_regression');
type ActivationsModule = typeof import('../../../exercises/activations');

export interface LogregParams {
  ws: Mat;
  b: number;
}

export const LOGREG: Model<LogregParams, NotebookSettings> = {
  script: 'train:logreg',
  description: 'Trains logistic regression (ws = [1, 2], b = 0) on the notebook data by gradient descent.',
  flags: <T>(parser: Argv<T>) =>
    parser
      .option('data', { choices: DATA_SHAPES, default: 'sin' as const, describe: 'sin-shaped (not linearly separable) or linear data' })
      .option('cost', { choices: COSTS, default: 'cross-entropy' as const, describe: 'the cost function' })
      .option('learning-rate', positiveOption('learning-rate', 'step size lrate > 0', 0.1))
      .option('epochs', integerOption('epochs', 1, 1_000_000, 'gradient-descent steps on all 25 examples', 500)) as unknown as Argv<T & Omit<NotebookSettings, 'target' | 'out' | 'json' | 'quiet' | 'plots'>>,
  start: (settings) => {
    const { gradientDescent } = loadModule<LogisticRegressionModule>(settings.target, 'logistic_regression');
    const { logistic } = loadModule<ActivationsModule>(settings.target, 'activations');
    const cost = costFunction(settings.target, settings.cost);
    const { x, y } = notebookData(settings.data);
    const predict = (points: Mat, { ws, b }: LogregParams) => logistic(addRowVector(matmul(points, ws), Mat.from([[b]]))); // σ(x·ws + b)
    const describe = `${settings.cost}, lr ${settings.learningRate}, ${settings.epochs} epochs`;
    // the notebook's cost (cross-entropy) keeps the plain names; the other writes beside it, not over it
    const name = settings.cost === 'cross-entropy' ? `logreg-${settings.data}` : `logreg-${settings.data}-${settings.cost}`;
    const plotsOf = (params: LogregParams, title: string): NotebookPlots => ({
      stem: name,
      x,
      y,
      data: settings.data,
      cost: settings.cost,
      output: (grid) => Array.from(predict(Mat.from(grid), params).data),
      line: { w: [params.ws.data[0], params.ws.data[1]], b: params.b, label: 'boundary x2 = −(b + ws1·x1)/ws2' },
      title,
      settings: `logistic regression on the ${settings.data} data (${describe})`,
    });
    return {
      headline: `Logistic regression (${settings.target.name}/) on the ${settings.data} data: ${describe}`,
      lossName: 'cost',
      lossWhen: 'before its step',
      initial: { ws: Mat.column([1, 2]), b: 0 },
      epoch: ({ ws, b }, learningRate) => {
        const [ws1, b1, , costs] = gradientDescent(x, y, ws, b, learningRate, 1, cost);
        return { params: { ws: ws1, b: b1 }, loss: costs[0] };
      },
      evaluate: (params) => notebookEvaluation(predict(x, params), y, cost, [`ws = [${Array.from(params.ws.data).map((v) => v.toFixed(4)).join(', ')}], b = ${params.b.toFixed(4)}`]),
      plots: (params, costs, evaluation, outDir) =>
        drawNotebookPlots(outDir, plotsOf(params, `Logistic regression on the ${settings.data} data (${describe}): ${evaluation.scores.misclassified} of 25 misclassified`), costs),
      animation: {
        file: `${name}-training.gif`,
        frame: (params, epoch, loss) => {
          const wrong = Array.from(predict(x, params).data).filter((p, i) => (p >= 0.5 ? 1 : 0) !== y.data[i]).length;
          const state = epoch === 0 ? 'initial ws = [1, 2], b = 0' : `cost ${loss?.toFixed(4)}`;
          return notebookFrame(plotsOf(params, `Logistic regression on the ${settings.data} data, epoch ${epoch} of ${settings.epochs}: ${state}, ${wrong} of 25 misclassified`));
        },
      },
      parameters: ({ ws, b }) => ({ ws: Array.from(ws.data), b }),
    };
  },
};
