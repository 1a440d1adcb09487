// The isolation property on each interpreter of a matrix: a program observes the same when it runs
// alone in a fresh interpreter and when it runs after a random batch of others in one that has
// been running all along.
//
// How fresh "fresh" is, per kind, from what a new oracle costs (measured on this 2-core machine):
// - native: starting a worker takes about 50 ms, so every case gets a new one, closed right after
//   (40 cases cost about 2 s more than reusing one). The other side is the block's long-lived
//   oracle, which has run every earlier case's batch as well.
// - embedded: loading a Pyodide build in a new child takes 2.3 to 3.3 s, so only a few cases get a
//   freshly loaded build; the many others compare two points in the history of the block's one
//   long-lived oracle (the program alone, then the batch and the program again). Between programs
//   that oracle restores the interpreter's memory image, which is exactly what these check; the
//   fresh loads check that the image is the state of a just-loaded build.
import { test } from '@fast-check/vitest';
import { expect } from 'vitest';
import { renderProgram } from '../language/render.ts';
import type { InterpreterInfo, RunResult } from '../oracle/types.ts';
import { describeEachInterpreter, withFreshOracle } from './each-interpreter.ts';
import { checkIsolation, isolationCaseArb, type IsolationCase } from './isolation.ts';
import type { Matrix } from './matrix.ts';

export interface IsolationPlan {
  /** Cases whose program runs alone in an oracle opened for it alone. */
  freshRuns: number;
  /** Cases whose program runs alone in the long-lived oracle, before the batch and itself again. */
  longLivedRuns: number;
}

/** Shrinking a failure of a fresh case opens an oracle per step: on an embedded build, seconds each. */
const PROPERTY_TIMEOUT_MS = 600_000;

export function isolationSuite(matrix: Matrix, plan: IsolationPlan): void {
  describeEachInterpreter('isolation', matrix, (current, entry) => {
    if (plan.freshRuns > 0) {
      test.prop([isolationCaseArb()], { numRuns: plan.freshRuns })(
        `${entry.name}: a program observes the same alone in a fresh interpreter and after others (${plan.freshRuns} programs)`,
        async (c) => {
          const { entry, info, oracle } = current();
          const out = await withFreshOracle(entry, (fresh) => checkIsolation(c, fresh, oracle));
          expect(out.same, failure(info, c, out.alone, out.afterOthers)).toBe(true);
        },
        PROPERTY_TIMEOUT_MS,
      );
    }
    if (plan.longLivedRuns > 0) {
      test.prop([isolationCaseArb()], { numRuns: plan.longLivedRuns })(
        `${entry.name}: a program observes the same alone and after others in one long-lived interpreter (${plan.longLivedRuns} programs)`,
        async (c) => {
          const { info, oracle } = current();
          const out = await checkIsolation(c, oracle, oracle);
          expect(out.same, failure(info, c, out.alone, out.afterOthers)).toBe(true);
        },
        PROPERTY_TIMEOUT_MS,
      );
    }
  });
}

function failure(info: InterpreterInfo, c: IsolationCase, alone: RunResult, afterOthers: RunResult): string {
  const shown = (r: RunResult): string => `${r.status}${r.detail ? ` (${r.detail})` : ''} ${JSON.stringify(r.observations)}`;
  const where = `${info.name}, CPython ${info.version} (${info.bits}-bit ${info.kind})`;
  return `${where}\n# mode: ${c.program.mode}\n${renderProgram(c.program)}\nalone: ${shown(alone)}\nafter others: ${shown(afterOthers)}`;
}
