/**
 * Part 3: logistic regression on the notebook's data.
 *   npm run train:logreg -- --data sin --cost cross-entropy
 */
import { LOGREG } from '../course/training/models/logreg';
import { trainMain } from '../course/training/run';

trainMain(LOGREG);
