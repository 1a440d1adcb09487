// Comparing a case's recorded observations with the model's prediction and with a real CPython.
import type { Loc, Stmt } from '../language/ast.ts';
import { predictDetailed } from '../model/predict.ts';
import type { Profile } from '../model/profile.ts';
import type { InterpreterInfo, Oracle, RunResult, RunStatus } from '../oracle/types.ts';
import type { Case, Expectation } from './case.ts';
import { parseInterpreterVersion, rangeContains } from './versions.ts';

/** The entry of `expect` that covers this interpreter (the loader saw to it that at most one does). */
export function expectationFor(c: Case, version: string, bits: 32 | 64): Expectation | undefined {
  const v = parseInterpreterVersion(version);
  return c.expect.find((e) => (e.bits === undefined || e.bits === bits) && rangeContains(e.range, v));
}

export type PositionVerdict = 'agreed' | 'declined' | 'divergent';

/** One observation on which two sides differ; `undefined` where a side has no observation there. */
export interface Divergence {
  /** 0-based position in the observation list. */
  index: number;
  /** Where the expression statement that made the observation sits in the case file, if known. */
  loc?: Loc;
  /** That statement's text, if known. */
  code?: string;
  expected: string | undefined;
  actual: string | undefined;
}

export interface ModelCheck {
  case: Case;
  profile: Profile;
  /** Absent when the case records nothing for the profile's version and pointer width. */
  expectation?: Expectation;
  verdicts: PositionVerdict[];
  agreed: number;
  declined: number;
  divergences: Divergence[];
  /** Why the model stopped following the program, if it did. */
  stopped?: string;
}

export function checkAgainstModel(c: Case, profile: Profile): ModelCheck {
  const version = `${profile.major}.${profile.minor}.${profile.patch}`;
  const expectation = expectationFor(c, version, profile.bits);
  const check: ModelCheck = { case: c, profile, verdicts: [], agreed: 0, declined: 0, divergences: [] };
  if (!expectation) return check;
  check.expectation = expectation;
  const prediction = predictDetailed(c.program, profile);
  if (prediction.stopped) check.stopped = prediction.stopped.reason;
  const predicted = prediction.observations;
  const expected = expectation.observations;
  const sites = observationSites(c, expected);
  const length = Math.max(expected.length, predicted.length);
  for (let i = 0; i < length; i++) {
    const p = i < predicted.length ? predicted[i] : prediction.stopped ? null : undefined;
    const e = expected[i];
    if (p === null) check.verdicts.push('declined');
    else if (p === e) check.verdicts.push('agreed');
    else {
      check.verdicts.push('divergent');
      check.divergences.push(divergence(c, sites, i, e, p));
    }
  }
  check.agreed = check.verdicts.filter((v) => v === 'agreed').length;
  check.declined = check.verdicts.filter((v) => v === 'declined').length;
  return check;
}

export type OracleCheck =
  | { kind: 'agree'; case: Case; info: InterpreterInfo; expectation: Expectation; observed: string[] }
  | { kind: 'disagree'; case: Case; info: InterpreterInfo; expectation: Expectation; observed: string[]; divergences: Divergence[] }
  /** The case records nothing for this interpreter: neither a pass nor a failure. */
  | { kind: 'no-expectation'; case: Case; info: InterpreterInfo; observed: string[] }
  /** The program did not run to its end (timeout, crash, or the oracle could not run it). */
  | { kind: 'run-failed'; case: Case; info: InterpreterInfo; status: Exclude<RunStatus, 'ok'>; detail: string; observed: string[] };

export async function checkAgainstOracle(c: Case, oracle: Oracle, info: InterpreterInfo): Promise<OracleCheck> {
  const [result] = await oracle.run([{ source: c.source, mode: c.mode }]);
  return checkObserved(c, info, result);
}

/** What `info` observed running the case (`result`), against what the case records for it. */
export function checkObserved(c: Case, info: InterpreterInfo, result: RunResult): OracleCheck {
  const observed = result.observations;
  if (result.status !== 'ok') {
    return { kind: 'run-failed', case: c, info, status: result.status, detail: result.detail ?? result.status, observed };
  }
  const expectation = expectationFor(c, info.version, info.bits);
  if (!expectation) return { kind: 'no-expectation', case: c, info, observed };
  const divergences = compareObservations(c, expectation.observations, observed);
  if (divergences.length === 0) return { kind: 'agree', case: c, info, expectation, observed };
  return { kind: 'disagree', case: c, info, expectation, observed, divergences };
}

/** Where two lists of observations of the case differ, position by position. */
export function compareObservations(c: Case, expected: readonly string[], actual: readonly string[]): Divergence[] {
  const sites = observationSites(c, expected);
  const out: Divergence[] = [];
  for (let i = 0; i < Math.max(expected.length, actual.length); i++) {
    if (expected[i] !== actual[i]) out.push(divergence(c, sites, i, expected[i], actual[i]));
  }
  return out;
}

function divergence(c: Case, sites: Loc[] | undefined, index: number, expected: string | undefined, actual: string | undefined): Divergence {
  const d: Divergence = { index, expected, actual };
  const loc = sites?.[index];
  if (loc) {
    d.loc = loc;
    const code = c.source.split('\n')[loc.line - c.sourceOrigin.line];
    if (code !== undefined) d.code = code.trim();
  }
  return d;
}

/**
 * Which statement made each observation, when that can be known without running the program:
 * every expression statement is at the top level and each made exactly one observation (an
 * expression whose value is None makes none, so the counts must match). Otherwise undefined.
 */
function observationSites(c: Case, expected: readonly string[]): Loc[] | undefined {
  // At the prompt only top-level statements echo; elsewhere a function body observes too.
  if (c.mode !== 'repl' && c.program.body.some(nestsExpressionStatements)) return undefined;
  const sites = c.program.body.filter((s) => s.kind === 'ExprStmt').map((s) => s.loc);
  const values = expected.length > 0 && expected[expected.length - 1].startsWith('!') ? expected.length - 1 : expected.length;
  if (sites.length !== values || sites.some((l) => l === undefined)) return undefined;
  return sites as Loc[];
}

function nestsExpressionStatements(s: Stmt): boolean {
  if (s.kind !== 'FunctionDef' && s.kind !== 'ClassDef') return false;
  return s.body.some((b) => b.kind === 'ExprStmt' || nestsExpressionStatements(b));
}

/**
 * An oracle check in words, one line per thing wrong with it (none when the interpreter observed
 * what the case records): a run that did not end, no expectation for it, each divergence.
 * `where` names the interpreter: `wasm-3.12 (CPython 3.12.7, 32-bit)`.
 */
export function oracleCheckProblems(check: OracleCheck, where: string): string[] {
  const c = check.case;
  switch (check.kind) {
    case 'agree': return [];
    case 'run-failed': return [`${c.file}: ${check.status} on ${where}: ${check.detail}`];
    case 'no-expectation': return [`${c.file} records nothing for ${where}`];
    case 'disagree': return check.divergences.map((d) => describeDivergence(c, d, `${where} observed`));
  }
}

/** `cases/x.yaml:7: observation 3 (a is b): expected 'True', got 'False'`, for test and CLI output. */
export function describeDivergence(c: Case, d: Divergence, actualSide = 'got'): string {
  return `${observationSite(c, d)}: expected ${show(d.expected)}, ${actualSide} ${show(d.actual)}`;
}

/** `cases/x.yaml:7: observation 3 (a is b)`: the observation a divergence is about. */
export function observationSite(c: Case, d: Divergence): string {
  const where = d.loc ? `${c.file}:${d.loc.line}` : c.file;
  const what = d.code ? ` (${d.code})` : '';
  return `${where}: observation ${d.index + 1}${what}`;
}

export function show(v: string | undefined): string {
  return v === undefined ? 'nothing' : v;
}
