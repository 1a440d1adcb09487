// The builder's symbolic environment: which names are bound, to which objects, of what kind.
// It is no model of CPython (nothing is ever freed here); it only knows enough for each generated
// statement to make sense where it stands: no NameError, no TypeError, no IndexError, and no
// observation of a repr that carries an address.
import type { AttrName, ClassName, DictKey } from './extendedPlan.ts';

export const NAME_POOL = ['a', 'b', 'c', 'x', 'y', 'z'] as const;
export const WEAKREF_NAMES = ['w', 'v'] as const;
export const BASELINE_NAME = 'r';
/** The names of a function made by a `def-call` step: its parameters `p`, `q`, `d`, then its locals. */
export const LOCAL_POOL = ['p', 'q', 'd', 's', 't'] as const;
/** `i = id(a)`: an address, never observed as a value. */
export const KEPT_ID_NAME = 'i';

export type ObjKind =
  | 'int' | 'float' | 'str' | 'bytes' | 'bool' | 'none' | 'ellipsis'
  | 'tuple' | 'list' | 'dict' | 'set' | 'frozenset' | 'instance' | 'object' | 'weakref'
  /** A closure made by `outer`, holding the object it closed over in `items`. */
  | 'function'
  /** A bound method `a.get`, holding its instance in `items`. */
  | 'method'
  /** A class (`x = D`, `x = type(a)`). */
  | 'class'
  /** `d.keys()`, `d.values()`, `d.items()`: a view holding its dict in `items`. */
  | 'view';

export interface SymObject {
  readonly id: number;
  readonly kind: ObjKind;
  readonly cls?: ClassName;
  /** Known length of a str, bytes, tuple, list or dict; undefined when unknown. */
  len?: number;
  /** The value of an int, when the builder knows it (a literal, a folded constant, `int('257')`). */
  value?: bigint;
  /** The text of a str (or bytes, one character per byte), when the builder knows it. */
  text?: string;
  /** Of `a.__dict__`: the instance whose attributes it holds (its `fields` are the instance's own map). */
  owner?: number;
  /** Of an instance: its `__dict__` once a statement has used it. */
  dict?: number;
  /** Items of a tuple or list, in order; of a set, in no known order (and maybe with equal ones). */
  items: number[];
  /** Values of a dict by key, attributes of an instance by name (`n` once set on the instance). */
  fields: Map<DictKey | AttrName | 'tag' | 'n', number>;
}

/** What the prelude must provide because some statement uses it. */
export type Requirement =
  | 'sys' | 'gc' | 'weakref' | 'log'
  | 'C' | 'D' | 'E' | 'F' | 'S'
  /** D's class attributes `n`, `label`, `pair` and its method `get` (which returns `self.n`). */
  | 'D.n' | 'D.label' | 'D.pair' | 'D.get'
  | 'f' | 'g' | 'k' | 'mk' | 'probe' | 'cb'
  | 'setg' | 'getg' | 'outer' | 'peek'
  /** The extensions' classes, `keep` (what R's finalizer stores), D's method `put`, a callback per weak reference. */
  | 'R' | 'T' | 'G' | 'U' | 'V' | 'keep' | 'D.put' | 'cbw' | 'cbv'
  /** Class M and `make(p)`, which returns `M(p)`. */
  | 'M' | 'make';

/** The global that `setg` binds and `getg` reads; never bound by an assignment of the program's own. */
export const GLOBAL_NAME = 'gv';

const CONTAINERS: ReadonlySet<ObjKind> = new Set(['tuple', 'list', 'dict', 'set', 'frozenset']);
const SCALARS: ReadonlySet<ObjKind> = new Set(['int', 'float', 'str', 'bytes', 'bool', 'none', 'ellipsis']);

export class Heap {
  private readonly objects: SymObject[] = [];
  private bindings = new Map<string, number>();
  /** The names a slot or a pick refers to: the program's, or a function body's own. */
  pool: readonly string[] = NAME_POOL;
  /** True while the steps of a function body are built: they echo nothing at the prompt. */
  inFunction = false;
  readonly uses = new Set<Requirement>();
  private readonly singletons = new Map<string, number>();
  /** The name whose count `r = sys.getrefcount(name)` recorded, while `r` is bound. */
  baselineOf: string | null = null;
  /** In repl mode: the object the prompt echoed last (what `_` refers to); null before any echo. */
  underscore: number | null = null;

  /** `taggedInstances`: `C(tag)` stores a tag its finalizer logs (the plan's class shape). */
  constructor(readonly taggedInstances = false) {}

  create(kind: ObjKind, init: Partial<Omit<SymObject, 'id' | 'kind'>> = {}): SymObject {
    const obj: SymObject = { id: this.objects.length, kind, items: [], fields: new Map(), ...init };
    this.objects.push(obj);
    return obj;
  }

  get(id: number): SymObject {
    const obj = this.objects[id];
    if (obj === undefined) throw new Error(`no symbolic object ${id}`);
    return obj;
  }

  bind(name: string, id: number): void {
    this.bindings.set(name, id);
  }

  unbind(name: string): void {
    this.bindings.delete(name);
    if (name === BASELINE_NAME || name === this.baselineOf) this.baselineOf = null;
  }

  isBound(name: string): boolean {
    return this.bindings.has(name);
  }

  objectOf(name: string): SymObject {
    const id = this.bindings.get(name);
    if (id === undefined) throw new Error(`'${name}' is not bound`);
    return this.get(id);
  }

  /** Bound names among `pool` whose object satisfies `fits`, in pool order. */
  eligible(fits: (obj: SymObject) => boolean, pool: readonly string[] = this.pool): string[] {
    return pool.filter((n) => this.bindings.has(n) && fits(this.objectOf(n)));
  }

  /** The name a slot of the current pool stands for. */
  slot(slot: number): string {
    return this.pool[slot % this.pool.length]!;
  }

  /**
   * Enters a function body: only its parameters are bound, to the objects given. What the body
   * binds is its own; `leave` brings back the names of the enclosing scope (and keeps the global
   * that `setg` may have bound meanwhile).
   */
  enter(params: readonly (readonly [string, number])[]): Scope {
    const saved: Scope = { bindings: this.bindings, baselineOf: this.baselineOf, pool: this.pool, inFunction: this.inFunction };
    this.bindings = new Map(params);
    this.baselineOf = null;
    this.pool = LOCAL_POOL;
    this.inFunction = true;
    return saved;
  }

  leave(saved: Scope): void {
    const global = this.bindings.get(GLOBAL_NAME);
    this.bindings = saved.bindings;
    if (global !== undefined) this.bindings.set(GLOBAL_NAME, global);
    this.baselineOf = saved.baselineOf;
    this.pool = saved.pool;
    this.inFunction = saved.inFunction;
  }

  /**
   * True when something other than `name` can reach its object: another name of this scope, what
   * one reaches, or `_`. A preference only (in a function body the caller's names are not seen;
   * weak references count as holding).
   */
  heldElsewhere(name: string): boolean {
    const target = this.bindings.get(name);
    const seen = new Set<number>();
    const stack = [...this.bindings].filter(([n]) => n !== name).map(([, id]) => id);
    if (this.underscore !== null) stack.push(this.underscore);
    while (stack.length > 0) {
      const id = stack.pop()!;
      if (id === target) return true;
      if (seen.has(id)) continue;
      seen.add(id);
      stack.push(...this.children(this.get(id)));
    }
    return false;
  }

  /** Resolves a pick against the eligible names; null when none fits (the step is skipped). */
  choose(pick: number, fits: (obj: SymObject) => boolean, pool: readonly string[] = this.pool): string | null {
    const names = this.eligible(fits, pool);
    return names.length === 0 ? null : names[pick % names.length]!;
  }

  /** The one object a name of the prelude stands for (`g`, `D`, `type(a)`), made once. */
  singleton(key: string, make: () => SymObject): SymObject {
    const known = this.singletons.get(key);
    if (known !== undefined) return this.get(known);
    const obj = make();
    this.singletons.set(key, obj.id);
    return obj;
  }

  /** `a.__dict__`: one dict per instance, holding the instance's own attributes. */
  dictOf(instance: SymObject): SymObject {
    if (instance.dict !== undefined) return this.get(instance.dict);
    const d = this.create('dict', { fields: instance.fields, owner: instance.id });
    instance.dict = d.id;
    return d;
  }

  /** Records what the prompt echoed: `_` now refers to it. */
  echo(obj: SymObject): void {
    this.underscore = obj.id;
  }

  /** A str, with its text (and so its length) when known. */
  str(text?: string, len?: number): SymObject {
    return this.create('str', { text, len: text === undefined ? len : [...text].length });
  }

  children(obj: SymObject): number[] {
    return [...obj.items, ...obj.fields.values()];
  }

  /** True when `repr(obj)` carries no address (no instance, object or weakref anywhere inside). */
  printable(obj: SymObject, seen = new Set<number>()): boolean {
    if (seen.has(obj.id)) return true;
    seen.add(obj.id);
    if (SCALARS.has(obj.kind)) return true;
    // `dict_items([('k', 1)])`: a view prints what its dict holds.
    if (!CONTAINERS.has(obj.kind) && obj.kind !== 'view') return false;
    return this.children(obj).every((c) => this.printable(this.get(c), seen));
  }

  /** True when a container can reach itself through containers: `==` on it may recurse without end. */
  cyclic(obj: SymObject): boolean {
    const onPath = new Set<number>();
    const done = new Set<number>();
    const visit = (o: SymObject): boolean => {
      if (onPath.has(o.id)) return true;
      if (done.has(o.id)) return false;
      onPath.add(o.id);
      // Instances compare by identity, so only containers reached through containers recurse.
      const inside = CONTAINERS.has(o.kind) ? this.children(o) : [];
      const found = inside.some((c) => visit(this.get(c)));
      onPath.delete(o.id);
      done.add(o.id);
      return found;
    };
    return visit(obj);
  }
}

/** What `enter` saves of the enclosing scope. */
export interface Scope {
  bindings: Map<string, number>;
  baselineOf: string | null;
  pool: readonly string[];
  inFunction: boolean;
}

export const isKind = (...kinds: ObjKind[]) => (obj: SymObject): boolean => kinds.includes(obj.kind);
export const anyObject = (): boolean => true;

const SHARED_KINDS: ReadonlySet<ObjKind> = new Set(['none', 'bool', 'ellipsis', 'class']);
const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * True when the object is surely the program's own: no other part of the interpreter can hold it.
 * The absolute count of a shared object (a cached small int, an interned str, None, a class) counts
 * every reference the whole interpreter holds: no rule can know it before 3.12 (SPEC section 2), and
 * from 3.12 it is mostly the one constant of an immortal object. Unknown values count as shared.
 */
/**
 * Of a shared object: whether the model can still predict the difference of two of its counts
 * (model/count-deltas.ts: ints, strs that are no identifier, bytes, the empty tuple).
 */
export function countDeltaKnown(obj: SymObject): boolean {
  if (obj.kind === 'str') return obj.text !== undefined && !IDENTIFIER.test(obj.text);
  if (obj.kind === 'int') return obj.value !== undefined && obj.value >= 100n;
  return obj.kind === 'bytes' || (obj.kind === 'tuple' && obj.len === 0);
}

export function surelyOwn(obj: SymObject): boolean {
  if (SHARED_KINDS.has(obj.kind)) return false;
  // Objects/longobject.c: -5..256 are cached (-5..1024 from 3.15).
  if (obj.kind === 'int') return obj.value !== undefined && (obj.value < -5n || obj.value > 1024n);
  // Constants that look like identifiers are interned; strs and bytes of one character or none are shared.
  if (obj.kind === 'str') return obj.text !== undefined && obj.len !== undefined && obj.len > 1 && !IDENTIFIER.test(obj.text);
  if (obj.kind === 'bytes') return obj.len !== undefined && obj.len > 1;
  if (obj.kind === 'tuple' || obj.kind === 'frozenset') return obj.len !== undefined && obj.len > 0;
  return true;
}
