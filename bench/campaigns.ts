// End-to-end: `cmm check`'s campaign (generate, predict, run, compare, in batches) against an oracle
// for a time budget, with the peak memory it took; and the time it takes to shrink a divergence.
import { predictDetailed } from '../model/predict.ts';
import { profileFor, type Profile } from '../model/profile.ts';
import type { Oracle } from '../oracle/types.ts';
import { runCampaign } from '../properties/campaign.ts';
import { sampleMemory } from './memory.ts';
import { programs, warmUp } from './parts.ts';
import { renderProgram } from '../language/render.ts';

export interface EndToEnd {
  design: string;
  programs: number;
  seconds: number;
  perSecond: number;
  divergences: number;
  nodeMiB: number;
  interpreterMiB: number;
}

export interface Shrink {
  screened: number;
  shrinks: number;
  seconds: number;
  program: string;
}

/** The pids of an oracle's interpreter processes, when it says (NativeOracle, PyodideOracle). */
export const pidsOf = (oracle: Oracle): number[] => ('pids' in oracle && Array.isArray(oracle.pids) ? (oracle.pids as number[]) : []);

export async function profileOfOracle(oracle: Oracle): Promise<Profile> {
  const info = await oracle.info();
  return profileFor(info.version, info.bits, info.kind);
}

/** A time budget, or (for an oracle too slow to time) a number of programs. */
export type Budget = { seconds: number } | { runs: number };

export async function endToEnd(oracle: Oracle, budget: Budget, seed: number, workers = 0): Promise<EndToEnd> {
  const info = await oracle.info();
  const profile = await profileOfOracle(oracle);
  // Every worker started and warm before the clock starts (starting them is not throughput).
  if (workers > 0) await warmUp(oracle, programs(400, seed + 1).map((p) => ({ source: renderProgram(p), mode: p.mode })), workers);
  const memory = sampleMemory();
  memory.watch(pidsOf(oracle));
  const watcher = setInterval(() => memory.watch(pidsOf(oracle)), 500);
  const limit = 'seconds' in budget ? { timeLimitMs: budget.seconds * 1000 } : { runs: budget.runs };
  const result = await runCampaign({ oracle, profile, seed, ...limit });
  clearInterval(watcher);
  const { nodeMiB, interpreterMiB } = memory.stop();
  const screeningSeconds = (result.elapsedMs - result.shrinkMs) / 1000;
  return {
    design: info.design ?? 'unknown',
    programs: result.totals.programs,
    seconds: Number(screeningSeconds.toFixed(2)),
    perSecond: Number((result.totals.programs / screeningSeconds).toFixed(result.totals.programs / screeningSeconds < 10 ? 2 : 0)),
    divergences: result.totals.divergentPrograms,
    nodeMiB,
    interpreterMiB,
  };
}

/**
 * A divergence planted in the model (one observation of every program with three or more is
 * predicted wrong), found and shrunk against the real oracle: how long shrinking takes.
 */
export async function shrinkTime(oracle: Oracle, seed: number): Promise<Shrink> {
  const profile = await profileOfOracle(oracle);
  const result = await runCampaign({
    oracle,
    profile,
    seed,
    runs: 100_000,
    predict: (program, p) => {
      const prediction = predictDetailed(program, p);
      const observations = prediction.observations.slice();
      if (observations.length >= 3 && observations[2] !== null) observations[2] = `${observations[2]}?`;
      return { ...prediction, observations };
    },
  });
  const failure = result.failure;
  if (failure === null) throw new Error('the planted divergence was not found');
  return { screened: result.totals.programs, shrinks: failure.shrinks, seconds: Number((result.shrinkMs / 1000).toFixed(2)), program: failure.counterexample.source };
}
