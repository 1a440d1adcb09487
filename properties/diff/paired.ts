// Two sides turned into what a campaign compares: side A plays the oracle, side B the prediction.
// The campaign screens programs in batches (screen.ts); with `predictAfterRun` the predictor is
// asked for a program only once its batch has run, and reads B's answer for it from here.
// A position either side cannot say (null, past where the model stopped, a failed run) is
// declined. Which kinds of difference are left out is the campaign's filter (groups/filter.ts).
import type { Program } from '../../language/ast.ts';
import { renderProgram } from '../../language/render.ts';
import type { DetailedPrediction } from '../../model/predict.ts';
import type { InterpreterInfo, Oracle, OracleRequest, RunResult } from '../../oracle/types.ts';
import type { Predictor } from '../checkProgram.ts';
import { withinKnown } from '../compare.ts';
import { Latest, programKey } from '../groups/recorder.ts';
import type { Side, SideResult } from './sides.ts';

export interface Paired {
  oracle: Oracle;
  predictor: Predictor;
}

export function paired(a: Side, b: Side, info: InterpreterInfo): Paired {
  // Both answers of each program run lately, by program.
  const answers = new Latest<{ a: SideResult; b: SideResult }>();
  const oracle: Oracle = {
    info: async () => info,
    run: async (requests: readonly OracleRequest[]): Promise<RunResult[]> => {
      const [ra, rb] = await Promise.all([a.run(requests), b.run(requests)]);
      return requests.map((r, i) => {
        answers.set(programKey(r.source, r.mode), { a: ra[i]!, b: rb[i]! });
        const x = ra[i]!;
        // What A could not say is compared as declined (the prediction says null there).
        return { status: x.status, observations: x.observations.map((o) => o ?? ''), ...(x.detail !== undefined ? { detail: x.detail } : {}) };
      });
    },
    close: async () => {},
  };
  const predictor: Predictor = (program: Program): DetailedPrediction => {
    const pair = answers.get(programKey(renderProgram(program), program.mode));
    if (pair === undefined) throw new Error('cmm diff: no answer of the second side for a program');
    return combine(pair.a, pair.b);
  };
  return { oracle, predictor };
}

function combine(a: SideResult, b: SideResult): DetailedPrediction {
  if (b.status !== 'ok') return { observations: [], stopped: { reason: `${b.status}${b.detail !== undefined ? `: ${b.detail}` : ''}` } };
  // Where A stopped, B's later observations are not compared either.
  const observations = withinKnown(a.observations, a.stopped !== undefined, b.observations);
  const stopped = b.stopped ?? a.stopped;
  return { observations, ...(stopped !== undefined ? { stopped: { reason: stopped } } : {}) };
}
