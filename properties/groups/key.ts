// What a divergence is about, so that a campaign reports each bug once, shrunk on its own: the kind
// of observation (properties/diff/kinds.ts) and the model's rules that decided it (the prediction's
// `because`: the rules that decided something since the observation before). One bug must not hide
// another, and the same bug must not fill every group.
//
// A group found is declined afterwards as a pattern: an observation of the same kind whose rules
// include all of the group's is taken for the same bug. A group is shrunk with a focus: only the
// observations of its kind whose rules are all among the focus's count (rules fall away as
// statements do). The focus is built so that nothing it keeps matches a group found before
// (filter.ts `found`), so a shrink cannot turn into an earlier group, and the focus alone, given
// back with the seed and the path (`--only`), replays the shrink exactly.
import { RULE_IDS } from '../../model/rules.ts';
import { KIND_NAMES } from '../diff/kinds.ts';

/** The kind of failure a model that throws is: it has no observation to point at. */
export const MODEL_ERROR = 'model error';

/** An observation whose statement is not known (properties/sites.ts stops at an uncertain one). */
export const UNLOCATED = 'unlocated observation';

/**
 * A focus of any kind of observation: an unlocated observation's group is shrunk with it, so that
 * the shrink may drop what kept the statement from being known, and find its real kind.
 */
export const ANY_KIND = '*';

export interface GroupKey {
  kind: string;
  /** Sorted, no repeats; absent in a focus: any rules. */
  rules?: readonly string[];
}

export function groupKey(kind: string, rules: readonly string[] = []): GroupKey {
  return { kind, rules: [...new Set(rules)].sort() };
}

/**
 * Does the pattern of a group found decline this observation's key? Same kind, all its rules. An
 * unlocated observation (its statement could not be told, so neither could its kind) with all the
 * rules of a group found is taken for that group: otherwise the same bug, seen after a call the
 * mapping cannot follow, comes back as a group of its own that cannot shrink into the first.
 */
export function declines(pattern: GroupKey, key: GroupKey): boolean {
  const unlocated = key.kind === UNLOCATED && pattern.kind !== MODEL_ERROR && (pattern.rules ?? []).length > 0;
  if (pattern.kind !== key.kind && !unlocated) return false;
  const rules = new Set(key.rules ?? []);
  return (pattern.rules ?? []).every((r) => rules.has(r));
}

/** Is this observation's key one the focus keeps? Same kind, and no rule outside the focus's. */
export function keeps(focus: GroupKey, key: GroupKey): boolean {
  const kind = focus.kind === key.kind || (focus.kind === ANY_KIND && key.kind !== MODEL_ERROR);
  if (!kind) return false;
  if (focus.rules === undefined) return true;
  const allowed = new Set(focus.rules);
  return (key.rules ?? []).every((r) => allowed.has(r));
}

/** `reference count delta: shared-count-delta,small-int-cache` (what --only reads back). */
export function formatKey(key: GroupKey): string {
  return key.rules === undefined ? key.kind : `${key.kind}: ${key.rules.join(',')}`;
}

export class KeyError extends Error {
  override name = 'KeyError';
}

const KINDS = [...KIND_NAMES, MODEL_ERROR, ANY_KIND];

/** Reads `KIND` (any rules) or `KIND: RULE,RULE` (rules among those); throws a one-line KeyError. */
export function parseKey(text: string): GroupKey {
  const colon = text.indexOf(':');
  const kind = (colon < 0 ? text : text.slice(0, colon)).trim();
  if (!KINDS.includes(kind)) throw new KeyError(`'${kind}' is not a kind of observation (kinds: ${KINDS.join(', ')})`);
  if (colon < 0) return { kind };
  const rules = text.slice(colon + 1).split(',').map((r) => r.trim()).filter((r) => r !== '');
  const unknown = rules.find((r) => !(RULE_IDS as readonly string[]).includes(r));
  if (unknown !== undefined) throw new KeyError(`'${unknown}' is not a rule of the model (see cmm rules)`);
  return groupKey(kind, rules);
}
