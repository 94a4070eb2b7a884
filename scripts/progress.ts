/**
 * Where you stand: every exercise function in order, done / failing / not started, and the next
 * one to work on.   npm run progress
 */
import { grade } from '../lib/grader';
import { progressReport } from '../lib/progress';

console.log(progressReport(grade()).text);
