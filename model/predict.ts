// The model's entry point: predict(program, profile) -> one entry per observation, null where the
// model declines. Pure: no I/O, no clock, no randomness.
import type { Program } from '../language/ast.ts';
import type { Profile } from './profile.ts';
import { run } from './exec/run.ts';
import type { RuleId } from './rules.ts';

export type Prediction = (string | null)[];

export interface DetailedPrediction {
  observations: Prediction;
  /**
   * Set when the model stopped following the program (a construct it has no rule for yet):
   * every observation from `observations.length` on is declined.
   */
  stopped?: { reason: string };
  /** How many times each rule of the model (rules.ts) decided something in this run. */
  fired?: ReadonlyMap<RuleId, number>;
  /** For each observation, the rules that decided something since the one before it. */
  because?: readonly RuleId[][];
}

export function predictDetailed(program: Program, profile: Profile): DetailedPrediction {
  return run(program, profile);
}

export function predict(program: Program, profile: Profile): Prediction {
  return predictDetailed(program, profile).observations;
}
