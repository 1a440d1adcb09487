// The model's objects: what CPython keeps in a PyObject that matters for what a program can
// observe — identity, type, reference count, what it refers to, and GC tracking.
import type { FunctionDef } from '../language/ast.ts';
import type { CodeUnit } from './compile/code-unit.ts';
import type { ReuseRule } from './memory-reuse.ts';
import type { SetTable } from './set-table.ts';

/** The built-in types the model knows by name (type(x).__name__ is this name). */
export type BuiltinTypeName =
  | 'int' | 'float' | 'str' | 'bytes' | 'bool' | 'NoneType' | 'ellipsis' | 'tuple' | 'list' | 'dict'
  | 'set' | 'frozenset' | 'function' | 'type' | 'ReferenceType' | 'method' | 'builtin_function_or_method'
  | 'module' | 'object' | 'cell' | 'getset_descriptor' | 'mappingproxy' | 'dict_keys' | 'dict_values' | 'dict_items';

export type Payload =
  /** `unknown` marks an int whose value depends on the whole interpreter (an address, a str hash). */
  /**
   * `parsedDigits`: made by int() from a str of that many decimal digits, in one block whose size
   * follows from the digits (Objects/longobject.c estimates size_z from them before normalizing).
   */
  | { kind: 'int'; value: bigint; unknown?: boolean; idOf?: PyObj; reuse?: ReuseRule; heap?: readonly PyObj[]; compileMarks?: readonly number[]; parsedDigits?: number;
      /** A count of a shared object (count-deltas.ts): the part the model knows of. */
      countOf?: { obj: PyObj; known: bigint } }
  | { kind: 'float'; value: number }
  | { kind: 'str'; value: string; interned: boolean }
  | { kind: 'bytes'; value: string }
  | { kind: 'bool'; value: boolean; unknown?: boolean }
  | { kind: 'none' }
  | { kind: 'ellipsis' }
  /** `freedSize`: its length when it was freed (its items are gone then; the free lists go by size). */
  | { kind: 'tuple'; items: PyObj[]; freedSize?: number }
  | { kind: 'list'; items: PyObj[] }
  /**
   * `embedded` (3.13+): an instance's __dict__ that shares the instance's inline values — the
   * collector visits those values through the instance, not the dict.
   */
  | { kind: 'dict'; keys: PyObj[]; values: PyObj[]; owner?: PyObj; embedded?: boolean }
  /** `items` in insertion order; `table` gives the iteration order while every hash is known. */
  | { kind: 'set'; items: PyObj[]; frozen: boolean; table: SetTable | null }
  /**
   * `closureTuple` is __closure__, the tuple of cells MAKE_FUNCTION received (it holds the cells);
   * `closure` finds each of its cells by name.
   */
  | { kind: 'function'; def: FunctionDef; code: CodeUnit; qualname: string; qualnameStr: PyObj | null; doc: PyObj | null; defaults: PyObj | null; closure: Map<string, PyObj>; closureTuple: PyObj | null; globals: 'module' }
  | { kind: 'class'; cls: ClassInfo }
  | { kind: 'instance'; cls: ClassInfo; attrs: Map<string, PyObj>; dict: PyObj | null }
  | { kind: 'object' }
  | { kind: 'method'; func: PyObj; self: PyObj }
  | { kind: 'builtin'; name: string; self: PyObj | null }
  | { kind: 'weakref'; referent: PyObj | null; callback: PyObj | null }
  | { kind: 'module'; name: string }
  | { kind: 'type'; name: BuiltinTypeName }
  | { kind: 'cell'; content: PyObj | null }
  /** `d.keys()`, `d.values()`, `d.items()`: a view holding a reference to its dict. */
  | { kind: 'view'; of: 'keys' | 'values' | 'items'; dict: PyObj };

export interface ClassInfo {
  name: string;
  /** `C`, `f.<locals>.C` for a class made inside a function f, `D.C` inside a class D (compiler_set_qualname). */
  qualname: string;
  base: ClassInfo | null;
  /** The class object itself (its attributes live in `attrs`). */
  obj: PyObj;
  attrs: Map<string, PyObj>;
  /** `__slots__` names, or null for a class whose instances have a `__dict__`. */
  slots: string[] | null;
  /** Set once the class's own attributes changed after creation (its type version moved on). */
  modified: boolean;
}

let nextSerial = 1;

export interface PyObj {
  /** A small stable id, in allocation order within one prediction. */
  readonly serial: number;
  readonly payload: Payload;
  /** References the model can account for. */
  rc: number;
  /**
   * False when the interpreter itself holds references the model cannot count (shared
   * singletons, interned strings, built-in types): the absolute count is then unknown.
   */
  rcExact: boolean;
  /** Immortal (3.12+): its count never changes and it is never freed. */
  immortal: boolean;
  /** Tracked by the cyclic collector (what gc.is_tracked reports). */
  tracked: boolean;
  alive: boolean;
  /** __del__ already ran (PEP 442: a finalizer runs at most once per object). */
  finalized: boolean;
  /** Weak references to this object, in CPython's list order (see weakrefs.ts). */
  weakrefs: PyObj[];
  /** Logical times of allocation and freeing (objects.ts tick), to tell overlapping lifetimes. */
  allocatedAt: number;
  freedAt: number;
  /**
   * Set when CPython may have handed out another object than the one the model follows (sys.intern
   * of a string the interpreter may already hold; a str concatenation CPython may do in place):
   * identity observations involving it are declined.
   */
  identityUnknown?: boolean;
  /** An object whose block CPython may have resized into this one (an in-place str concatenation). */
  mayHaveAddressOf?: PyObj;
  /**
   * Another object of the model that may be this very object in CPython (a one-character constant
   * that may be the latin-1 singleton or a deep-frozen copy): identity with it is declined, with
   * any other object known.
   */
  mayBe?: PyObj;
}

let clock = 0;
/** A logical clock: allocation and free events, to decide whether two lifetimes overlapped. */
export function tick(): number {
  return ++clock;
}

export function resetSerials(): void {
  nextSerial = 1;
  clock = 0;
}

export function makeObj(payload: Payload): PyObj {
  return {
    serial: nextSerial++,
    payload,
    rc: 0,
    rcExact: true,
    immortal: false,
    tracked: false,
    alive: true,
    finalized: false,
    weakrefs: [],
    allocatedAt: tick(),
    freedAt: 0,
  };
}

export function typeName(o: PyObj): string {
  const p = o.payload;
  switch (p.kind) {
    case 'int': return 'int';
    case 'float': return 'float';
    case 'str': return 'str';
    case 'bytes': return 'bytes';
    case 'bool': return 'bool';
    case 'none': return 'NoneType';
    case 'ellipsis': return 'ellipsis';
    case 'tuple': return 'tuple';
    case 'list': return 'list';
    case 'dict': return 'dict';
    case 'set': return p.frozen ? 'frozenset' : 'set';
    case 'function': return 'function';
    case 'class': return 'type';
    case 'instance': return p.cls.name;
    case 'object': return 'object';
    case 'method': return 'method';
    case 'builtin': return 'builtin_function_or_method';
    case 'weakref': return 'ReferenceType';
    case 'module': return 'module';
    case 'type': return 'type';
    case 'cell': return 'cell';
    case 'view': return `dict_${p.of}`;
  }
}

/** Whether `cls` is `target` or inherits from it. */
export function isSubclass(cls: ClassInfo, target: ClassInfo): boolean {
  for (let c: ClassInfo | null = cls; c; c = c.base) if (c === target) return true;
  return false;
}

/** Looks an attribute up along the class chain (the MRO of single inheritance). */
export function classLookup(cls: ClassInfo, name: string): PyObj | undefined {
  for (let c: ClassInfo | null = cls; c; c = c.base) {
    const v = c.attrs.get(name);
    if (v) return v;
  }
  return undefined;
}

/** The slots of a class and its bases (CPython sorts `__slots__` names: Objects/typeobject.c type_new). */
/**
 * Every slot a class and its bases declare, even when some class of the chain has a __dict__ too
 * (class U(S): pass with S slotted keeps S's slots as descriptors, Objects/typeobject.c).
 */
export function declaredSlots(cls: ClassInfo): string[] {
  const out: string[] = [];
  for (let c: ClassInfo | null = cls; c; c = c.base) if (c.slots !== null) out.push(...c.slots);
  return out;
}

/**
 * Whether the instances of a class have a __dict__: when some class of the chain has no
 * __slots__, or names '__dict__' in them (Objects/typeobject.c type_new: a class adds a dict
 * unless its base has one or its __slots__ leave it out, so a slotted subclass of a slotted
 * class has none).
 */
export function hasInstanceDict(cls: ClassInfo): boolean {
  for (let c: ClassInfo | null = cls; c; c = c.base) if (c.slots === null || c.slots.includes('__dict__')) return true;
  return false;
}

/** Whether the instances can be weakly referenced: the same rule, for '__weakref__' (type_new). */
export function isWeaklyReferenceable(cls: ClassInfo): boolean {
  for (let c: ClassInfo | null = cls; c; c = c.base) if (c.slots === null || c.slots.includes('__weakref__')) return true;
  return false;
}

export function allSlots(cls: ClassInfo): string[] | null {
  const out: string[] = [];
  let any = false;
  for (let c: ClassInfo | null = cls; c; c = c.base) {
    if (c.slots === null) return null;
    any = true;
    out.push(...c.slots);
  }
  return any ? out : null;
}

/** Whether two objects of the model may be one object in CPython (see PyObj.mayBe). */
export function mayBeSame(a: PyObj, b: PyObj): boolean {
  return a !== b && (a.mayBe === b || b.mayBe === a);
}
