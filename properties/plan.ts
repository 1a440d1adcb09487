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
  | { kind: 'str-intern'; parts: string[] };

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

export type ClassName = 'C' | 'D' | 'E';

export type ContainerSpec =
  | { kind: 'tuple'; items: ItemSpec[] }
  | { kind: 'tuple-of-list'; items: ItemSpec[] }
  | { kind: 'list'; items: ItemSpec[] }
  | { kind: 'dict'; entries: { key: DictKey; item: ItemSpec }[] };

/** Values made by calling something: an instance, a user function, `object()`. */
export type CallSpec =
  | { kind: 'instance'; cls: ClassName }
  | { kind: 'object' }
  | { kind: 'call-identity'; source: Pick }
  | { kind: 'call-wrap'; source: Pick }
  | { kind: 'call-default' };

export type ValueSpec = IntSpec | FloatSpec | StrSpec | BytesSpec | ConstSpec | ContainerSpec | CallSpec;

export type DictKey = 'k' | 'j';
export type AttrName = 'other' | 'me' | 'items';

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
  | { kind: 'probe'; a: Pick };

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
  | { kind: 'baseline'; source: Pick }
  | { kind: 'observe'; what: ObservationSpec }
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
}
