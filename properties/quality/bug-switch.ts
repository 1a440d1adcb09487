// Which planted rule, if any, the model runs with right now. The copies of rules (planted-rules.ts)
// are put in place of the model's own by the test's vi.mock factories, each behind this switch, so
// that one model serves as the oracle (switch off) and as the buggy prediction (switch on).
// This module imports nothing of the model: a mock factory loads it while a model module is
// itself being loaded.

export const PLANTED_RULES = [
  'small-int-cache-to-1024',
  'getrefcount-forgets-its-argument',
  'dicts-tracked-at-creation',
  'collector-skips-finalizers',
] as const;
export type PlantedRule = (typeof PLANTED_RULES)[number];

let active: PlantedRule | null = null;

export function isPlanted(rule: PlantedRule): boolean {
  return active === rule;
}

/** Runs `f` with `rule` planted. The model is synchronous: no other prediction can run meanwhile. */
export function withPlanted<T>(rule: PlantedRule, f: () => T): T {
  const before = active;
  active = rule;
  try {
    return f();
  } finally {
    active = before;
  }
}
