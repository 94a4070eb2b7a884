/**
 * The types of the notebook's activation and cost functions, which the Part 3 exercises take as
 * arguments.
 */
import type { Mat } from './matrix';

/** f(Z) entrywise, or f'(Z) entrywise when `deriv` is true. */
export type Activation = (z: Mat, deriv?: boolean) => Mat;

/** The mean cost over the examples, or its entrywise derivative with respect to ŷ when `deriv` is true. */
export interface Cost {
  (yPred: Mat, y: Mat, deriv?: false): number;
  (yPred: Mat, y: Mat, deriv: true): Mat;
}
