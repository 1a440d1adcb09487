// One program through the whole comparison: render it, run it on the oracle, predict it, compare.
import type { Program } from '../language/ast.ts';
import { renderProgram } from '../language/render.ts';
import type { DetailedPrediction } from '../model/predict.ts';
import type { Profile } from '../model/profile.ts';
import type { Oracle, RunResult } from '../oracle/types.ts';
import { compare, type Verdict } from './compare.ts';

export type Predictor = (program: Program, profile: Profile) => DetailedPrediction;

export interface Checked {
  source: string;
  observed: RunResult;
  prediction: DetailedPrediction;
  /** Set when the model threw (then `prediction` is empty): a bug of the model's own. */
  modelError: string | null;
  verdict: Verdict;
}

export async function checkProgram(program: Program, oracle: Oracle, profile: Profile, predict: Predictor, timeoutMs?: number): Promise<Checked> {
  const source = renderProgram(program);
  const [observed] = await oracle.run([{ source, mode: program.mode, ...(timeoutMs !== undefined ? { timeoutMs } : {}) }]);
  if (observed === undefined) throw new Error('the oracle answered no result for one program');
  let prediction: DetailedPrediction = { observations: [] };
  let modelError: string | null = null;
  try {
    prediction = predict(program, profile);
  } catch (e) {
    modelError = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
  }
  return { source, observed, prediction, modelError, verdict: compare(prediction, observed) };
}
