// The conformance property on each interpreter of a matrix: wherever the model predicts, it agrees
// with that CPython. A failure's message (what vitest prints, and what its JUnit reporter writes)
// is the readable divergence report: the interpreter, fast-check's seed and path and the cmm
// command that replays it, each divergent observation with the rules the model decided it with,
// both lists, and the shrunk program as Python with its mode. The decline bar and the check for
// broken runs hold per interpreter.
import { test } from '@fast-check/vitest';
import type fc from 'fast-check';
import { expect, it } from 'vitest';
import type { Program } from '../language/ast.ts';
import { predictDetailed } from '../model/predict.ts';
import { describeProfile } from '../model/profile.ts';
import { programArb } from './arbitraries/program.ts';
import { DivergenceError, ModelError } from './campaign.ts';
import { checkProgram, type Predictor } from './checkProgram.ts';
import { CONFORMANCE_RUNS, MAX_DECLINE_RATE } from './conformance.ts';
import { describeEachInterpreter, type OpenOracle } from './each-interpreter.ts';
import type { Matrix } from './matrix.ts';
import { divergenceMessage, failureMessage } from './report/divergence-message.ts';
import { declineRate, Tally } from './tally.ts';

/** Generous: a failure is shrunk on the real interpreter, one program at a time. */
const PROPERTY_TIMEOUT_MS = 900_000;

export interface ConformanceOptions {
  /** The model (default), or a planted one in the suite's own tests. */
  predict?: Predictor;
  runs?: number;
  /** How an entry's oracle is opened (default: the real interpreter). */
  open?: OpenOracle;
}

export function conformanceSuite(matrix: Matrix, options: ConformanceOptions = {}): void {
  const runs = options.runs ?? CONFORMANCE_RUNS;
  const predict = options.predict ?? predictDetailed;
  describeEachInterpreter(
    'conformance',
    matrix,
    (current, entry) => {
      const tally = new Tally();
      // Totals cover the generated programs; after the first failure fast-check is only shrinking.
      let counting = true;
      // fast-check reports the seed and path; the message is built from them and the last failure.
      const asyncReporter = async (details: fc.RunDetails<[Program]>): Promise<void> => {
        if (!details.failed) return;
        const error = details.errorInstance;
        if (!(error instanceof DivergenceError) && !(error instanceof ModelError)) throw error;
        const { info, profile } = current();
        const where = `${info.name} (CPython ${info.version}), the model of ${describeProfile(profile)}`;
        const message = failureMessage(where, { oracle: info.name, seed: details.seed, path: details.counterexamplePath ?? '', shrinks: details.numShrinks }, error.message);
        throw error instanceof ModelError ? new ModelError(message) : new DivergenceError(message);
      };

      test.prop([programArb()], { numRuns: runs, asyncReporter })(
        `${entry.name}: the model agrees with CPython wherever it predicts (${runs} programs)`,
        async (program) => {
          const { oracle, profile } = current();
          const checked = await checkProgram(program, oracle, profile, predict);
          if (checked.modelError !== null) {
            counting = false;
            throw new ModelError(divergenceMessage(checked, program));
          }
          if (counting) tally.add(checked, program.mode);
          if (checked.verdict.divergent > 0) {
            counting = false;
            throw new DivergenceError(divergenceMessage(checked, program));
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
    },
    options.open,
  );
}
