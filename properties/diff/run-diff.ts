// `cmm diff`: the campaign machinery pointed at two sides instead of the model and CPython. Each
// kind of difference is found, shrunk and reported on its own: once one is found, the campaign
// runs again (same seed) with that kind declined, until no new kind turns up or `maxGroups` are in.
import type { Mode } from '../../language/ast.ts';
import { profileFor } from '../../model/profile.ts';
import type { InterpreterInfo } from '../../oracle/types.ts';
import { randomSeed, runCampaign, type CampaignFailure } from '../campaign.ts';
import type { CampaignTotals } from '../tally.ts';
import { kindOfStatement } from './kinds.ts';
import { paired } from './paired.ts';
import type { Side } from './sides.ts';

export interface DiffOptions {
  a: Side;
  b: Side;
  seed?: number;
  /** With `seed`: replays the one difference a previous run reported at this path. */
  path?: string;
  runs?: number;
  timeLimitMs?: number;
  mode?: Mode;
  /** At most this many kinds of difference (default 8). */
  maxGroups?: number;
  onProgress?: (done: number, groups: number) => void;
}

export interface DiffGroup {
  kind: string;
  failure: CampaignFailure;
}

export interface DiffResult {
  seed: number;
  groups: DiffGroup[];
  /** The last campaign's totals (the one that found nothing new, or the last group's). */
  totals: CampaignTotals;
  elapsedMs: number;
}

const INFO: InterpreterInfo = { name: 'diff', version: '3.12.0', bits: 64, kind: 'native' };

export async function runDiff(o: DiffOptions): Promise<DiffResult> {
  const started = performance.now();
  const seed = o.seed ?? randomSeed();
  const pair = paired(o.a, o.b, INFO);
  const groups: DiffGroup[] = [];
  const ignored = new Set<string>();
  const maxGroups = o.maxGroups ?? 8;
  let totals: CampaignTotals | undefined;
  // A time limit is the whole command's: each campaign gets what is left.
  const deadline = o.timeLimitMs !== undefined ? Date.now() + o.timeLimitMs : undefined;
  while (groups.length < maxGroups) {
    const left = deadline === undefined ? undefined : deadline - Date.now();
    if (left !== undefined && left <= 0) break;
    const result = await runCampaign({
      oracle: pair.oracle,
      // The sides predict and observe; the campaign's own profile is not used.
      profile: profileFor(INFO.version),
      predict: pair.predictor(new Set(ignored)),
      predictAfterRun: true,
      seed,
      ...(o.path !== undefined ? { path: o.path } : {}),
      ...(o.runs !== undefined ? { runs: o.runs } : {}),
      ...(left !== undefined ? { timeLimitMs: left } : {}),
      ...(o.mode !== undefined ? { mode: o.mode } : {}),
      onProgress: (done) => o.onProgress?.(done, groups.length),
    });
    totals = result.totals;
    const failure = result.failure;
    if (failure === null) break;
    const first = failure.counterexample.divergences[0];
    const kind = first === undefined ? 'unlocated observation' : kindOfStatement(first.statement, [first.model, first.cpython]);
    groups.push({ kind, failure });
    // A kind that turns up again could not be declined (its positions are not known): stop there.
    if (ignored.has(kind) || o.path !== undefined) break;
    ignored.add(kind);
  }
  return { seed, groups, totals: totals!, elapsedMs: performance.now() - started };
}
