// A prediction with the observations of some groups declined: those of the groups already found
// (so that a campaign run again finds the next one), or all but those of one group (so that a group
// is shrunk, or replayed, on its own). What decides an observation's group is its kind, which the
// values on both sides help decide (an exception, an immortal count), and the rules behind it.
import type { Program } from '../../language/ast.ts';
import type { DetailedPrediction } from '../../model/predict.ts';
import type { Profile } from '../../model/profile.ts';
import type { Checked, Predictor } from '../checkProgram.ts';
import { kindOfStatement, observationStatements } from '../diff/kinds.ts';
import { ANY_KIND, declines, groupKey, keeps, MODEL_ERROR, UNLOCATED, type GroupKey } from './key.ts';
import { observationRules } from './observation-rules.ts';
import type { Recorder } from './recorder.ts';

export interface Filter {
  /** The patterns of the groups found: what they match is declined. */
  declined: readonly GroupKey[];
  /** When set, everything outside this group is declined. */
  focus?: GroupKey;
}

export function isActive(filter: Filter): boolean {
  return filter.declined.length > 0 || filter.focus !== undefined;
}

export function kept(filter: Filter, key: GroupKey): boolean {
  return (filter.focus === undefined || keeps(filter.focus, key)) && !filter.declined.some((p) => declines(p, key));
}

/** The group of the observation at `position`, given the statements that make them (kinds.ts). */
export function keyAt(statements: readonly string[], position: number, model: string | null, cpython: string | null, rules: readonly string[]): GroupKey {
  return groupKey(kindOfStatement(statements[position] ?? null, [model, cpython]), rules);
}

const raised = (v: string | null | undefined): boolean => v?.startsWith('!') === true;

/**
 * The prediction with every observation the filter does not keep declined. An exception ends
 * what either side observes: once its position is declined, nothing after it is compared (the
 * other side's later observations would each look like a divergence of some other kind).
 */
export function filterPrediction(
  prediction: DetailedPrediction,
  observed: readonly string[] | undefined,
  statements: readonly string[],
  rules: readonly (readonly string[])[],
  filter: Filter,
  onDivergence?: (key: GroupKey) => void,
): DetailedPrediction {
  const model = prediction.observations;
  const cpython = observed ?? [];
  const length = prediction.stopped !== undefined ? model.length : Math.max(model.length, cpython.length);
  const out: (string | null)[] = [];
  for (let i = 0; i < length; i++) {
    const m = i < model.length ? model[i]! : undefined;
    const c = i < cpython.length ? cpython[i]! : null;
    if (m === null) {
      out.push(null);
      continue;
    }
    const key = keyAt(statements, i, m ?? null, c, m === undefined ? [] : (rules[i] ?? []));
    if (kept(filter, key)) {
      if (m !== c && observed !== undefined) {
        onDivergence?.(key);
        onDivergence = undefined;
      }
      // Past the model's end a kept position must stay missing (a divergence): stop filling here.
      if (m === undefined) break;
      out.push(m);
      continue;
    }
    out.push(null);
    if (raised(m) || raised(c)) {
      return { ...prediction, observations: out, stopped: { reason: 'an exception of a group left out ends what is compared' } };
    }
  }
  return { ...prediction, observations: out };
}

/**
 * `predict` seen through the filter, reading what the oracle observed for the same program from
 * the recorder (the campaign predicts after the run, see CampaignOptions.predictAfterRun). A model
 * that throws is a group of its own: outside the filter, it declines the whole program.
 * `onDivergence` hears the key of each program's first divergent observation the filter keeps.
 */
export function filtered(predict: Predictor, recorder: Recorder, filter: Filter, onDivergence?: (key: GroupKey) => void): Predictor {
  if (!isActive(filter)) return predict;
  return (program: Program, profile) => {
    const observed = recorder.observed(program);
    let prediction: DetailedPrediction;
    try {
      prediction = predict(program, profile);
    } catch (e) {
      if (kept(filter, groupKey(MODEL_ERROR))) throw e;
      return { observations: [], stopped: { reason: `the model threw (${MODEL_ERROR}s are left out)` } };
    }
    const rules = observationRules(program, profile, prediction.because);
    return filterPrediction(prediction, observed, observationStatements(program), rules, filter, onDivergence);
  };
}

/** What a failing program is about: the group of its first failure, and the focus to shrink it with. */
export interface Found {
  /** The kind of its model error or first divergent observation, and the rules since the one before. */
  key: GroupKey;
  /**
   * The same kind, with every rule that decided something up to that observation: a shrink that
   * drops an observation before it merges that one's rules into its own. Minus, for each group of
   * the kind declined, one rule of that group's that the failure found did not have: then nothing
   * the shrink keeps can be a group found before, so replaying it needs no list of those groups.
   */
  focus: GroupKey;
}

export function found(program: Program, profile: Profile, checked: Checked, declined: readonly GroupKey[]): Found {
  if (checked.modelError !== null) return { key: groupKey(MODEL_ERROR), focus: groupKey(MODEL_ERROR) };
  const d = checked.verdict.divergences[0];
  if (d === undefined) throw new Error('a failing program with no divergence');
  const because = observationRules(program, profile, checked.prediction.because);
  const key = keyAt(observationStatements(program), d.position, d.model, d.cpython, because[d.position] ?? []);
  const direct = new Set(key.rules);
  const since = new Set<string>(because.slice(0, d.position + 1).flat());
  // One rule of each group declined that the failure found lacks: the focus leaves it out.
  const excludedOf = (patterns: readonly GroupKey[]): Set<string> | null => {
    const excluded = new Set<string>();
    for (const pattern of patterns) {
      const missing = (pattern.rules ?? []).filter((r) => !direct.has(r));
      // One the program never fired costs the shrink nothing; otherwise the first will do.
      const rule = missing.find((r) => !since.has(r)) ?? missing[0];
      if (rule === undefined) return null;
      excluded.add(rule);
    }
    return excluded;
  };
  // An unlocated observation may be shrunk into any kind, if no group found before can be reached.
  const anyKind = key.kind === UNLOCATED ? excludedOf(declined.filter((p) => p.kind !== MODEL_ERROR)) : null;
  const excluded = anyKind ?? excludedOf(declined.filter((p) => p.kind === key.kind)) ?? new Set<string>();
  return { key, focus: groupKey(anyKind !== null ? ANY_KIND : key.kind, [...since].filter((r) => !excluded.has(r))) };
}
