// The conformance property on each interpreter of a matrix: wherever the model predicts, it agrees
// with that CPython. On a failure fast-check prints the seed, the path and the shrunk program (as
// Python, with its mode); the thrown message names the interpreter and lists each divergent
// observation. The decline bar and the check for broken runs hold per interpreter.
import { test } from '@fast-check/vitest';
import { expect, it } from 'vitest';
import { predictDetailed } from '../model/predict.ts';
import { describeProfile } from '../model/profile.ts';
import { programArb } from './arbitraries/program.ts';
import { DivergenceError, ModelError } from './campaign.ts';
import { checkProgram } from './checkProgram.ts';
import { CONFORMANCE_RUNS, MAX_DECLINE_RATE } from './conformance.ts';
import { describeDivergences, programTextOf } from './describe.ts';
import { describeEachInterpreter } from './each-interpreter.ts';
import type { Matrix } from './matrix.ts';
import { declineRate, Tally } from './tally.ts';

/** Generous: a failure is shrunk on the real interpreter, one program at a time. */
const PROPERTY_TIMEOUT_MS = 900_000;

export function conformanceSuite(matrix: Matrix): void {
  describeEachInterpreter('conformance', matrix, (current, entry) => {
    const tally = new Tally();
    // Totals cover the generated programs; after the first failure fast-check is only shrinking.
    let counting = true;

    test.prop([programArb()], { numRuns: CONFORMANCE_RUNS })(
      `${entry.name}: the model agrees with CPython wherever it predicts (${CONFORMANCE_RUNS} programs)`,
      async (program) => {
        const { oracle, info, profile } = current();
        const where = `${info.name}, ${describeProfile(profile)}`;
        const checked = await checkProgram(program, oracle, profile, predictDetailed);
        if (checked.modelError !== null) {
          counting = false;
          throw new ModelError(`${where}: ${checked.modelError}\n${programTextOf(checked, program.mode)}`);
        }
        if (counting) tally.add(checked, program.mode);
        if (checked.verdict.divergent > 0) {
          counting = false;
          throw new DivergenceError(`${where}: ${describeDivergences(checked, program.mode)}`);
        }
      },
      PROPERTY_TIMEOUT_MS,
    );

    it(`${entry.name}: the model declines at most ${100 * MAX_DECLINE_RATE}% of the observations it was compared on`, () => {
      const t = tally.totals;
      expect(t.compared, 'no observation was compared').toBeGreaterThan(0);
      const summary = `${t.declined} of ${t.compared} observations declined over ${t.programs} programs`;
      expect(declineRate(t), summary).toBeLessThanOrEqual(MAX_DECLINE_RATE);
    });

    it(`${entry.name}: no generated program crashed the interpreter or could not be run`, () => {
      const broken = tally.problems.filter((p) => p.status !== 'timeout');
      expect(broken.map((p) => `${p.status}: ${p.detail ?? ''}\n# mode: ${p.mode}\n${p.source}`)).toEqual([]);
    });
  });
}
