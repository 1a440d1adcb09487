// The model's explanation of each case, kept in the repository (cases/explained.json): for every
// profile a case records (listed-profiles.ts), the rules that decided each observation and, if the
// model stopped following the program, why. That is what a divergence report names ("the model
// predicts 3 because <rule>") and what `cmm predict` and `cmm explain` print, so a change in it is a
// change users see, even when every prediction stays right: a rule that no longer says it decided,
// one credited with another's work, a reason for stopping reworded. The test beside this file
// compares the model with the kept explanations; `cmm cases --write-declines` rewrites them with
// the declines, and the diff shows what changed. Only the model's words are kept here, never an
// observation: the expectations remain CPython's.
import { relative } from 'node:path';
import { predictDetailed } from '../model/predict.ts';
import type { RuleId } from '../model/rules.ts';
import type { Case } from './case.ts';
import { readKeptEntries, writeKeptEntries } from './kept-file.ts';
import { profileLabel, profilesListedIn } from './listed-profiles.ts';

export interface Explanation {
  /** For each observation the model made, the rules that decided something for it, sorted. */
  because: RuleId[][];
  /** Why the model stopped following the program, when it did. */
  stopped?: string;
}

/** Case file (relative to the cases folder) -> profile label -> the model's explanation. */
export type CaseExplanations = Record<string, Record<string, Explanation>>;

export class CaseExplanationsError extends Error {}

export function explanationsOf(cases: readonly Case[], casesDir: string): CaseExplanations {
  const out: CaseExplanations = {};
  for (const c of cases) {
    const byProfile: Record<string, Explanation> = {};
    for (const profile of profilesListedIn(c)) {
      const p = predictDetailed(c.program, profile);
      const because = (p.because ?? []).map((rules) => [...new Set(rules)].sort());
      byProfile[profileLabel(profile)] = p.stopped ? { because, stopped: p.stopped.reason } : { because };
    }
    out[relative(casesDir, c.file)] = byProfile;
  }
  return out;
}

/** Each difference between the explanations now and the kept ones, as a line naming case, profile and observation. */
export function explanationChanges(now: CaseExplanations, kept: CaseExplanations): string[] {
  const out: string[] = [];
  for (const name of [...new Set([...Object.keys(now), ...Object.keys(kept)])].sort()) {
    const a = now[name];
    const b = kept[name];
    if (a === undefined || b === undefined) {
      out.push(`${name}: ${a === undefined ? 'kept, but no such case now' : 'no explanation kept'}`);
      continue;
    }
    for (const label of [...new Set([...Object.keys(a), ...Object.keys(b)])].sort()) {
      const x = a[label];
      const y = b[label];
      if (x === undefined || y === undefined) {
        out.push(`${name} on ${label}: ${x === undefined ? 'kept, but the case no longer records this profile' : 'no explanation kept'}`);
        continue;
      }
      const n = Math.max(x.because.length, y.because.length);
      for (let i = 0; i < n; i++) {
        const now = (x.because[i] ?? []).join(', ');
        const was = (y.because[i] ?? []).join(', ');
        if (now !== was) out.push(`${name} on ${label}: observation ${i + 1} is now decided by [${now}], was [${was}]`);
      }
      if (x.because.length !== y.because.length) out.push(`${name} on ${label}: the model now makes ${x.because.length} observations, was ${y.because.length}`);
      if (x.stopped !== y.stopped) out.push(`${name} on ${label}: the model now ${x.stopped === undefined ? 'follows the whole program' : `stops: ${x.stopped}`}, was ${y.stopped === undefined ? 'following it whole' : `stopping: ${y.stopped}`}`);
    }
  }
  return out;
}

export function readCaseExplanations(file: string): CaseExplanations {
  const explained = readKeptEntries(file, 'explained', (message) => new CaseExplanationsError(message));
  for (const [name, byProfile] of Object.entries(explained)) {
    const ok = typeof byProfile === 'object' && byProfile !== null && Object.values(byProfile).every(isExplanation);
    if (!ok) throw new CaseExplanationsError(`${file}: explained["${name}"]: must map each profile to {"because": [[rule, ...], ...], "stopped"?: reason}`);
  }
  return explained as CaseExplanations;
}

function isExplanation(v: unknown): boolean {
  if (typeof v !== 'object' || v === null) return false;
  const { because, stopped } = v as { because?: unknown; stopped?: unknown };
  const rules = Array.isArray(because) && because.every((rs) => Array.isArray(rs) && rs.every((r) => typeof r === 'string'));
  return rules && (stopped === undefined || typeof stopped === 'string');
}

/** One case per line, so that a diff shows which cases' explanations changed. */
export function writeCaseExplanations(file: string, explained: CaseExplanations): void {
  const about = "The model's explanation of each case (case file, profile: the rules that decided each observation, why it stopped): see case-explanations.ts. Rewritten by 'cmm cases --write-declines'.";
  writeKeptEntries(file, about, 'explained', Object.keys(explained).sort().map((name) => [name, explained[name]] as const));
}
