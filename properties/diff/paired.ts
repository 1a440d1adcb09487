// Two sides turned into what a campaign compares: side A plays the oracle, side B the prediction.
// The campaign screens programs in batches (screen.ts); with `predictAfterRun` the predictor is
// asked for a program only once its batch has run, and reads B's answer for it from here.
// A position either side cannot say (null, past where the model stopped, a failed run) is
// declined; so is any position whose kind of observation is in `ignored` (a kind already reported).
import type { Program } from '../../language/ast.ts';
import { renderProgram } from '../../language/render.ts';
import type { DetailedPrediction } from '../../model/predict.ts';
import type { InterpreterInfo, Oracle, OracleRequest, RunResult } from '../../oracle/types.ts';
import type { Predictor } from '../checkProgram.ts';
import { kindOfStatement, observationStatements } from './kinds.ts';
import type { Side, SideResult } from './sides.ts';

export interface Paired {
  oracle: Oracle;
  predictor(ignored: ReadonlySet<string>): Predictor;
}

const keyOf = (source: string, mode: string): string => `${mode}\n${source}`;

export function paired(a: Side, b: Side, info: InterpreterInfo): Paired {
  // Both answers of each program run and not yet compared, by program (a program may repeat).
  const answers = new Map<string, { a: SideResult; b: SideResult }[]>();
  const oracle: Oracle = {
    info: async () => info,
    run: async (requests: readonly OracleRequest[]): Promise<RunResult[]> => {
      const [ra, rb] = await Promise.all([a.run(requests), b.run(requests)]);
      return requests.map((r, i) => {
        const key = keyOf(r.source, r.mode);
        answers.set(key, [...(answers.get(key) ?? []), { a: ra[i]!, b: rb[i]! }]);
        const x = ra[i]!;
        // What A could not say is compared as declined (the prediction says null there).
        return { status: x.status, observations: x.observations.map((o) => o ?? ''), ...(x.detail !== undefined ? { detail: x.detail } : {}) };
      });
    },
    close: async () => {},
  };
  const predictor = (ignored: ReadonlySet<string>): Predictor => (program: Program): DetailedPrediction => {
    const key = keyOf(renderProgram(program), program.mode);
    const queue = answers.get(key);
    const pair = queue?.shift();
    if (queue !== undefined && queue.length === 0) answers.delete(key);
    if (pair === undefined) throw new Error('cmm diff: no answer of the second side for a program');
    return combine(pair.a, pair.b, ignored.size === 0 ? [] : observationStatements(program), ignored);
  };
  return { oracle, predictor };
}

function combine(a: SideResult, b: SideResult, statements: readonly string[], ignored: ReadonlySet<string>): DetailedPrediction {
  if (b.status !== 'ok') return { observations: [], stopped: { reason: `${b.status}${b.detail !== undefined ? `: ${b.detail}` : ''}` } };
  const observations = b.observations.map((o, i) => {
    if (i < a.observations.length && a.observations[i] === null) return null;
    if (ignored.size > 0 && ignored.has(kindOfStatement(statements[i] ?? null, [o, a.observations[i] ?? null]))) return null;
    return o;
  });
  // Where A stopped, B's later observations are not compared either.
  const stopped = b.stopped ?? a.stopped;
  if (a.stopped !== undefined && observations.length > a.observations.length) observations.length = a.observations.length;
  return { observations, ...(stopped !== undefined ? { stopped: { reason: stopped } } : {}) };
}
