/**
 * One trusted grade, written out: report.md, results.json (Gradescope's format) and the job
 * summary in GitHub Actions. npm run grade, class grading and the Gradescope autograder share it.
 * The two files are published together like a trainer's outputs (course/cli/output.ts): both
 * or neither, never a truncated one; their targets are checked before grading starts.
 */
import { appendFileSync } from 'node:fs';
import path from 'node:path';
import { ensureReplaceableFile, ensureWritableDirectory } from '../cli/flags';
import { publishTogether, writeFileAtomicSync } from '../cli/output';
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

export async function writeReports(run: GradeRun): Promise<{ report: GradeReport; markdown: string; files: string[]; seconds: number }> {
  const out = ensureWritableDirectory(run.out);
  const files = ['report.md', 'results.json'].map((name) => ensureReplaceableFile(path.join(out, name), 'out'));
  const started = Date.now();
  const options = { only: run.only, timeoutSeconds: run.timeoutSeconds };
  const report = run.target !== undefined && run.submission === undefined
    ? grade({ ...options, target: resolveTarget(run.target), sandbox: true })
    : gradeSubmission(run.submission, options);
  const seconds = (Date.now() - started) / 1000;
  const markdown = markdownReport(report, run.labels);
  await publishTogether(out, async (output) => {
    const [reportMd, resultsJson] = files.map((file) => path.join(output.dir(), path.basename(file)));
    writeFileAtomicSync(reportMd, `${markdown}\n`);
    writeFileAtomicSync(resultsJson, `${JSON.stringify(gradescopeReport(report, { ...run.labels, executionSeconds: seconds }), null, 2)}\n`);
    return [reportMd, resultsJson];
  });
  if (process.env.GITHUB_STEP_SUMMARY) appendFileSync(process.env.GITHUB_STEP_SUMMARY, `${markdown}\n`);
  return { report, markdown, files, seconds };
}
