// A StrykerJS JSON report (the mutation-testing-report schema) as the numbers this project reports:
// the score per file and overall, and every surviving mutant with its place and what it changed.
// Timeouts count as detected, as in StrykerJS's own score; mutants that did not compile or that
// no test reached are kept apart (no coverage counts against the score, as StrykerJS counts it).
// Mutants that change only an exception's message (message-only.ts) are equivalent; they stay in
// the score, and a second score leaves them out.
import { changesOnlyAMessage } from './message-only.ts';

export type MutantStatus = 'Killed' | 'Survived' | 'NoCoverage' | 'Timeout' | 'CompileError' | 'RuntimeError' | 'Ignored' | 'Pending';

export interface ReportMutant {
  id: string;
  mutatorName: string;
  replacement?: string;
  status: MutantStatus;
  location: { start: { line: number; column: number }; end: { line: number; column: number } };
}

export interface MutationReport {
  files: Record<string, { source: string; mutants: ReportMutant[] }>;
}

export interface FileScore {
  file: string;
  killed: number;
  timeout: number;
  survived: number;
  noCoverage: number;
  invalid: number;
  /** Detected over valid, in percent; null with no valid mutant. */
  score: number | null;
}

export interface Survivor {
  file: string;
  line: number;
  mutator: string;
  /** The mutated text, on one line. */
  replacement: string;
  /** The original line, trimmed. */
  original: string;
  status: 'Survived' | 'NoCoverage';
  /** It changes only the message of an exception the model raises: equivalent. */
  messageOnly: boolean;
}

export interface Summary {
  files: FileScore[];
  total: FileScore;
  survivors: Survivor[];
  /** The score without the valid mutants that change only an exception's message. */
  withoutMessages: { excluded: number; score: number | null };
}

export function summarize(report: MutationReport): Summary {
  const files: FileScore[] = [];
  const survivors: Survivor[] = [];
  const messages = { detected: 0, undetected: 0 };
  for (const [file, { source, mutants }] of Object.entries(report.files).sort(([a], [b]) => a.localeCompare(b))) {
    const score = emptyScore(file);
    const lines = source.split('\n');
    for (const m of mutants) {
      const messageOnly = changesOnlyAMessage(source, m.location);
      if (messageOnly && (m.status === 'Killed' || m.status === 'Timeout')) messages.detected++;
      if (messageOnly && (m.status === 'Survived' || m.status === 'NoCoverage')) messages.undetected++;
      if (m.status === 'Killed') score.killed++;
      else if (m.status === 'Timeout') score.timeout++;
      else if (m.status === 'Survived' || m.status === 'NoCoverage') {
        if (m.status === 'Survived') score.survived++;
        else score.noCoverage++;
        survivors.push({
          file,
          line: m.location.start.line,
          mutator: m.mutatorName,
          replacement: (m.replacement ?? '').replace(/\s+/g, ' ').trim(),
          original: (lines[m.location.start.line - 1] ?? '').trim(),
          status: m.status,
          messageOnly,
        });
      } else score.invalid++;
    }
    files.push(withScore(score));
  }
  const total = withScore(
    files.reduce(
      (t, f) => ({ ...t, killed: t.killed + f.killed, timeout: t.timeout + f.timeout, survived: t.survived + f.survived, noCoverage: t.noCoverage + f.noCoverage, invalid: t.invalid + f.invalid }),
      emptyScore('all files'),
    ),
  );
  survivors.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
  const detected = total.killed + total.timeout - messages.detected;
  const valid = total.killed + total.timeout + total.survived + total.noCoverage - messages.detected - messages.undetected;
  const withoutMessages = { excluded: messages.detected + messages.undetected, score: valid === 0 ? null : (100 * detected) / valid };
  return { files, total, survivors, withoutMessages };
}

function emptyScore(file: string): FileScore {
  return { file, killed: 0, timeout: 0, survived: 0, noCoverage: 0, invalid: 0, score: null };
}

function withScore(s: FileScore): FileScore {
  const detected = s.killed + s.timeout;
  const valid = detected + s.survived + s.noCoverage;
  return { ...s, score: valid === 0 ? null : (100 * detected) / valid };
}

/** The summary as Markdown: a table per file, the total, then the survivors (at most `limit`). */
export function summaryToMarkdown(summary: Summary, limit = 200): string {
  const pct = (s: number | null): string => (s === null ? '-' : `${s.toFixed(1)}%`);
  const row = (f: FileScore): string => `| ${f.file} | ${pct(f.score)} | ${f.killed} | ${f.timeout} | ${f.survived} | ${f.noCoverage} |`;
  const out = ['| file | score | killed | timeout | survived | no coverage |', '|---|---|---|---|---|---|', ...summary.files.map(row), row({ ...summary.total, file: '**all files**' })];
  const w = summary.withoutMessages;
  if (w.excluded > 0) {
    out.push('', `Without the ${w.excluded} mutants that change only the message of an exception (equivalent: a raise is observed by its type, SPEC section 2): ${pct(w.score)}.`);
  }
  if (summary.survivors.length > 0) {
    out.push('', `Surviving mutants (${summary.survivors.length}${summary.survivors.length > limit ? `, the first ${limit}` : ''}):`, '');
    for (const s of summary.survivors.slice(0, limit)) {
      const notes = `${s.status === 'NoCoverage' ? ' (no test reaches it)' : ''}${s.messageOnly ? ' (message only)' : ''}`;
      out.push(`- \`${s.file}:${s.line}\` ${s.mutator}${notes}: \`${s.original}\` → \`${s.replacement}\``);
    }
  }
  return `${out.join('\n')}\n`;
}
