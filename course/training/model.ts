/**
 * One interface for every model of the course: the neuron, the 2-2-1 network, logistic regression
 * and the notebook's networks. Each file in models/ defines one: its defaults and flags, its data
 * and initial parameters, how an epoch calls the student's functions, how it is scored and which
 * plots it draws. run.ts trains any of them with the one loop in loop.ts.
 */
import type { ChartConfiguration } from 'chart.js' with { 'resolution-mode': 'import' };
import type { Argv } from 'yargs';
import type { OutputArgs } from '../cli/flags';

/** What every run takes: whose code, where the outputs go, and the two settings of the loop. */
export interface RunSettings extends OutputArgs {
  learningRate: number;
  epochs: number;
  /** --animate (run.ts declares it for every model): also write a GIF of the training */
  animate?: boolean;
}

export interface Model<P, S extends RunSettings> {
  /** the npm script, `npm run <script>`, and what it does */
  script: string;
  description: string;
  /** adds the model's own flags (the shared output flags come from run.ts) */
  flags<T>(parser: Argv<T>): Argv<T & Omit<S, keyof OutputArgs>>;
  /** checks the parsed settings as a whole (flags that must agree); throws a UsageError */
  validate?(settings: S): S;
  /** loads the student's functions and the data and draws the initial parameters */
  start(settings: S): Session<P>;
}

/** A model set up for one run. */
export interface Session<P> {
  /** the first line a run prints */
  headline: string;
  /** names the per-epoch loss: "validation loss" (Parts 1–2) or "cost" (Part 3) */
  lossName: string;
  /** when in its epoch the loss is measured, where that differs from the end of it ("before its step") */
  lossWhen?: string;
  initial: P;
  /** One epoch: the new parameters and the epoch's loss. */
  epoch(params: P, learningRate: number): { params: P; loss: number };
  /** After training: lines for the terminal and the scores for the JSON summary. */
  evaluate(params: P): Evaluation;
  /** Draws the model's plots into `outDir`; returns the files written. */
  plots(params: P, losses: number[], evaluation: Evaluation, outDir: string): string[];
  /** The parameters as the JSON summary shows them. */
  parameters(params: P): Record<string, unknown>;
  /** What --animate draws: the GIF's name in the output folder and one frame's charts, left to right. */
  animation?: {
    file: string;
    /** the charts after `epoch` epochs (0: the initial parameters, whose loss is not known yet) */
    frame(params: P, epoch: number, loss: number | undefined): ChartConfiguration[];
  };
}

export interface Evaluation {
  lines: string[];
  /** the summary's scores, e.g. { accuracy } or { finalCost, misclassified } */
  scores: Record<string, unknown>;
  /** a short result for the demo's table, e.g. "100.0 % test accuracy" */
  result: string;
  /** names the JSON field of the per-epoch losses */
  lossField: string;
}
