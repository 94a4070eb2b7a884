/**
 * One trusted grade, written out: report.md, results.json (Gradescope's format) and the job
 * summary in GitHub Actions. npm run grade, class grading and the Gradescope autograder share it.
 */
import { appendFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ensureWritableDirectory } from '../cli/flags';
import { resolveTarget } from '../targets';
import { grade, gradescopeReport, markdownReport, type GradeReport, type ReportLabels } from './grader';
import { gradeSubmission } from './submission';

export interface GradeRun {
  /** a student's repository checkout; default: this working tree */
  submission?: string;
  /** instead, a folder of modules of this repository (reference, a staged folder) */
  target?: string;
  out: string;
  only?: string[];
  timeoutSeconds?: number;
  labels?: ReportLabels;
}

export function writeReports(run: GradeRun): { report: GradeReport; markdown: string; files: string[]; seconds: number } {
  const out = ensureWritableDirectory(run.out);
  const started = Date.now();
  const options = { only: run.only, timeoutSeconds: run.timeoutSeconds };
  const report = run.target !== undefined && run.submission === undefined
    ? grade({ ...options, target: resolveTarget(run.target), sandbox: true })
    : gradeSubmission(run.submission, options);
  const seconds = (Date.now() - started) / 1000;
  const markdown = markdownReport(report, run.labels);
  const files = [path.join(out, 'report.md'), path.join(out, 'results.json')];
  writeFileSync(files[0], `${markdown}\n`);
  writeFileSync(files[1], `${JSON.stringify(gradescopeReport(report, { ...run.labels, executionSeconds: seconds }), null, 2)}\n`);
  if (process.env.GITHUB_STEP_SUMMARY) appendFileSync(process.env.GITHUB_STEP_SUMMARY, `${markdown}\n`);
  return { report, markdown, files, seconds };
}
