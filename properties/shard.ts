// Splitting a campaign across machines by seeds: shard i of n runs its own stream of programs,
// drawn with a seed derived from the campaign's seed, and its share of the campaign's run count.
// Every shard reports its own seed, so a failure replays with that seed alone (no --shard).

export interface Shard {
  /** 1-based, as CI matrices count. */
  index: number;
  count: number;
}

/** The seed of one shard: the campaign's own seed for a single shard, else a 32-bit mix of both. */
export function shardSeed(seed: number, shard: Shard): number {
  if (shard.count === 1) return seed | 0;
  // murmur3's finalizer over the seed and the shard's index: neighbouring shards get unrelated seeds.
  let h = (seed ^ Math.imul(shard.index, 0x9e3779b9)) | 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) | 0;
}

/** Shard i's part of `runs` programs: the shards together run exactly `runs`. */
export function shardRuns(runs: number, shard: Shard): number {
  const base = Math.floor(runs / shard.count);
  return base + (shard.index <= runs % shard.count ? 1 : 0);
}
