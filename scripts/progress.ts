/**
 * Where you stand: every exercise function in order, done / failing / not started, and the next
 * one to work on.   npm run progress
 */
import { grade } from '../course/grading/grader';
import { progressReport } from '../course/grading/progress';

console.log(progressReport(grade()).text);
