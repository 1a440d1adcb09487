// The conformance property against the machine's python3: wherever the model predicts, it agrees
// with CPython. On a failure fast-check prints the seed, the path and the shrunk program (as Python,
// with its mode); the thrown message lists each divergent observation.
import { test } from '@fast-check/vitest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { predictDetailed } from '../model/predict.ts';
import { describeProfile, profileFor, type Profile } from '../model/profile.ts';
import { NativeOracle } from '../oracle/native.ts';
import { programArb } from './arbitraries/program.ts';
import { DivergenceError, ModelError } from './campaign.ts';
import { checkProgram } from './checkProgram.ts';
import { CONFORMANCE_RUNS, MAX_DECLINE_RATE } from './conformance.ts';
import { describeDivergences, programTextOf } from './describe.ts';
import { declineRate, Tally } from './tally.ts';

const oracle = new NativeOracle();
let profile: Profile;
const tally = new Tally();
// Totals cover the generated programs; after the first failure fast-check is only shrinking.
let counting = true;

beforeAll(async () => {
  const info = await oracle.info();
  profile = profileFor(info.version, info.bits);
});
afterAll(() => oracle.close());

describe.sequential('conformance with python3', () => {
  test.prop([programArb()], { numRuns: CONFORMANCE_RUNS })(
    `the model agrees with CPython wherever it predicts (${CONFORMANCE_RUNS} programs)`,
    async (program) => {
      const checked = await checkProgram(program, oracle, profile, predictDetailed);
      if (checked.modelError !== null) {
        counting = false;
        throw new ModelError(`${checked.modelError}\n${programTextOf(checked, program.mode)}`);
      }
      if (counting) tally.add(checked, program.mode);
      if (checked.verdict.divergent > 0) {
        counting = false;
        throw new DivergenceError(`${describeProfile(profile)}: ${describeDivergences(checked, program.mode)}`);
      }
    },
    900_000,
  );

  it(`the model declines at most ${100 * MAX_DECLINE_RATE}% of the observations it was compared on`, () => {
    const t = tally.totals;
    expect(t.compared, 'no observation was compared').toBeGreaterThan(0);
    const summary = `${t.declined} of ${t.compared} observations declined over ${t.programs} programs`;
    expect(declineRate(t), summary).toBeLessThanOrEqual(MAX_DECLINE_RATE);
  });

  it('no generated program crashed the interpreter or could not be run', () => {
    const broken = tally.problems.filter((p) => p.status !== 'timeout');
    expect(broken.map((p) => `${p.status}: ${p.detail ?? ''}\n# mode: ${p.mode}\n${p.source}`)).toEqual([]);
  });
});
