// The correct model playing CPython, for planted-bug tests: deterministic, fast, no interpreter.
// The oracle answers what the model predicts; the predictor under test is compared with it only
// where the model knows: a position the model declines, or lying past where it stopped following
// the program, is declined on the predictor's side too (as cmm diff pairs two models).
import type { Program } from '../../language/ast.ts';
import { parseProgram } from '../../language/parse.ts';
import { renderProgram } from '../../language/render.ts';
import { predictDetailed, type DetailedPrediction } from '../../model/predict.ts';
import type { Profile } from '../../model/profile.ts';
import type { InterpreterInfo, Oracle, OracleRequest, RunResult } from '../../oracle/types.ts';
import type { Predictor } from '../checkProgram.ts';
import { withinKnown } from '../compare.ts';

export interface ModelOracle {
  oracle: Oracle;
  /** The predictor under test, declining wherever the model the oracle plays declines. */
  predict: Predictor;
}

/** What the oracle reports where the model declines: no prediction ever equals it. */
export const DECLINED = '<the model declines>';

/** Both sides see the program as an oracle does: rendered, then parsed back (as cmm diff's model side). */
const asRun = (program: Program): Program => parseProgram(renderProgram(program), { mode: program.mode });

function run(request: OracleRequest, profile: Profile): RunResult {
  try {
    const p = predictDetailed(parseProgram(request.source, { mode: request.mode }), profile);
    return { status: 'ok', observations: p.observations.map((o) => o ?? DECLINED) };
  } catch (e) {
    return { status: 'error', observations: [], detail: `the model threw: ${e instanceof Error ? e.message : String(e)}` };
  }
}

/** The checked prediction where the model knows, declined where it does not. */
function within(known: DetailedPrediction, checked: DetailedPrediction): DetailedPrediction {
  const observations = withinKnown(known.observations, known.stopped !== undefined, checked.observations);
  const stopped = checked.stopped ?? known.stopped;
  return { ...checked, observations, ...(stopped !== undefined ? { stopped } : {}) };
}

/** The model of `profile` as the oracle, and `predictor` as what the campaign checks against it. */
export function modelOracle(profile: Profile, predictor: Predictor): ModelOracle {
  const p = profile;
  const info: InterpreterInfo = {
    name: 'model',
    version: `${p.major}.${p.minor}.${p.patch}`,
    bits: p.bits,
    kind: p.allocator === 'malloc' ? 'embedded' : 'native',
    design: 'the model plays the interpreter',
  };
  const oracle: Oracle = {
    info: async () => info,
    run: async (requests) => requests.map((r) => run(r, profile)),
    close: async () => {},
  };
  const predict: Predictor = (program) => {
    const seen = asRun(program);
    return within(predictDetailed(seen, profile), predictor(seen, profile));
  };
  return { oracle, predict };
}
