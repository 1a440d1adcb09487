// A campaign that reports every kind of failure on its own (cmm check, cmm diff): once one is
// found and shrunk, the campaign runs again with the same seed and that group declined, until no
// new group turns up, `maxGroups` are in or the time is up. A failure that does not fail again when
// replayed is flaky: kept apart, and declined like the others so that the search goes on.
import type { Program } from '../../language/ast.ts';
import { predictDetailed } from '../../model/predict.ts';
import type { Profile } from '../../model/profile.ts';
import { observationStatements } from '../diff/kinds.ts';
import { randomSeed, runCampaign, type CampaignFailure, type CampaignOptions, type CampaignResult, type Counterexample } from '../campaign.ts';
import type { Checked, Predictor } from '../checkProgram.ts';
import { filtered, found, keyAt, kept, type Filter, type Found } from './filter.ts';
import { declines, groupKey, MODEL_ERROR, type GroupKey } from './key.ts';
import { observationRules } from './observation-rules.ts';
import { recording } from './recorder.ts';

export const DEFAULT_MAX_GROUPS = 8;

export interface GroupsOptions extends Omit<CampaignOptions, 'focus' | 'onProgress'> {
  /** Only failures of this group (a kind, and rules among these): what a group's replay names. */
  only?: GroupKey;
  /** At most this many groups, flaky ones included (default 8). */
  maxGroups?: number;
  onProgress?: (done: number, groups: number) => void;
}

export interface Group {
  /** The shrunk failure's kind and the rules behind it: declined in the campaigns after it. */
  key: GroupKey;
  /**
   * What it was shrunk with (filter.ts `found`): its kind (any, for an unlocated observation) and
   * the rules up to the failure found; `--only` with the seed and path replays the shrink exactly.
   */
  focus: GroupKey;
  failure: CampaignFailure;
}

export interface GroupsResult {
  /** The last campaign's (the one that found nothing new, or the last group). */
  last: CampaignResult;
  seed: number;
  /** Failures that failed again when replayed, in the order found. */
  groups: Group[];
  flaky: Group[];
  campaigns: number;
  /** Stopped at maxGroups: there may be more. */
  capped: boolean;
  /** Programs generated and compared over all the campaigns. */
  screened: number;
  /** Of all the campaigns. */
  elapsedMs: number;
  shrinkMs: number;
}

export async function runGroups(o: GroupsOptions): Promise<GroupsResult> {
  const started = performance.now();
  const seed = o.seed ?? randomSeed();
  const base = o.predict ?? predictDetailed;
  const recorder = recording(o.oracle);
  const maxGroups = o.maxGroups ?? DEFAULT_MAX_GROUPS;
  const groups: Group[] = [];
  const declined: GroupKey[] = [];
  let shrinkMs = 0;
  let campaigns = 0;
  let screened = 0;
  let last: CampaignResult | undefined;
  // A time limit is the whole command's: each campaign gets what is left.
  const deadline = o.timeLimitMs !== undefined ? Date.now() + o.timeLimitMs : undefined;

  while (groups.length < maxGroups) {
    const left = deadline === undefined ? undefined : deadline - Date.now();
    if (left !== undefined && left <= 0 && last !== undefined) break;
    const filter: Filter = { declined: [...declined], ...(o.only !== undefined ? { focus: o.only } : {}) };
    const chosen: Partial<Found> & { common?: Set<string> } = {};
    const focusOn = (program: Program, checked: Checked): Predictor => {
      // A replay names its group; a search shrinks the group of the first failure it found.
      Object.assign(chosen, o.path !== undefined && o.only !== undefined ? { focus: o.only } : within(found(program, o.profile, checked, filter.declined), o.only));
      // The rules every failing program of the shrink shares at its divergence: what the bug needs.
      const common = (chosen.common = new Set(chosen.key?.rules ?? []));
      const shared = (key: GroupKey): void => {
        const rules = new Set(key.rules ?? []);
        for (const r of common) if (!rules.has(r)) common.delete(r);
      };
      return filtered(base, recorder, { declined: [], focus: chosen.focus! }, shared);
    };
    const { only: _only, maxGroups: _max, onProgress, ...campaign } = o;
    last = await runCampaign({
      ...campaign,
      oracle: recorder.oracle,
      seed,
      predict: filtered(base, recorder, filter),
      // The filter reads what the oracle observed: predict once a batch has run.
      predictAfterRun: o.predictAfterRun === true || filter.declined.length > 0 || filter.focus !== undefined,
      focus: focusOn,
      ...(left !== undefined ? { timeLimitMs: Math.max(1, left) } : {}),
      onProgress: (done) => onProgress?.(done, groups.length),
    });
    campaigns++;
    screened += last.runs;
    shrinkMs += last.shrinkMs;
    const failure = last.failure;
    if (failure === null) break;
    const key = core(keyOf(failure.counterexample, o.profile, chosen.key ?? chosen.focus), chosen.key, chosen.common);
    groups.push({ key, focus: chosen.focus ?? key, failure });
    // A group that could not be declined would be found again and again: stop (a bug of ours).
    if (o.path !== undefined || declined.some((p) => declines(p, key)) || !kept(filter, key)) break;
    declined.push(key);
    // Shrunk into another kind (an unlocated observation located): the one found is declined too.
    if (chosen.key !== undefined && chosen.key.kind !== key.kind) declined.push(chosen.key);
  }
  return {
    last: last!,
    seed,
    groups: groups.filter((g) => g.failure.counterexample.reproduced),
    flaky: groups.filter((g) => !g.failure.counterexample.reproduced),
    campaigns,
    capped: groups.length >= maxGroups,
    screened,
    elapsedMs: performance.now() - started,
    shrinkMs,
  };
}

/**
 * The shrunk failure's rules that every failing program the shrink met had at its divergence (the
 * one found among them): what the bug needs, not what one program happened to do before it. Of the
 * same kind as the failure found, they are among its rules, so they decline it in the campaigns after.
 */
function core(shrunk: GroupKey, found: GroupKey | undefined, common: ReadonlySet<string> | undefined): GroupKey {
  if (found === undefined) return shrunk;
  const direct = found.kind === shrunk.kind ? new Set(found.rules ?? []) : undefined;
  return groupKey(shrunk.kind, (shrunk.rules ?? []).filter((r) => (direct === undefined || direct.has(r)) && (common === undefined || common.has(r))));
}

/** A search for one group only shrinks with no rule outside it. */
function within(f: Found, only: GroupKey | undefined): Found {
  if (only?.rules === undefined) return f;
  const allowed = new Set(only.rules);
  return { ...f, focus: groupKey(f.focus.kind, (f.focus.rules ?? []).filter((r) => allowed.has(r))) };
}

/**
 * The group of a counterexample: its model error, or its first divergent observation; the focus it
 * was shrunk with when the replay did not fail (then it has no divergence to read).
 */
export function keyOf(c: Counterexample, profile: Profile, focus: GroupKey | undefined): GroupKey {
  if (c.kind === 'model-error') return groupKey(MODEL_ERROR);
  const d = c.divergences[0];
  if (d === undefined) return focus ?? groupKey('unlocated observation');
  const rules = d.position === 0 ? (observationRules(c.program, profile, [d.rules])[0] ?? d.rules) : d.rules;
  return keyAt(observationStatements(c.program), d.position, d.model, d.cpython, rules);
}
