// `npm run mutate:report [REPORT.json]`: the score per file, overall, and the surviving mutants of a
// StrykerJS JSON report (default: the one `npm run mutate` writes), as Markdown on stdout.
import { readFileSync } from 'node:fs';
import { summarize, summaryToMarkdown, type MutationReport } from './summarize.ts';

export const FULL_REPORT = '.cmm/mutation/report.json';

export function reportFile(file: string): string {
  let report: MutationReport;
  try {
    report = JSON.parse(readFileSync(file, 'utf8')) as MutationReport;
  } catch (e) {
    throw new Error(`${file}: not a StrykerJS JSON report (${e instanceof Error ? e.message : String(e)}); run npm run mutate first`);
  }
  return summaryToMarkdown(summarize(report));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  try {
    process.stdout.write(reportFile(process.argv[2] ?? FULL_REPORT));
  } catch (e) {
    process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
    process.exitCode = 2;
  }
}
