// The plan as the generator makes it: the core plan of `../plan.ts`, widened with the records the
// extensions of `../arbitraries/extensions.ts` add (functions with bodies, memory reuse, instance
// dicts, finalizers that resurrect or touch other objects, more endings, ...). The builder and the
// arbitraries import their plan types from here; `Plan` of `../plan.ts` is one of these plans.
import type * as Core from '../plan.ts';

export type {
  AttrName, BytesSpec, CallSpec, CompareOp, ConstSpec, ContainerSpec, CycleShape, DerivedSpec, DictKey, FloatSpec,
  FStringFieldSpec, IntSpec, ItemSpec, OrderOp, Pick, SliceForm, Slot, StrMethod, StrSpec,
} from '../plan.ts';
import type { AttrName, DictKey, ItemSpec, Pick, Slot } from '../plan.ts';

/**
 * The core classes (C, D, E, F, S) and those of the extensions: R resurrects itself in `__del__`
 * (`keep.append(self)`), T's `__del__` reads and clears its own list `items`, G(C) overrides C's
 * `__del__`, V has slots and `__weakref__`, U(S) is a subclass of a slotted class (it has a dict),
 * M's `__init__(self, p)` counts its argument and stores it (made only by `make(p)`, see `MoreStep`).
 */
export type ClassName = Core.ClassName | 'R' | 'T' | 'G' | 'U' | 'V' | 'M';
export type CoreClassName = Core.ClassName;
/** The extensions' classes an `instance-more` value makes with a bare call (M takes an argument). */
export type MoreClassName = Exclude<ClassName, Core.ClassName | 'M'>;

/** D's class attributes. */
export type ClassAttr = 'n' | 'label' | 'pair';

/** `x = g`, `x = D`: a function or a class as a value. */
export type CallableName = 'g' | 'outer' | 'D' | 'C';

/** More slices than the core's: a negative start, a step of 2, past the end, the middle. */
export type MoreSliceForm = 'neg-tail' | 'step' | 'past' | 'middle';

/** What `id(...) == id(...)` of two objects made in turn may find reused (the free lists). */
export type FreshKind = 'float' | 'tuple' | 'dict' | 'method' | 'set' | 'int' | 'bytes';

export type ArithForm =
  /** `x + 0.5`, `x * 2.0`, `x - 1.5` of an int or float: a float made at run time. */
  | 'float-add' | 'float-mul' | 'float-sub'
  /** `x // 2`, `x % 7`, `x ** 2` of an int. */
  | 'floordiv' | 'mod' | 'pow'
  /** `t + (1,)`, `l + l`: concatenation made at run time; `b + b'x'` of bytes. */
  | 'concat' | 'bytes-concat'
  /** `t * 0`, `t * 1`, `l * 2`, `s * 1`: repetition by 0, 1 or 2. */
  | 'repeat-0' | 'repeat-1' | 'repeat-2'
  /** `'%s' % x` and `'%s-%s' % (x, y)`. */
  | 'percent'
  /** `-x` of an int or float, `not x` of anything. */
  | 'neg' | 'not';

export type BuiltinCall =
  | 'chr' | 'ord' | 'dict-empty' | 'dict-copy' | 'bytes-count' | 'bytes-list' | 'float-of' | 'int-of-float'
  | 'str-of-float' | 'tuple-empty' | 'list-empty' | 'set-of' | 'frozenset-of' | 'frozenset-empty' | 'bool-of' | 'type-of';

export type MoreMethod =
  | 'keys' | 'values' | 'items' | 'popitem' | 'union' | 'intersection' | 'difference'
  | 'lstrip' | 'rstrip' | 'title' | 'capitalize' | 'zfill' | 'format' | 'encode' | 'decode' | 'bit_length' | 'str-count';

/** A field of an f-string with `!a` or a format spec (`>5`, `^7`). */
export interface FStringSpecField {
  source: Pick;
  conversion: 'a' | 'r' | null;
  spec: '>5' | '^7' | null;
}

export type MoreValueSpec =
  /** `a.__dict__`: the dict of an instance's attributes (it shares them with the instance). */
  | { kind: 'instance-dict'; source: Pick }
  | { kind: 'callable'; which: CallableName }
  | { kind: 'slice-more'; source: Pick; form: MoreSliceForm }
  | { kind: 'arith'; form: ArithForm; source: Pick; other: Pick }
  | { kind: 'builtin-call'; fn: BuiltinCall; source: Pick; n: 0 | 1 | 2 | 3 }
  | { kind: 'method-more'; method: MoreMethod; source: Pick; other: Pick }
  | { kind: 'fstring-spec'; fields: FStringSpecField[] }
  /**
   * `a.n`, `a.label`, `a.pair`: a class attribute of D (257, 'hello world', (1, 'a')) read through
   * an instance of D or F (or the instance's own `n`): constants of the class body's code.
   */
  | { kind: 'attr-read'; source: Pick; attr: ClassAttr }
  /** An instance of a class of the extensions. */
  | { kind: 'instance-more'; cls: MoreClassName }
  /** `1024`, `1025`, `chr(255)`, `chr(256)`, `b'\x80'`, `float('-0.0')`: the caches' edges on newer interpreters. */
  | { kind: 'boundary'; which: BoundaryValue };

export type BoundaryValue = 'int-1024' | 'int-1025' | 'chr-255' | 'chr-256' | 'byte-128' | 'float-zero-of-str';

export type ValueSpec = Core.ValueSpec | MoreValueSpec;

/** What a function made by a `def-call` step looks like and how it is called. */
export interface FunctionSpec {
  /** `def h(p)` or `def h(p, q)`: how many positional parameters the call passes. */
  params: 1 | 2;
  /** A third parameter `d` with a constant default, not passed: the default object the frame holds. */
  defaultValue: DefaultConst | null;
  /** The body: steps on the function's own names (`p`, `q`, `d`, `s`, `t`). */
  body: Step[];
  /** `return <a local>` (a pick among the function's names), or no return (the call gives None). */
  returns: Pick | null;
  /**
   * `def inner(): return <a local>` then `return inner` (instead of `returns`): a closure whose
   * cell keeps the local alive after the call; null for none.
   */
  closure: Pick | null;
  /** The arguments, picks among the names bound where the call stands. */
  args: [Pick, Pick];
}

export type DefaultConst = 'int' | 'str' | 'tuple' | 'none' | 'float' | 'bytes' | 'large-int' | 'negative';

export type MoreCycleShape =
  /** `d['k'] = d`. */
  | 'dict-self'
  /** `a.me = a.get`: a bound method stored on its own instance. */
  | 'method'
  /** `a.me = outer(a)`: a closure over the instance stored on it. */
  | 'closure'
  /** `l.append((l,))`: a tuple in the cycle. */
  | 'tuple-list'
  /** `a.me = a.__dict__`: the instance's own dict among its attributes. */
  | 'own-dict'
  /** `a.me = a`, `del a`, `gc.collect()`: a self-cycle made garbage and collected at once. */
  | 'dropped';

/** `a.other = x = value` or `l[0] = x = value` / `d['k'] = x = value`: a chain into an attribute or item. */
export type ChainInto = { kind: 'attr'; obj: Pick; attr: AttrName } | { kind: 'item'; container: Pick; key: DictKey };

/** Which callback a weak reference gets: none, the shared `cb`, or its own (`cbw` for `w`, `cbv` for `v`). */
export type CallbackChoice = 'none' | 'shared' | 'own';

export type MoreStep =
  | { kind: 'def-call'; fn: FunctionSpec; target: Slot }
  /** `i = id(a)`: an address kept for later comparison. */
  | { kind: 'keep-id'; source: Pick }
  /** `l[1:] = [item]`, `l[:] = []`, `l[:2] = [item]`. */
  | { kind: 'slice-assign'; list: Pick; form: 'tail' | 'copy' | 'head'; item: ItemSpec; empty: boolean }
  /** `del l[:1]`, `del l[::2]`. */
  | { kind: 'slice-del'; list: Pick; form: 'first' | 'step' }
  /** `a.items.append(item)`: into the list an instance holds (T's own, or one a step stored). */
  | { kind: 'attr-append'; obj: Pick; item: ItemSpec }
  /** `keep.clear()`: what R's finalizer kept alive dies again (its `__del__` does not run twice). */
  | { kind: 'keep-clear' }
  | { kind: 'cycle-more'; shape: MoreCycleShape; a: Pick }
  | { kind: 'chain-into'; into: ChainInto; target: Slot; value: ValueSpec }
  /** A weak reference to anything that takes one: an instance, a function, a bound method, a set, a class. */
  | { kind: 'weakref-any'; slot: 0 | 1; target: Pick; callback: CallbackChoice }
  /** `a.__dict__['k'] = item`: an attribute set through the instance's dict. */
  | { kind: 'dict-setitem'; obj: Pick; key: DictKey; item: ItemSpec }
  /**
   * `l.sort()` of mutually ordered items (a list of ints bound first in slot `seed` when no such
   * list is), `s.clear()` of a set.
   */
  | { kind: 'mutate-more'; method: 'sort' | 'set-clear'; target: Pick; seed: Slot }
  /** `x += 1.5`, `t += (1,)`, `b += b'x'`, `x *= 2.0`, `t *= 1`. */
  | { kind: 'aug-wide'; source: Pick; op: '+' | '-' | '*' }
  /** `a.put(b)`: a method with a parameter, storing its argument on the instance. */
  | { kind: 'method-put'; obj: Pick; value: Pick }
  /**
   * `x = make(a)`, where `make(p)` returns `M(p)`: the call site of M inside `make` runs once per
   * call, and from its second run 3.13+ specializes it (CALL_ALLOC_AND_ENTER_INIT), which M's
   * `__init__` sees in its argument's count. The first such step of a program calls `make` twice
   * (`y = make(b)` first), so that every program that has one has the specialized run.
   */
  | { kind: 'make'; targets: [Slot, Slot]; args: [Pick, Pick] }
  /**
   * `a.other = x` then `a.me = y` on an instance with `__slots__` (S, V, U), made first in slot
   * `fresh` when none is bound: when it dies, its slots are dropped in sorted order (`me` first).
   */
  | { kind: 'fill-slots'; obj: Pick; values: [Pick, Pick]; fresh: Slot };

/** The core steps whose records hold a value or an observation hold the widened ones. */
export type Step =
  | Exclude<Core.Step, { kind: 'assign' | 'chain' | 'observe' }>
  | { kind: 'assign'; target: Slot; value: ValueSpec }
  | { kind: 'chain'; targets: [Slot, Slot]; value: ValueSpec }
  | { kind: 'observe'; what: ObservationSpec }
  | MoreStep;

export type MoreObservationSpec =
  /** `gc.collect(0)`, `gc.collect(1)`, `gc.collect(2)`. */
  | { kind: 'collect-gen'; generation: 0 | 1 | 2 }
  /** `id(float('1.5')) == id(float('2.5'))` and the like: a freed object's memory reused at once. */
  | { kind: 'fresh-id-more'; what: FreshKind; a: Pick }
  /** `id(a) == i`, `id([]) == i`: is the kept address that of a new object? */
  | { kind: 'kept-id'; a: Pick; fresh: 'name' | 'list' | 'object' | 'instance' | 'float' }
  /** `sys.getrefcount(a.__dict__)`, `gc.is_tracked(a.__dict__)`, `len(a.__dict__)`, `a.__dict__`, `a.__dict__ is a.__dict__`. */
  | { kind: 'dict-of'; what: 'refcount' | 'tracked' | 'len' | 'value' | 'same'; a: Pick }
  /** `len(keep)`: how many objects R's finalizer resurrected. */
  | { kind: 'kept' }
  /** `gc.is_tracked(w)`, `sys.getrefcount(w)`, `type(w).__name__`, `weakref.ref(a) is w` of a weak reference. */
  | { kind: 'weak-obs'; what: 'tracked' | 'refcount' | 'type' | 'same'; w: Pick }
  /** `type(a) is type(b)`. */
  | { kind: 'type-is'; a: Pick; b: Pick }
  /** `not a`, `-a`. */
  | { kind: 'unary-obs'; op: 'not' | 'neg'; a: Pick }
  /** `a[::2] is a`, `a[-2:]`: the slices of `MoreSliceForm`, observed. */
  | { kind: 'slice-more-obs'; a: Pick; form: MoreSliceForm; as: 'is' | 'value' }
  /** `s.endswith('a')`, `s.count('a')`, `a.bit_length()`. */
  | { kind: 'query-more'; method: 'endswith' | 'count' | 'bit_length'; a: Pick }
  /**
   * `hash(t)` of a bound tuple of hashable items (when `a` is even and one is bound), else
   * `hash((x, y))` of a tuple made there of hashable names (or `1`, `'a'` where none is bound).
   */
  | { kind: 'hash-tuple'; a: Pick; b: Pick }
  /** The texts `%` makes of a bound object, every form it takes in one tuple (formatted.ts). */
  | { kind: 'printf-obs'; a: Pick }
  /** The texts `str.format` makes of a bound object (and another), every form it takes in one tuple. */
  | { kind: 'format-obs'; a: Pick; b: Pick }
  /** A bound object compared with a display of constants: `a == [1, 257, 'a']`, `a in {1, 'a'}`. */
  | { kind: 'display-compare'; op: '==' | '!=' | 'in' | 'not in'; display: DisplayForm; a: Pick };

/**
 * `%` with the conversions the model follows (Objects/unicodeobject.c PyUnicode_Format): of any
 * printable object `text` (%r, %s and %% in one string) and `same` (is the result the operand?);
 * of ints `int-d`; of a dict, list or bytes `mapping` (a lone mapping argument that no conversion
 * uses). An observation shows every form its object takes, so that each comes often.
 */
export type PrintfForm = 'text' | 'same' | 'int-d' | 'mapping';

/**
 * `str.format` fields with the specs the model follows (fill, alignment, width, a str's precision):
 * `aligned` (right, left and filled centre) of numbers and strs; `fields` (a repeated field, fields
 * swapped, a centred repr) of any printable object; of strs `str-precision` and `same-width`
 * (`'{:3}'.format(s) is s`: written whole when it fits); of numbers `sign-aware` (`'{:=8}'`).
 */
export type FormatForm = 'aligned' | 'fields' | 'str-precision' | 'same-width' | 'sign-aware';

/** The displays of constants a bound object is compared with. */
export type DisplayForm = 'list' | 'tuple' | 'nested-tuple' | 'dict' | 'set' | 'empty-list' | 'empty-tuple' | 'empty-dict';

export type ObservationSpec = Core.ObservationSpec | MoreObservationSpec;

export type MoreEndingSpec =
  /** `hash(l)` of a list, dict or set, or `{l}`: TypeError. */
  | { kind: 'unhashable'; source: Pick; form: 'hash' | 'set' }
  /** `a.q` of any object: AttributeError. */
  | { kind: 'missing-attribute'; source: Pick }
  /** `del a.q`: AttributeError. */
  | { kind: 'del-missing-attribute'; source: Pick }
  /** `int('x')`: ValueError. */
  | { kind: 'bad-int' }
  /** `l.remove('q')`: ValueError. */
  | { kind: 'remove-absent'; source: Pick }
  /** `a + None`: TypeError. */
  | { kind: 'add-none'; source: Pick }
  /** `weakref.ref(a)` of an object that takes no weak reference (an int, a list, an S): TypeError. */
  | { kind: 'weakref-unsupported'; source: Pick }
  /** `2.0 ** 10000`: OverflowError (the compiler gives up folding it). */
  | { kind: 'overflow' }
  /** `chr(1114112)`: ValueError. */
  | { kind: 'chr-range' }
  /** `[].pop()`: IndexError; `{}.popitem()`: KeyError. */
  | { kind: 'pop-empty'; what: 'list' | 'dict' }
  /** `a()` of an object that is not callable: TypeError. */
  | { kind: 'not-callable'; source: Pick }
  /** `S().__dict__`: AttributeError. */
  | { kind: 'no-dict'; source: Pick }
  /** `def boom(): s = t; t = 1` called: UnboundLocalError. */
  | { kind: 'unbound-local' };

export type EndingSpec = Core.EndingSpec | MoreEndingSpec | { kind: 'in-function'; ending: Core.EndingSpec | MoreEndingSpec };

export type ClassShapes = Core.ClassShapes;

export interface Plan {
  mode: Core.Plan['mode'];
  classes: ClassShapes;
  setup: (ValueSpec | null)[];
  steps: Step[];
  ending: EndingSpec | null;
}
