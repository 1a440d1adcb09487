// One program through the whole comparison: render it, run it on the oracle, predict it, compare.
// `judge` is the same comparison for a program whose run is already known (campaigns run programs
// in batches and judge each as its result comes back).
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

/** What the model predicts, or what it threw. */
export interface Predicted {
  prediction: DetailedPrediction;
  modelError: string | null;
}

export function predictSafely(program: Program, profile: Profile, predict: Predictor): Predicted {
  try {
    return { prediction: predict(program, profile), modelError: null };
  } catch (e) {
    return { prediction: { observations: [] }, modelError: e instanceof Error ? `${e.name}: ${e.message}` : String(e) };
  }
}

export function judge(source: string, observed: RunResult, predicted: Predicted): Checked {
  return { source, observed, ...predicted, verdict: compare(predicted.prediction, observed) };
}

/** A divergence or a model error: what stops a campaign and gets shrunk. */
export function failed(checked: Checked): boolean {
  return checked.modelError !== null || checked.verdict.divergent > 0;
}

export async function checkProgram(program: Program, oracle: Oracle, profile: Profile, predict: Predictor, timeoutMs?: number): Promise<Checked> {
  const source = renderProgram(program);
  const [observed] = await oracle.run([{ source, mode: program.mode, ...(timeoutMs !== undefined ? { timeoutMs } : {}) }]);
  if (observed === undefined) throw new Error('the oracle answered no result for one program');
  return judge(source, observed, predictSafely(program, profile, predict));
}
