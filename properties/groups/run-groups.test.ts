// The grouped campaign against the model playing CPython, with bugs planted in the predictor: each
// kind of failure is found and shrunk on its own, replays exactly from its seed, path and focus,
// a failure that does not come back is kept apart as flaky, and the number of groups is capped.
import { describe, expect, it } from 'vitest';
import type { Program } from '../../language/ast.ts';
import { parseProgram } from '../../language/parse.ts';
import { predictDetailed } from '../../model/predict.ts';
import { profileFor } from '../../model/profile.ts';
import type { Oracle, OracleRequest, RunResult } from '../../oracle/types.ts';
import type { Predictor } from '../checkProgram.ts';
import { observationStatements } from '../diff/kinds.ts';
import { modelOracle } from '../quality/model-oracle.ts';
import { formatKey } from './key.ts';
import { runGroups, type GroupsOptions } from './run-groups.ts';

const profile = profileFor('3.11.7', 64, 'native');

/** The model, one more wherever the statement that observes matches one of `wrong`. */
function wrongAt(...wrong: RegExp[]): Predictor {
  return (program: Program, p) => {
    const prediction = predictDetailed(program, p);
    const statements = observationStatements(program);
    const observations = prediction.observations.map((o, i) => {
      const s = statements[i];
      return o !== null && s !== undefined && /^\d+$/.test(o) && wrong.some((w) => w.test(s)) ? String(Number(o) + 1) : o;
    });
    return { ...prediction, observations };
  };
}

const parseBack = (r: OracleRequest): Program => parseProgram(r.source, { mode: r.mode });
const COLLECT = /^gc\.collect\(\)$/;
const COUNT = /^sys\.getrefcount\(\w+\)$/;

/** The model playing CPython, and `predict` checked against it where the model knows. */
const options = (rest: Partial<GroupsOptions> & { predict: Predictor }): GroupsOptions => {
  const pair = modelOracle(profile, rest.predict);
  return { oracle: pair.oracle, profile, runs: 300, seed: 5, extensions: [], ...rest, predict: pair.predict };
};

describe('runGroups', () => {
  it('finds each planted kind of divergence, grouped by the rules behind it, each shrunk on its own, then nothing more', async () => {
    const result = await runGroups(options({ predict: wrongAt(COLLECT, COUNT) }));
    expect(new Set(result.groups.map((g) => g.key.kind))).toEqual(new Set(['gc.collect() result', 'reference count']));
    // A group is its kind and the rules behind it (those the compiler fired before the program ran left out).
    const keys = result.groups.map((g) => formatKey(g.key));
    expect(keys).toContain('gc.collect() result: gc-unreachable-count,small-int-cache');
    expect(keys).toContain('reference count: getrefcount-argument,small-int-cache');
    expect(new Set(keys).size).toBe(keys.length);
    expect(result.flaky).toEqual([]);
    expect(result.campaigns).toBe(result.groups.length + 1);
    expect(result.capped).toBe(false);
    for (const g of result.groups) {
      const c = g.failure.counterexample;
      // Shrunk to its own kind: every divergence left is of that kind.
      expect(c.divergences.length).toBeGreaterThan(0);
      expect(c.source.trim().split('\n').length).toBeLessThanOrEqual(4);
      expect(c.source).toMatch(g.key.kind === 'reference count' ? /^sys\.getrefcount\(\w+\)$/m : /^gc\.collect\(\)$/m);
    }
    // The last campaign ran every program, with both kinds declined.
    expect(result.last.failure).toBeNull();
    expect(result.last.totals.programs).toBe(300);
  });

  it('replays each group exactly from its seed, its path and its focus (--only)', async () => {
    const predict = wrongAt(COLLECT, COUNT);
    const result = await runGroups(options({ predict }));
    for (const g of result.groups) {
      const again = await runGroups(options({ predict, path: g.failure.path, only: g.focus }));
      expect(again.groups.map((r) => [r.failure.counterexample.source, r.failure.path])).toEqual([[g.failure.counterexample.source, g.failure.path]]);
      expect(again.campaigns).toBe(1);
    }
    // The first group replays from its path alone, as before groups existed.
    const first = result.groups[0]!;
    const alone = await runGroups(options({ predict, path: first.failure.path }));
    expect(alone.groups[0]!.failure.counterexample.source).toBe(first.failure.counterexample.source);
    expect(formatKey(first.focus)).toMatch(/^(gc\.collect\(\) result|reference count): [a-z-]+(,[a-z-]+)*$/);
  });

  it('searches only the group --only names', async () => {
    const result = await runGroups(options({ predict: wrongAt(COLLECT, COUNT), only: { kind: 'reference count' } }));
    expect(result.groups.length).toBeGreaterThan(0);
    expect(new Set(result.groups.map((g) => g.key.kind))).toEqual(new Set(['reference count']));
  });

  it('keeps a failure that does not fail again apart, as flaky, and goes on', async () => {
    // CPython observes one collection more, once: the first time a program collects.
    const model = modelOracle(profile, predictDetailed).oracle;
    let once = true;
    const flakyOracle: Oracle = {
      ...model,
      run: async (requests: readonly OracleRequest[]): Promise<RunResult[]> => {
        const results = await model.run(requests);
        return results.map((r, i) => {
          if (!once || !/^gc\.collect\(\)$/m.test(requests[i]!.source)) return r;
          const at = observationStatements(parseBack(requests[i]!)).findIndex((s) => COLLECT.test(s));
          if (at < 0 || !/^\d+$/.test(r.observations[at] ?? '')) return r;
          once = false;
          return { ...r, observations: r.observations.map((o, j) => (j === at ? String(Number(o) + 1) : o)) };
        });
      },
    };
    const result = await runGroups(options({ oracle: flakyOracle, predict: predictDetailed }));
    expect(once).toBe(false);
    expect(result.groups).toEqual([]);
    expect(result.flaky.map((g) => [g.key.kind, g.failure.counterexample.reproduced])).toEqual([['gc.collect() result', false]]);
    expect(result.campaigns).toBe(2);
  });

  it('stops at maxGroups, and says there may be more', async () => {
    const result = await runGroups(options({ predict: wrongAt(COLLECT, COUNT), maxGroups: 1 }));
    expect(result.groups).toHaveLength(1);
    expect(result.capped).toBe(true);
    expect(result.campaigns).toBe(1);
  });

  it('reports a model that throws as a group of its own, and finds the divergences beside it', async () => {
    const wrong = wrongAt(COUNT);
    const predict: Predictor = (program, p) => {
      if (program.body.some((s) => s.kind === 'Delete')) throw new Error('no rule for del');
      return wrong(program, p);
    };
    const result = await runGroups(options({ predict }));
    expect(new Set(result.groups.map((g) => g.key.kind))).toEqual(new Set(['model error', 'reference count']));
    const error = result.groups.find((g) => g.key.kind === 'model error')!;
    expect(error.failure.counterexample.modelError).toBe('Error: no rule for del');
  });
});

