import { describe, expect, it } from 'vitest';
import { shardRuns, shardSeed } from './shard.ts';

describe('shards', () => {
  it('keep the seed of a campaign that is not split', () => {
    expect(shardSeed(42, { index: 1, count: 1 })).toBe(42);
  });

  it('give every shard its own 32-bit seed, the same on every machine', () => {
    const seeds = Array.from({ length: 64 }, (_, i) => shardSeed(42, { index: i + 1, count: 64 }));
    expect(new Set(seeds).size).toBe(64);
    for (const s of seeds) expect(s).toBe(s | 0);
    expect(shardSeed(42, { index: 3, count: 64 })).toBe(seeds[2]);
    expect(shardSeed(43, { index: 3, count: 64 })).not.toBe(seeds[2]);
  });

  it('split a run count so that the shards run exactly that many programs', () => {
    const parts = Array.from({ length: 3 }, (_, i) => shardRuns(1000, { index: i + 1, count: 3 }));
    expect(parts).toEqual([334, 333, 333]);
    expect(shardRuns(2, { index: 3, count: 3 })).toBe(0);
  });
});
