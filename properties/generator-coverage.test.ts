// The generator reaches every rule of the model: over a fixed sample of the programs a normal
// campaign generates, predicted on an interpreter of each version the model knows (the native
// 64-bit builds, and the 32-bit embedded ones where the pointer width, the allocator or the str
// hash differ), each rule in RULE_IDS decides something at least once. A rule no generated
// program reaches is one no campaign checks against CPython.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Program } from '../language/ast.ts';
import { predictDetailed } from '../model/predict.ts';
import { profileFor, type Profile } from '../model/profile.ts';
import { RULE_IDS, type RuleId } from '../model/rules.ts';
import { EXTENSIONS } from './arbitraries/extensions.ts';
import { programArb } from './arbitraries/program.ts';
import { RuleCoverage } from './coverage.ts';

const PROFILES: readonly Profile[] = [
  profileFor('3.8.18'),
  profileFor('3.9.18'),
  profileFor('3.10.13'),
  profileFor('3.11.7'),
  // 3.12.0 to 3.12.5 make interned strs immortal; from 3.12.6 not all of them.
  profileFor('3.12.1'),
  profileFor('3.12.7', 32, 'embedded'),
  profileFor('3.13.0'),
  profileFor('3.14.2', 32, 'embedded'),
  profileFor('3.15.0', 32, 'embedded'),
];

/**
 * Enough programs that every rule fires (measured on this sample: shared-count-delta in 2 programs,
 * every other rule in 9 or more).
 */
const PROGRAMS = 2000;
const SEED = 1;

function firedOver(programs: readonly Program[], profiles: readonly Profile[]): RuleCoverage {
  const coverage = new RuleCoverage();
  const predict = coverage.counting(predictDetailed);
  for (const p of programs) for (const profile of profiles) predict(p, profile);
  return coverage;
}

describe('the generator and the rules of the model', () => {
  it(`reaches every rule of the model (${PROGRAMS} programs of a normal campaign, ${PROFILES.length} interpreters)`, () => {
    const coverage = firedOver(fc.sample(programArb(), { numRuns: PROGRAMS, seed: SEED }), PROFILES);
    expect(coverage.programs).toBe(PROGRAMS * PROFILES.length);
    expect(coverage.neverFired(), coverage.format()).toEqual([]);
  });

  it('reaches 3.13’s specialized instance creation only through make() (the init-calls extension), which calls it twice', () => {
    const rule: RuleId = 'call-alloc-and-enter-init';
    const on13 = [profileFor('3.13.0')];
    const without = firedOver(fc.sample(programArb({ extensions: EXTENSIONS.filter((e) => e !== 'init-calls') }), { numRuns: 300, seed: SEED }), on13);
    const focused = firedOver(fc.sample(programArb({ focus: ['init-calls'] }), { numRuns: 300, seed: SEED }), on13);
    expect(without.counts.get(rule) ?? 0).toBe(0);
    expect(focused.counts.get(rule) ?? 0).toBeGreaterThan(30);
    expect(RULE_IDS).toContain(rule);
  });
});
