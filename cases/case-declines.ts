// The declines the model is allowed on the cases: a ratchet, as for the recorded corpus
// (corpus/declines-file.ts). cases.test.ts lets the model decline any observation, since declining
// never contradicts CPython; so a rule turned into a give-up, or a conversion that now throws and
// stops the model, would pass it unseen. The ratchet fails on any declined observation of a case
// that `cases/declined.json` does not list, for every profile the case records (listed-profiles.ts).
// `cmm cases --write-declines` rewrites the list from the model as it is. Only the model's declines
// are kept there, never an observation: the expectations remain CPython's.
import { relative } from 'node:path';
import type { Case } from './case.ts';
import { checkAgainstModel } from './check.ts';
import { readDeclinesList, writeDeclinesList, type DeclinesList } from './declines-list.ts';
import { profileLabel, profilesListedIn } from './listed-profiles.ts';

/** Case file (relative to the cases folder) -> profile label -> declined positions (0-based). */
export type CaseDeclines = DeclinesList;

export class CaseDeclinesError extends Error {}

/** What the model declines on each case, for each profile the case records. */
export function declinesOf(cases: readonly Case[], casesDir: string): CaseDeclines {
  const out: CaseDeclines = {};
  for (const c of cases) {
    for (const profile of profilesListedIn(c)) {
      const positions = checkAgainstModel(c, profile).verdicts.flatMap((v, i) => (v === 'declined' ? [i] : []));
      if (positions.length > 0) (out[relative(casesDir, c.file)] ??= {})[profileLabel(profile)] = positions;
    }
  }
  return out;
}

export function readCaseDeclines(file: string): CaseDeclines {
  return readDeclinesList(file, (message) => new CaseDeclinesError(message));
}

export function writeCaseDeclines(file: string, declines: CaseDeclines): void {
  const about = "What the model may decline on the cases (case file, profile, 0-based positions): a ratchet, see case-declines.ts. Rewritten by 'cmm cases --write-declines'.";
  writeDeclinesList(file, about, declines, Object.keys(declines).sort());
}

/** Each declined observation the list does not allow, as a line naming the case, profile and position. */
export function unallowedDeclines(actual: CaseDeclines, allowed: CaseDeclines): string[] {
  const out: string[] = [];
  for (const [name, byProfile] of Object.entries(actual)) {
    for (const [label, positions] of Object.entries(byProfile)) {
      const ok = allowed[name]?.[label] ?? [];
      for (const p of positions.filter((x) => !ok.includes(x))) out.push(`${name} on ${label}: observation ${p + 1} is declined, which the model used to predict`);
    }
  }
  return out;
}
