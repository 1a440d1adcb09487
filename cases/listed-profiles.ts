// The model profiles a case can be checked with on any machine: one for each end of each recorded
// range that the model has a profile for. Unlike the interpreters at hand, these do not depend on
// the machine, which is what a ratchet kept in the repository needs.
import { profileFor, ProfileError, type Profile } from '../model/profile.ts';
import type { Case } from './case.ts';
import { formatVersion, rangeContains, type Version } from './versions.ts';

export function profilesListedIn(c: Case): Profile[] {
  const out: Profile[] = [];
  for (const e of c.expect) {
    const ends: Version[] = [e.range.low];
    if (e.range.high) ends.push(Number.isFinite(e.range.high.patch) ? e.range.high : { ...e.range.high, patch: 0 });
    for (const v of ends.filter((end) => rangeContains(e.range, end))) {
      try {
        out.push(profileFor(formatVersion(v), e.bits ?? 64));
      } catch (error) {
        if (!(error instanceof ProfileError)) throw error;
      }
    }
  }
  return out;
}

/** A profile as the ratchet and the reports name it. */
export function profileLabel(p: Profile): string {
  return `${p.major}.${p.minor}.${p.patch}/${p.bits}${p.strHash === 'siphash' ? '' : `/${p.strHash}`}`;
}
