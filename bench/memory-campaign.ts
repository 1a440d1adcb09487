// Memory over a long campaign: one campaign of many programs, this process's resident size
// sampled as it goes, and the interpreter processes' high-water mark at the end. Flat means the
// campaign keeps nothing per program (fast-check's runner, the batches, the tallies).
import { predictDetailed } from '../model/predict.ts';
import type { Oracle, OracleRequest, RunResult } from '../oracle/types.ts';
import { runCampaign } from '../properties/campaign.ts';
import { pidsOf, profileOfOracle } from './campaigns.ts';
import { sampleMemory } from './memory.ts';

export interface MemoryTrace {
  programs: number;
  seconds: number;
  /** Resident size of this process (MiB) after each tenth of the campaign, and its JavaScript heap. */
  nodeMiB: number[];
  heapMiB: number[];
  interpreterMiB: number;
}

/** Answers every program at once, as if it had timed out: the campaign's own costs, and nothing else. */
export class InstantOracle implements Oracle {
  async info() {
    return { name: 'instant', version: '3.11.7', bits: 64 as const, kind: 'native' as const, design: 'no interpreter (answers at once)' };
  }
  async run(requests: readonly OracleRequest[]): Promise<RunResult[]> {
    return requests.map(() => ({ status: 'timeout', observations: [], detail: 'not run' }));
  }
  async close() {}
}

const MIB = 2 ** 20;

export async function memoryTrace(oracle: Oracle, programs: number, seed: number, log: (line: string) => void): Promise<MemoryTrace> {
  const profile = await profileOfOracle(oracle);
  const memory = sampleMemory(1000);
  const trace: number[] = [];
  const heap: number[] = [];
  const tenth = Math.max(1, Math.floor(programs / 10));
  const started = performance.now();
  const result = await runCampaign({
    oracle,
    profile,
    seed,
    runs: programs,
    // The model's real work, with every observation declined: a divergence of the model would end
    // the campaign early, and this is about memory, not about the model.
    predict: (program, p) => {
      const prediction = predictDetailed(program, p);
      return { ...prediction, observations: prediction.observations.map(() => null), stopped: { reason: 'declined for the memory trace' } };
    },
    onProgress: (done) => {
      if (done % tenth !== 0) return;
      const usage = process.memoryUsage();
      trace.push(Math.round(usage.rss / MIB));
      heap.push(Math.round(usage.heapUsed / MIB));
      memory.watch(pidsOf(oracle));
      log(`${done} programs, ${trace.at(-1)} MiB resident, ${heap.at(-1)} MiB heap`);
    },
  });
  const { interpreterMiB } = memory.stop();
  return { programs: result.totals.programs, seconds: Number(((performance.now() - started) / 1000).toFixed(1)), nodeMiB: trace, heapMiB: heap, interpreterMiB };
}
