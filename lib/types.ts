/** One value per sample, or a weight vector. */
export type Vector = number[];

/** Rows are samples, columns are features (or, for weights, one row per input). */
export type Matrix = number[][];

/** Samples and their 0/1 targets. */
export interface Labelled {
  x: Matrix;
  t: Vector;
}
