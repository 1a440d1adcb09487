// `cmm cases`: every YAML case against the model (with the profile of each interpreter at hand) and
// against those interpreters themselves, as a table, then the details of each failure. With
// --record, the cases' expectations are recorded instead (cases-record.ts).
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { declinesOf, writeCaseDeclines } from '../cases/case-declines.ts';
import { explanationsOf, writeCaseExplanations } from '../cases/case-explanations.ts';
import { checkAgainstModel, checkAgainstOracle, describeDivergence, type ModelCheck, type OracleCheck } from '../cases/check.ts';
import { loadCases, type Case } from '../cases/load.ts';
import { profileFor, ProfileError, type Profile } from '../model/profile.ts';
import type { InterpreterEntry } from '../oracle/discover.ts';
import type { InterpreterInfo } from '../oracle/types.ts';
import { recordCases } from './cases-record.ts';
import { oneLine, UsageError } from './errors.ts';
import type { Io } from './io.ts';
import { ORACLE_OPTIONS, selectOracles, tryOracle } from './oracle.ts';
import { parseOptions } from './options.ts';
import { formatTable } from './table.ts';
import { usage } from './usage.ts';

/** The project's own cases, found from this file rather than the working directory. */
export const DEFAULT_CASES_DIR = fileURLToPath(new URL('../cases/', import.meta.url));

/** One interpreter's part of the table: what it observed for every case, or why it did not run. */
interface Observed {
  entry: InterpreterEntry;
  info: InterpreterInfo;
  /** Absent when the model has no profile for this interpreter (then `problem` says so). */
  profile?: Profile;
  /** One per case, in the order of the cases. */
  checks: OracleCheck[];
}

interface Row {
  cells: string[];
  failed: boolean;
  details: string[];
}

export async function casesCommand(args: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = parseOptions(args, { ...ORACLE_OPTIONS, record: { type: 'boolean' }, 'write-declines': { type: 'boolean' } });
  if (values.help === true) return io.out(usage.cases), 0;
  if (values['write-declines'] === true) return writeDeclines(positionals, values.record === true, io);
  const { cases, errors } = loadCases(positionals.length > 0 ? positionals : [DEFAULT_CASES_DIR]);
  if (values.record === true) return recordCases(cases, errors, await selectOracles(values, ['all']), io);
  const selection = await selectOracles(values);

  const observed: Observed[] = [];
  const notes: string[] = [];
  for (const entry of selection.entries) {
    const outcome = await tryOracle(entry, async (oracle, info) => {
      const checks: OracleCheck[] = [];
      for (const c of cases) checks.push(await checkAgainstOracle(c, oracle, info));
      return { info, checks };
    });
    if (!outcome.ok) {
      if (!selection.several) throw new UsageError(outcome.error);
      notes.push(`${entry.name}: could not start: ${outcome.error}`);
      continue;
    }
    const profile = profileOrProblem(outcome.value.info);
    if (typeof profile === 'string') {
      if (!selection.several) throw new UsageError(profile);
      notes.push(`${entry.name}: the model is not checked: ${profile}`);
    }
    observed.push({ entry, ...outcome.value, ...(typeof profile === 'string' ? {} : { profile }) });
  }

  const rows = cases.map((c, i) => checkCase(c, i, observed, selection.several));
  const header = ['case', 'mode', 'model', ...(selection.several ? observed.map((o) => o.entry.name) : ['cpython'])];
  if (rows.length > 0) io.out(formatTable(header, rows.map((r) => r.cells)));
  const details = rows.flatMap((r) => r.details);
  if (details.length > 0) io.out(`\n${details.join('\n')}\n`);
  if (notes.length > 0) io.out(`\ninterpreters left out:\n${notes.map((n) => `  ${n}`).join('\n')}\n`);
  if (errors.length > 0) io.out(`\nbad case files:\n${errors.map((e) => `  ${e.message}`).join('\n')}\n`);
  const failures = rows.filter((r) => r.failed).length;
  io.out(`\n${rows.length} case${rows.length === 1 ? '' : 's'}, ${failures} failing, ${errors.length} bad file${errors.length === 1 ? '' : 's'}\n`);
  return failures > 0 || errors.length > 0 ? 1 : 0;
}

/**
 * `--write-declines`: the ratchet's list (cases/declined.json) and the kept explanations
 * (cases/explained.json) from the model as it is.
 */
function writeDeclines(positionals: readonly string[], record: boolean, io: Io): number {
  if (record) throw new UsageError('--write-declines takes the model as it is: record first, then write the declines');
  if (positionals.length > 0) throw new UsageError("--write-declines covers the project's whole cases/ folder and takes no PATH");
  const { cases, errors } = loadCases([DEFAULT_CASES_DIR]);
  if (errors.length > 0) throw new UsageError(`bad case files:\n${errors.map((e) => `  ${e.message}`).join('\n')}`);
  const declines = declinesOf(cases, DEFAULT_CASES_DIR);
  const file = join(DEFAULT_CASES_DIR, 'declined.json');
  writeCaseDeclines(file, declines);
  const count = Object.values(declines).flatMap((byProfile) => Object.values(byProfile)).reduce((n, ps) => n + ps.length, 0);
  io.out(`${file}: the model may decline ${count} observation${count === 1 ? '' : 's'} in ${Object.keys(declines).length} of ${cases.length} cases\n`);
  const explained = join(DEFAULT_CASES_DIR, 'explained.json');
  writeCaseExplanations(explained, explanationsOf(cases, DEFAULT_CASES_DIR));
  io.out(`${explained}: the model's explanation of the ${cases.length} cases\n`);
  return 0;
}

function profileOrProblem(info: InterpreterInfo): Profile | string {
  try {
    return profileFor(info.version, info.bits, info.kind);
  } catch (e) {
    if (e instanceof ProfileError) return e.message;
    throw e;
  }
}

function checkCase(c: Case, index: number, observed: readonly Observed[], several: boolean): Row {
  const details: string[] = [];
  let failed = false;

  // The model once per profile: two interpreters of one version and width ask it the same question.
  const profiles = new Map<string, Profile>();
  for (const o of observed) if (o.profile !== undefined) profiles.set(profileLabel(o.profile), o.profile);
  const modelChecks: { label: string; check?: ModelCheck }[] = [];
  for (const [label, profile] of profiles) {
    try {
      const check = checkAgainstModel(c, profile);
      modelChecks.push({ label, check });
      if (check.divergences.length > 0) {
        failed = true;
        const side = several ? `the model predicts for ${label}` : 'the model predicts';
        details.push(...check.divergences.map((d) => describeDivergence(c, d, side)));
      }
    } catch (e) {
      // A model bug on one case is that case's failure, not the end of the table.
      modelChecks.push({ label });
      failed = true;
      details.push(`${c.file}: the model failed${several ? ` for ${label}` : ''}: ${oneLine(e)}`);
    }
  }

  const oracleCells = observed.map((o) => {
    const check = o.checks[index]!;
    const who = several ? o.entry.name : `CPython ${o.info.version}`;
    if (check.kind === 'disagree') details.push(...check.divergences.map((d) => describeDivergence(c, d, `${who} observed`)));
    if (check.kind === 'run-failed') details.push(`${c.file}: ${who} did not finish the program: ${check.status}: ${check.detail}`);
    if (check.kind === 'disagree' || check.kind === 'run-failed') failed = true;
    return oracleVerdict(check, several);
  });
  const modelCell = several ? modelSummary(modelChecks) : modelVerdict(modelChecks[0], observed[0]?.info.version ?? '?');
  return { cells: [c.name, c.mode, modelCell, ...oracleCells], failed, details };
}

function profileLabel(p: Profile): string {
  return `${p.major}.${p.minor}.${p.patch}${p.bits === 64 ? '' : ` (${p.bits}-bit)`}`;
}

function modelVerdict(m: { check?: ModelCheck } | undefined, version: string): string {
  if (m === undefined) return 'not checked';
  if (m.check === undefined) return 'MODEL ERROR';
  if (m.check.expectation === undefined) return `no expectation for ${version}`;
  if (m.check.divergences.length > 0) return `DIVERGE (${m.check.divergences.length})`;
  return `${m.check.agreed} agree, ${m.check.declined} declined`;
}

/** The model over every profile in one cell: its errors, else its divergences by profile, else the counts. */
function modelSummary(checks: readonly { label: string; check?: ModelCheck }[]): string {
  if (checks.length === 0) return 'not checked';
  if (checks.some((m) => m.check === undefined)) return 'MODEL ERROR';
  const diverging = checks.filter((m) => m.check!.divergences.length > 0);
  if (diverging.length > 0) return `DIVERGE (${diverging.map((m) => `${m.label}: ${m.check!.divergences.length}`).join(', ')})`;
  const expected = checks.filter((m) => m.check!.expectation !== undefined);
  if (expected.length === 0) return 'no expectation';
  const span = (counts: number[]): string => {
    const [low, high] = [Math.min(...counts), Math.max(...counts)];
    return low === high ? String(low) : `${low}-${high}`;
  };
  const agreed = span(expected.map((m) => m.check!.agreed));
  const declined = span(expected.map((m) => m.check!.declined));
  return `${agreed} agree, ${declined} declined (${expected.length === 1 ? '1 profile' : `each of ${expected.length} profiles`})`;
}

function oracleVerdict(o: OracleCheck, several: boolean): string {
  switch (o.kind) {
    case 'agree':
      return 'pass';
    case 'disagree':
      return `FAIL (${o.divergences.length})`;
    case 'no-expectation':
      return several ? 'no expectation' : `no expectation for ${o.info.version}`;
    case 'run-failed':
      return `FAIL (${o.status})`;
  }
}
