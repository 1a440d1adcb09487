// The parts of the case language the generator reaches beyond its first core, each of which can be
// switched off: a feature that finds a gap in the model stays generated only when asked for, so
// that `npm test` keeps passing while the gap is open.
import fc from 'fast-check';

export const EXTENSIONS = [
  /** `{1, a}`, `{1, 'a', 257}` (a constant frozenset from 3.9), `set()`, `frozenset([...])`, `.add`, `.discard`. */
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
  /**
   * Classes with `__slots__` (both slots filled: `a.other = x`, `a.me = y`), class attributes, a
   * subclass inheriting them, bound methods kept in a name, `a.n += 1`.
   */
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
  /** `hash()` of floats, strs and tuples (`hash((a, 1))`), `repr()`, `bool()`, `len()` of sets, `tuple()`/`list()`. */
  'builtins',
  /** A last statement that raises on purpose: a missing key, an index out of range, ... */
  'endings',
  /** In repl mode: `x = _`, `_ is a`. */
  'underscore',
  /** In repl mode: `sys.getrefcount(_)` (with `underscore`). */
  'underscore-refcount',
  /** `gc.collect(0)`, `gc.collect(1)`, `gc.collect(2)`: one generation at a time. */
  'gc-generations',
  /**
   * Freed memory reused: `id(float('1.5')) == id(float('2.5'))` and the like for floats, ints,
   * bytes, tuples, dicts, sets and bound methods; `i = id(a)` kept, then `id(b) == i`, `id([]) == i`.
   */
  'memory-reuse',
  /**
   * `x.__dict__`: bound to a name (it shares the instance's attributes), observed (count, tracked,
   * len, value, `a.__dict__ is a.__dict__`), written through (`a.__dict__['k'] = 1`), and stored on
   * its own instance (`a.me = a.__dict__`, a cycle).
   */
  'instance-dicts',
  /**
   * `def h(p, q, d=<constant>): <steps>; return s` defined where it stands and called at once
   * (`x = h(a, b)`): arguments, a default and locals held by a frame, observations inside it,
   * objects that die when it returns or come back out of it.
   */
  'function-bodies',
  /** Class R, whose `__del__` stores self in `keep`: resurrection, `len(keep)`, `keep.clear()` (no second `__del__`). */
  'resurrection',
  /**
   * Class T, whose `__del__` logs `len(self.items)` and clears the list (what it held dies inside
   * the finalizer); `a.items.append(b)` puts objects there.
   */
  'finalizer-reach',
  /**
   * Weak references to functions, closures, bound methods, sets, frozensets, classes and slotted
   * instances with `__weakref__`; a callback of their own per reference (`cbw` logs 'w', `cbv`
   * logs 'v'); the reference observed as an object (tracked, count, type, `weakref.ref(a) is w`).
   */
  'weakref-kinds',
  /** Functions and classes as values (`x = g`, `x = D`, `x = type(a)`), `type(a) is type(b)`. */
  'callables',
  /**
   * Cycles through a dict (`d['k'] = d`), a bound method or a closure stored on its instance
   * (`a.me = a.get`, `a.me = outer(a)`), a tuple in a list (`l.append((l,))`); a self-cycle
   * dropped and collected at once (`a.me = a`, `del a`, `gc.collect()`).
   */
  'more-cycles',
  /**
   * More endings that raise on purpose (with `endings`): unhashable, missing or undeletable
   * attribute, `int('x')`, `l.remove`, `a + None`, a weak reference to what takes none, overflow,
   * `chr` out of range, pop of an empty list or dict, calling what is not callable, `S().__dict__`,
   * UnboundLocalError; any ending raised from inside a function (`def boom(): ...; boom()`).
   */
  'raising',
  /** `x[-2:]`, `x[::2]`, `x[5:]`, `x[1:2]` of lists, tuples, strs and bytes; `l[1:] = [x]`, `l[:] = []`, `del l[:1]`, `del l[::2]`. */
  'slice-forms',
  /**
   * Run-time arithmetic: floats (`x + 0.5`, `x *= 2.0`), `//`, `%`, `**`, `t + (1,)`, `l + l`,
   * `t * 0`, `t * 1`, `l * 2`, `'%s' % x`, `-x`, `not x`, `t += (1,)`, `b += b'x'`.
   */
  'arithmetic',
  /** `chr` (97, 255, 256, 9786), `ord`, `dict()`, `dict(d)`, `bytes(n)`, `bytes([97])`, `float(n)`, `int(f)`, `str(f)`, `tuple()`, `list()`, `set(l)`, `frozenset(t)`, `bool(x)`. */
  'builtin-calls',
  /**
   * `d.keys()`, `d.values()`, `d.items()`, `d.popitem()`, set union, intersection and difference,
   * `lstrip`, `rstrip`, `title`, `capitalize`, `zfill`, `'{}-{}'.format`, `encode`, `decode`,
   * `bit_length`, `s.count`, `s.endswith`, `l.sort()`, `s.clear()`.
   */
  'more-methods',
  /** Chained assignment into an attribute or an item: `a.other = x = C()`, `l[0] = x = 257`. */
  'chain-targets',
  /**
   * G(C) overriding C's `__del__`, U(S) (a dict on a slotted class), V (`__weakref__` in its slots),
   * a method with a parameter (`a.put(b)`), class attributes of D (257, 'hello world', (1, 'a')) read
   * through an instance (`x = a.label`).
   */
  'class-variety',
  /** f-strings with `!a` and format specs (`f'{a:>5}'`, `f'{a!r:^7}'`) (with `fstrings`). */
  'fstring-specs',
  /** The caches' edges of newer interpreters: 1024 and 1025 (3.15's small ints), `chr(255)`, `chr(256)`, `b'\x80'`, `float('-0.0')`. */
  'wide-boundaries',
  /**
   * `x = make(a)`, `make(p)` returning `M(p)`, whose `__init__` counts its argument: one call site
   * run twice or more (3.13's CALL_ALLOC_AND_ENTER_INIT from its second run).
   */
  'init-calls',
  /**
   * The text formatting makes, observed: `'%r|%s%%' % (a, a)`, `'%d' % n`, `'abc' % l` (a lone
   * mapping), `('%s' % (a,)) is a`; `'{:>6}|{:<6}|{:*^9}'.format(a, a, a)`,
   * `'{0}{0}|{1}-{0}|{0!r:*^9}'.format(a, b)`, `'{:.2}'.format(s)`, `'{:=8}'.format(n)`,
   * `'{:3}'.format(s) is s`.
   */
  'formatting',
  /** A bound object compared with a display of constants: `a == [1, 257, 'a']`, `a != {'k': 257}`, `a in (257, 'a')`, `a not in {1, 'a'}`, `a == ()`. */
  'display-compare',
] as const;

export type Extension = (typeof EXTENSIONS)[number];

/**
 * Extensions that find a gap in the model, each with the shrunk program `cmm check` found:
 * generated only when asked for, until the model has the rule.
 */
export const MODEL_GAP_FOUND: Readonly<Partial<Record<Extension, string>>> = {};

export const MODEL_GAPS: readonly Extension[] = EXTENSIONS.filter((e) => MODEL_GAP_FOUND[e] !== undefined);

/**
 * What `programArb()` generates unless told otherwise: every extension but those with an open gap.
 * Each was checked before it joined: campaigns focused on it (`programArb({ focus })`) on CPython
 * 3.8, 3.11, 3.12, 3.13 and the WebAssembly 3.14 and 3.15 found no divergence.
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
  raising: 'endings',
  'fstring-specs': 'fstrings',
};

/** A weighted choice, possibly only with some extension on. */
export interface Branch<T> {
  weight: number;
  arbitrary: fc.Arbitrary<T>;
  needs?: Extension;
}

/**
 * The extensions switched on, and those to stress: a branch of a focused extension weighs
 * `FOCUS_BOOST` times as much, so that a campaign about it meets its constructs in most programs.
 */
export type Enabled = ReadonlySet<Extension> & { readonly focus?: ReadonlySet<Extension> };

export const FOCUS_BOOST = 8;

export function enabledSet(extensions: readonly Extension[], focus: readonly Extension[] = []): Enabled {
  return Object.assign(new Set(extensions), { focus: new Set(focus) });
}

/**
 * `fc.oneof` over the branches whose extension is on. With `crossShrink`, shrinking a value of any
 * branch first tries a value of the first branch (fast-check's withCrossShrink), so the first
 * branch should hold the simplest values.
 */
export function choose<T>(enabled: Enabled, branches: Branch<T>[], options: { crossShrink?: boolean } = {}): fc.Arbitrary<T> {
  const on = branches.filter((b) => b.needs === undefined || isOn(enabled, b.needs));
  const boost = (b: Branch<T>): number => (b.needs !== undefined && enabled.focus?.has(b.needs) === true ? FOCUS_BOOST : 1);
  return fc.oneof({ withCrossShrink: options.crossShrink === true }, ...on.map((b) => ({ weight: b.weight * boost(b), arbitrary: b.arbitrary })));
}
