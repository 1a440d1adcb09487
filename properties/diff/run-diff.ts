// `cmm diff`: the campaign machinery pointed at two sides instead of the model and CPython. Each
// kind of difference is found, shrunk and reported on its own (groups/run-groups.ts: the campaign
// runs again with the same seed and each kind found declined).
import type { Mode } from '../../language/ast.ts';
import { profileFor } from '../../model/profile.ts';
import type { InterpreterInfo } from '../../oracle/types.ts';
import type { CampaignFailure } from '../campaign.ts';
import type { GroupKey } from '../groups/key.ts';
import { runGroups, type Group } from '../groups/run-groups.ts';
import type { CampaignTotals } from '../tally.ts';
import { paired } from './paired.ts';
import type { Side } from './sides.ts';

export interface DiffOptions {
  a: Side;
  b: Side;
  seed?: number;
  /** With `seed`: replays the one difference a previous run reported at this path. */
  path?: string;
  /** Only differences of this kind (what a reported difference's replay names). */
  only?: GroupKey;
  runs?: number;
  timeLimitMs?: number;
  mode?: Mode;
  /** At most this many kinds of difference (default 8). */
  maxGroups?: number;
  onProgress?: (done: number, groups: number) => void;
}

export interface DiffGroup {
  kind: string;
  /** The kind it was shrunk with (`*`: any, for an unlocated observation): what `--only` replays. */
  focus: string;
  failure: CampaignFailure;
}

export interface DiffResult {
  seed: number;
  /** Differences that showed again when replayed, one per kind. */
  groups: DiffGroup[];
  /** Differences that did not show again when replayed. */
  flaky: DiffGroup[];
  /** The last campaign's totals (the one that found nothing new, or the last group's). */
  totals: CampaignTotals;
  elapsedMs: number;
}

const INFO: InterpreterInfo = { name: 'diff', version: '3.12.0', bits: 64, kind: 'native' };

export async function runDiff(o: DiffOptions): Promise<DiffResult> {
  const pair = paired(o.a, o.b, INFO);
  const result = await runGroups({
    oracle: pair.oracle,
    // The sides predict and observe; the campaign's own profile is not used.
    profile: profileFor(INFO.version),
    predict: pair.predictor,
    predictAfterRun: true,
    ...(o.seed !== undefined ? { seed: o.seed } : {}),
    ...(o.path !== undefined ? { path: o.path } : {}),
    ...(o.only !== undefined ? { only: o.only } : {}),
    ...(o.runs !== undefined ? { runs: o.runs } : {}),
    ...(o.timeLimitMs !== undefined ? { timeLimitMs: o.timeLimitMs } : {}),
    ...(o.mode !== undefined ? { mode: o.mode } : {}),
    ...(o.maxGroups !== undefined ? { maxGroups: o.maxGroups } : {}),
    ...(o.onProgress !== undefined ? { onProgress: o.onProgress } : {}),
  });
  // The sides' differences carry no rules: a kind is the whole group.
  const kindOf = (g: Group): DiffGroup => ({ kind: g.key.kind, focus: g.focus.kind, failure: g.failure });
  return { seed: result.seed, groups: result.groups.map(kindOf), flaky: result.flaky.map(kindOf), totals: result.last.totals, elapsedMs: result.elapsedMs };
}
