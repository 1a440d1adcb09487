// The parts of the case language the generator reaches beyond its first core, each of which can be
// switched off: a feature that finds a gap in the model stays generated only when asked for, so
// that `npm test` keeps passing while the gap is open.
import fc from 'fast-check';

export const EXTENSIONS = [
  /** `{1, a}`, `set()`, `frozenset([...])`, `.add`, `.discard`. */
  'sets',
  /** `frozenset()` too (with `sets`). */
  'empty-frozenset',
  /** `x[1:]`, `x[:]`, `x[:2]` of lists, tuples and strs, as values and observations. */
  'slices',
  /** `x[::-1]` too (with `slices`). */
  'reverse-slices',
  /** `!=`, `<`, `<=`, `>`, `>=`, `in`, `not in` and chains such as `a < b <= c`. */
  'comparisons',
  /** `global` in a function, a closure over a parameter, a function reading `a` from the enclosing scope. */
  'scopes',
  /** Classes with `__slots__`, class attributes, a subclass inheriting them, bound methods kept in a name, `a.n += 1`. */
  'classes',
  /** f-strings with several fields and `!r`. */
  'fstrings',
  /** `!s` too (with `fstrings`). */
  'fstring-s',
  /** `d['k'] += 1`, `l[0] *= 2`. */
  'aug-items',
  /** `get`, `setdefault`, `pop`, `update`, `copy` of dicts. */
  'dict-methods',
  /** `pop`, `insert`, `extend`, `remove`, `index`, `count`, `reverse`, `copy` of lists. */
  'list-methods',
  /** `lower`, `strip`, `replace`, `split`, `join`, `startswith`, `find` of strs. */
  'str-methods',
  /** `hash()` of floats and strs, `repr()`, `bool()`, `len()` of sets, `tuple()`/`list()`. */
  'builtins',
  /** A last statement that raises on purpose: a missing key, an index out of range, ... */
  'endings',
  /** In repl mode: `x = _`, `_ is a`. */
  'underscore',
  /** In repl mode: `sys.getrefcount(_)` (with `underscore`). */
  'underscore-refcount',
] as const;

export type Extension = (typeof EXTENSIONS)[number];

/**
 * Extensions that find a gap in the model, each with the shrunk program `cmm check` found:
 * generated only when asked for, until the model has the rule.
 */
export const MODEL_GAP_FOUND: Readonly<Partial<Record<Extension, string>>> = {};

export const MODEL_GAPS: readonly Extension[] = EXTENSIONS.filter((e) => MODEL_GAP_FOUND[e] !== undefined);

/**
 * What `programArb()` generates unless told otherwise: each extension switched on once
 * `cmm check` found no divergence with it on CPython 3.8, 3.11 and 3.12.
 */
export const DEFAULT_EXTENSIONS: readonly Extension[] = EXTENSIONS.filter((e) => !MODEL_GAPS.includes(e));

/** An extension that refines another takes effect only with it. */
export function isOn(enabled: ReadonlySet<Extension>, ext: Extension): boolean {
  const base = REFINES[ext];
  return enabled.has(ext) && (base === undefined || enabled.has(base));
}

/** The extension each refinement refines. */
export const REFINES: Readonly<Partial<Record<Extension, Extension>>> = {
  'reverse-slices': 'slices',
  'empty-frozenset': 'sets',
  'underscore-refcount': 'underscore',
  'fstring-s': 'fstrings',
};

/** A weighted choice, possibly only with some extension on. */
export interface Branch<T> {
  weight: number;
  arbitrary: fc.Arbitrary<T>;
  needs?: Extension;
}

/** `fc.oneof` over the branches whose extension is on. */
export function choose<T>(enabled: ReadonlySet<Extension>, branches: Branch<T>[]): fc.Arbitrary<T> {
  const on = branches.filter((b) => b.needs === undefined || isOn(enabled, b.needs));
  return fc.oneof(...on.map(({ weight, arbitrary }) => ({ weight, arbitrary })));
}
