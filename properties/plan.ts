// The abstract plan a generated program is built from: plain data records, no Python text.
// fast-check generates and shrinks plans; `build/buildProgram.ts` turns a plan into a `Program`.
// Name references are not names but numbers (`Pick`): the builder resolves them against the names
// bound at that point, so deleting or shrinking a step never leaves a dangling reference.
import type { Mode } from '../language/ast.ts';

/** An index into the pool of names a value may be bound to (`a b c x y z`). */
export type Slot = number;

/** Chooses among the bound names that fit: the builder takes `pick % eligible.length`. */
export type Pick = number;

/** The boundary and ordinary int values programs use (SPEC: small-int cache, constants). */
export type IntSpec =
  | { kind: 'int-literal'; value: bigint }
  | { kind: 'int-folded'; op: '+' | '-' | '*' | '**'; left: bigint; right: bigint }
  | { kind: 'int-of-str'; value: bigint }
  | { kind: 'int-arith'; op: '+' | '-' | '*'; source: Pick };

export type FloatSpec =
  | { kind: 'float-literal'; value: number }
  | { kind: 'float-of-str'; text: string };

export type StrSpec =
  | { kind: 'str-literal'; value: string }
  | { kind: 'str-folded'; left: string; right: string }
  | { kind: 'str-concat'; prefix: string; source: Pick }
  | { kind: 'str-join'; parts: string[] }
  | { kind: 'str-repeat'; source: Pick; times: number }
  | { kind: 'str-of-int'; value: bigint }
  | { kind: 'str-of-name'; source: Pick }
  | { kind: 'str-upper'; source: Pick }
  | { kind: 'str-fstring'; source: Pick }
  /** `f'{a!r}-{b}'`: several fields, each of a printable name, with a conversion or none. */
  | { kind: 'str-fstring-fields'; fields: FStringFieldSpec[] }
  /** `s.lower()`, `s.strip()`, `s.replace('a', 'b')`, `s.split()` (a list), `'-'.join(l)` of a sequence of strs. */
  | { kind: 'str-method'; method: StrMethod; source: Pick }
  | { kind: 'str-intern'; parts: string[] };

export interface FStringFieldSpec {
  source: Pick;
  conversion: 'r' | 's' | null;
}

export type StrMethod = 'lower' | 'strip' | 'replace' | 'join' | 'split';

export type BytesSpec =
  | { kind: 'bytes-literal'; value: string }
  | { kind: 'bytes-folded'; left: string; right: string };

/** A constant the other kinds of values need no environment for. */
export type ConstSpec = { kind: 'const'; value: 'True' | 'False' | 'None' | 'Ellipsis' };

/** What a container holds: a small literal or a bound name. */
export type ItemSpec =
  | { kind: 'item-int'; value: bigint }
  | { kind: 'item-str'; value: string }
  | { kind: 'item-none' }
  | { kind: 'item-name'; source: Pick };

/**
 * C has a finalizer, E(C) inherits it; D has no finalizer and, when a statement needs them, a class
 * attribute `n` and a method `get`, which F(D) inherits; S has `__slots__ = ('other', 'me')`.
 */
export type ClassName = 'C' | 'D' | 'E' | 'F' | 'S';

export type ContainerSpec =
  | { kind: 'tuple'; items: ItemSpec[] }
  | { kind: 'tuple-of-list'; items: ItemSpec[] }
  | { kind: 'list'; items: ItemSpec[] }
  | { kind: 'dict'; entries: { key: DictKey; item: ItemSpec }[] }
  /** `{1, a}`, or `set()` when empty; items are hashable. */
  | { kind: 'set'; items: ItemSpec[] }
  /** `frozenset([1, a])`, or `frozenset()` when empty. */
  | { kind: 'frozenset'; items: ItemSpec[] };

/** `x[1:]`, `x[:]`, `x[::-1]`, `x[:2]` of a list, tuple or str. */
export type SliceForm = 'tail' | 'copy' | 'reverse' | 'head';

/** Values made from a bound container by a slice, a conversion or a method. */
export type DerivedSpec =
  | { kind: 'slice'; source: Pick; form: SliceForm }
  | { kind: 'convert'; to: 'tuple' | 'list'; source: Pick }
  /** `d.get('k')`, `d.setdefault('k', item)`, `d.pop('k')` (with `item` as default if absent), `d.copy()`. */
  | { kind: 'dict-method'; method: 'get' | 'setdefault' | 'pop' | 'copy'; source: Pick; key: DictKey; item: ItemSpec }
  /** `l.pop()`, `l.copy()`, `l.index(x)` of an item `x` of `l`. */
  | { kind: 'list-method'; method: 'pop' | 'copy' | 'index'; source: Pick; arg: Pick };

/** Values made by calling something: an instance, a user function, `object()`. */
export type CallSpec =
  | { kind: 'instance'; cls: ClassName }
  | { kind: 'object' }
  | { kind: 'call-identity'; source: Pick }
  | { kind: 'call-wrap'; source: Pick }
  | { kind: 'call-default' }
  /** `a.get` of an instance of D or F: a bound method kept in a name. */
  | { kind: 'bound-method'; source: Pick }
  /** `m()` of a bound method, `a.get()` of an instance of D or F: the attribute `n`. */
  | { kind: 'call-method'; source: Pick }
  /** `outer(a)`: a closure over the parameter of the function that made it. */
  | { kind: 'closure'; source: Pick }
  /** `h()` of a closure: the object it closed over. */
  | { kind: 'call-closure'; source: Pick }
  /** `getg()`: a function reading the global `gv` that `setg` bound. */
  | { kind: 'get-global' }
  /** `peek()`: a function reading `a`, a global in module and repl mode, a free variable of `__case__` in function mode. */
  | { kind: 'peek' };

export type ValueSpec = IntSpec | FloatSpec | StrSpec | BytesSpec | ConstSpec | ContainerSpec | CallSpec | DerivedSpec;

export type DictKey = 'k' | 'j';
export type AttrName = 'other' | 'me' | 'items';

/** The comparisons besides identity (SPEC section 3). */
export type OrderOp = '<' | '<=' | '>' | '>=';
export type CompareOp = '==' | '!=' | OrderOp | 'in' | 'not in';

export type ObservationSpec =
  | { kind: 'is'; a: Pick; b: Pick; negate: boolean }
  | { kind: 'id-eq'; a: Pick; b: Pick }
  | { kind: 'fresh-id'; what: 'object' | 'list' | 'instance' }
  | { kind: 'refcount'; a: Pick }
  | { kind: 'delta' }
  | { kind: 'weak-dead'; w: Pick }
  | { kind: 'weak-is'; w: Pick; a: Pick }
  | { kind: 'collect' }
  | { kind: 'is-tracked'; a: Pick }
  | { kind: 'type-name'; a: Pick }
  | { kind: 'log' }
  | { kind: 'eq'; a: Pick; b: Pick }
  | { kind: 'len'; a: Pick }
  | { kind: 'value'; a: Pick }
  | { kind: 'item'; a: Pick }
  | { kind: 'hash'; a: Pick }
  | { kind: 'underscore' }
  | { kind: 'call-refcount'; a: Pick }
  | { kind: 'probe'; a: Pick }
  /** `a != b`, `a < b`, `a in b`, ...; the builder picks names the operator applies to. */
  | { kind: 'compare'; op: CompareOp; a: Pick; b: Pick }
  /** `a < b <= c`, `a == b != c`: a chain of two comparisons. */
  | { kind: 'compare-chain'; ops: [CompareOp, CompareOp]; a: Pick; b: Pick; c: Pick }
  /** `a[:] is a`: which slices return their own object. */
  | { kind: 'slice-is'; a: Pick; form: SliceForm }
  /** `a[::-1]` and the like, observed as a value. */
  | { kind: 'slice-value'; a: Pick; form: SliceForm }
  /** `hash(a)` of a float or a str (`hash` alone observes ints). */
  | { kind: 'hash-of'; what: 'float' | 'str'; a: Pick }
  | { kind: 'repr'; a: Pick }
  | { kind: 'bool'; a: Pick }
  /** `s.startswith('a')`, `s.find('a')`. */
  | { kind: 'str-query'; method: 'startswith' | 'find'; a: Pick }
  /** `l.count(x)`. */
  | { kind: 'count'; a: Pick; b: Pick }
  /** `m()` or `a.get()`: reads the attribute `n` through a bound method. */
  | { kind: 'method-call'; a: Pick }
  /** In repl mode: `_ is a`. */
  | { kind: 'underscore-is'; a: Pick }
  /** In repl mode: `sys.getrefcount(_)`. */
  | { kind: 'underscore-refcount' };

export type CycleShape = 'pair' | 'self' | 'list-self' | 'instance-list';

export type Step =
  | { kind: 'assign'; target: Slot; value: ValueSpec }
  | { kind: 'chain'; targets: [Slot, Slot]; value: ValueSpec }
  | { kind: 'alias'; target: Slot; source: Pick }
  | { kind: 'del'; source: Pick }
  | { kind: 'aug'; source: Pick; op: '+' | '-' | '*' }
  | { kind: 'append'; list: Pick; item: ItemSpec }
  | { kind: 'setitem'; container: Pick; key: DictKey; item: ItemSpec }
  | { kind: 'delitem'; container: Pick }
  | { kind: 'clear'; container: Pick }
  | { kind: 'setattr'; obj: Pick; attr: AttrName; value: Pick }
  | { kind: 'delattr'; obj: Pick }
  | { kind: 'cycle'; shape: CycleShape; a: Pick; b: Pick }
  | { kind: 'weakref'; slot: 0 | 1; target: Pick; callback: boolean }
  /** `r = sys.getrefcount(x)`; with the last pick, then `held = [x, x]` and `sys.getrefcount(x) - r`. */
  | { kind: 'baseline'; source: Pick }
  | { kind: 'observe'; what: ObservationSpec }
  /** `s.add(item)`, `s.discard(item)` on a set. */
  | { kind: 'set-method'; method: 'add' | 'discard'; set: Pick; item: ItemSpec }
  /** `l.insert(0, item)`, `l.extend(name)`, `l.remove(name)`, `l.reverse()`. */
  | { kind: 'list-mutate'; method: 'insert' | 'extend' | 'remove' | 'reverse'; list: Pick; item: ItemSpec; arg: Pick }
  /** `d.update({'k': item})`. */
  | { kind: 'dict-update'; dict: Pick; key: DictKey; item: ItemSpec }
  /** `a.n += 1` on an instance of D or F (the first one reads the class attribute). */
  | { kind: 'aug-attr'; obj: Pick; op: '+' | '-' | '*' }
  /** `d['k'] += 1`, `l[0] *= 2`: on an int, str or list item. */
  | { kind: 'aug-item'; container: Pick; op: '+' | '-' | '*' }
  /** `setg(a)`: a function that declares `global gv` and binds it. */
  | { kind: 'set-global'; source: Pick }
  /** In repl mode: `x = _` (keeps the last echoed value alive under a name). */
  | { kind: 'alias-underscore'; target: Slot }
  /** No statement: what shrinking turns a step into when the failure does not need it. */
  | { kind: 'skip' };

/** How the classes a program may use are written (the builder emits only those used). */
export interface ClassShapes {
  /** `C.__del__` appends the constant `'C'`, or the instance's own tag set by `__init__`. */
  finalizer: 'constant' | 'tag';
}

export interface Plan {
  mode: Mode;
  classes: ClassShapes;
  /**
   * Values bound to `a`, `b`, `c` in turn before the steps, so that the steps find names to use;
   * null leaves its name unbound (what shrinking makes of a value the failure does not need).
   */
  setup: (ValueSpec | null)[];
  steps: Step[];
  /** A statement that raises on purpose after the steps, or null: the program then runs to its end. */
  ending: EndingSpec | null;
}

/**
 * Statements that raise, so that the `!ExcName` observation is exercised: a missing key, an index
 * out of range, an unbound name, a call with the wrong number of arguments, a division by zero,
 * an attribute outside the slots of S.
 */
export type EndingSpec =
  | { kind: 'missing-key'; container: Pick }
  | { kind: 'index-out-of-range'; container: Pick }
  | { kind: 'unbound-name'; slot: Slot }
  | { kind: 'wrong-arity'; callee: 'function' | 'class' | 'method' }
  | { kind: 'zero-division'; source: Pick }
  | { kind: 'slot-violation'; obj: Pick };
