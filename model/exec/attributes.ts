// Attribute access (Objects/object.c PyObject_GenericGetAttr, Objects/typeobject.c).
// - An instance attribute is found first, then the class chain; a function found on the class
//   is bound: a new method object holding the function and the instance (Objects/classobject.c).
// - Instances keep their attributes without a dict object from 3.11 on (values stored in the
//   object, Objects/dictobject.c "managed dict"); `x.__dict__` makes the dict object then. Up to
//   3.10 the first attribute store creates the instance's dict object.
import type { PyObj } from '../objects.ts';
import { classLookup, declaredSlots, hasInstanceDict, typeName, type ClassInfo } from '../objects.ts';
import { atLeast } from '../profile.ts';
import { giveUp, PyException, type Runtime } from '../runtime.ts';
import { builtinFunction, builtinType } from '../singletons.ts';
import { dictInsertTracking, trackedAtCreation } from '../tracking.ts';
import { newStr } from '../strings.ts';
import { MODULE_FUNCTIONS, type ModuleName } from '../../language/ast.ts';
import { internedName } from './interned-names.ts';
import measured from './builtin-attribute-names.json' with { type: 'json' };

/** The instance's __dict__ object, made on first need (it takes over the attribute references). */
export function instanceDict(rt: Runtime, o: PyObj): PyObj {
  const p = o.payload;
  if (p.kind !== 'instance') throw new Error('not an instance');
  if (p.dict) return p.dict;
  rt.fire(atLeast(rt.profile, 3, 11) ? 'instance-dict-lazy' : 'instance-dict-eager');
  // From 3.13 the values stay in the object once the dict exists (Py_TPFLAGS_INLINE_VALUES,
  // Objects/dictobject.c _PyObject_MaterializeManagedDict): the dict shares them, and on 3.13 and
  // 3.14 the collector reaches them only through the object (measured: a cycle through the
  // object is collected, and cleared, while a name still holds the dict). 3.15.0rc1 reaches them
  // through the dict again, as up to 3.12.
  const embedded = atLeast(rt.profile, 3, 13) && !atLeast(rt.profile, 3, 15) && !dictAtFirstStore(rt, p.cls);
  if (embedded) rt.fire('instance-dict-embedded');
  const d = rt.alloc({ kind: 'dict', keys: [], values: [], owner: o, embedded });
  if (trackedAtCreation(rt, d)) rt.track(d);
  const slots = declaredSlots(p.cls);
  for (const [k, v] of p.attrs) {
    // Slot values stay in their slots.
    if (slots.includes(k)) continue;
    const key = rt.incref(internedName(rt, k));
    if (d.payload.kind === 'dict') {
      d.payload.keys.push(key);
      d.payload.values.push(v);
    }
    dictInsertTracking(rt, d, key, v);
  }
  for (const k of [...p.attrs.keys()]) if (!slots.includes(k)) p.attrs.delete(k);
  p.dict = d;
  return d;
}

function dictIndex(d: PyObj, name: string): number {
  if (d.payload.kind !== 'dict') return -1;
  return d.payload.keys.findIndex((k) => k.payload.kind === 'str' && k.payload.value === name);
}

/** The attribute's value if the instance itself has it (a borrowed reference). */
export function ownAttribute(o: PyObj, name: string): PyObj | undefined {
  const p = o.payload;
  if (p.kind !== 'instance') return undefined;
  if (p.dict && p.dict.payload.kind === 'dict' && !p.attrs.has(name)) {
    const i = dictIndex(p.dict, name);
    return i >= 0 ? p.dict.payload.values[i] : undefined;
  }
  return p.attrs.get(name);
}

export function bindMethod(rt: Runtime, func: PyObj, self: PyObj): PyObj {
  rt.fire('bound-method-new');
  const m = rt.alloc({ kind: 'method', func: rt.incref(func), self: rt.incref(self) });
  rt.track(m);
  return m;
}

/**
 * The weak reference type's __name__: 'weakref' (Objects/weakrefobject.c tp_name "weakref") until
 * it became "weakref.ReferenceType" during 3.10 — measured 'weakref' on 3.10.2 and 3.9.18,
 * 'ReferenceType' on 3.10.13; the patch releases in between are declined.
 */
function weakrefTypeName(rt: Runtime): string {
  if (atLeast(rt.profile, 3, 10, 13)) return 'ReferenceType';
  if (!atLeast(rt.profile, 3, 10, 3)) return 'weakref';
  giveUp("the weak reference type's name between 3.10.3 and 3.10.12");
}

export function getAttribute(rt: Runtime, o: PyObj, name: string): PyObj {
  const p = o.payload;
  if (name === '__name__') {
    if (p.kind === 'class') return rt.incref(internedName(rt, p.cls.name));
    if (p.kind === 'function') return rt.incref(internedName(rt, p.def.name));
    // A static type and a builtin function keep their name as C text and make a new str each
    // time (Objects/typeobject.c type_name, Objects/methodobject.c meth_get__name__).
    if (p.kind === 'type') return newStr(rt, p.name === 'ReferenceType' ? weakrefTypeName(rt) : p.name);
    if (p.kind === 'builtin') return newStr(rt, p.name.replace(/^\w+\./, ''));
  }
  switch (p.kind) {
    case 'instance': {
      if (name === '__dict__') {
        if (!hasInstanceDict(p.cls)) break;
        return rt.incref(instanceDict(rt, o));
      }
      const own = ownAttribute(o, name);
      if (own) return rt.incref(own);
      const c = classLookup(p.cls, name);
      if (c) return c.payload.kind === 'function' ? bindMethod(rt, c, o) : rt.incref(c);
      break;
    }
    case 'class': {
      if (name === '__dict__') giveUp('a class __dict__ (a mappingproxy)');
      const c = classLookup(p.cls, name);
      if (c) return rt.incref(c);
      if (name === 'mro') giveUp('type.mro of a class');
      break;
    }
    case 'module': {
      const fns = MODULE_FUNCTIONS[p.name as ModuleName];
      // weakref.ref is the weak reference type itself (Modules/_weakref.c adds _PyWeakref_RefType
      // as "ref"): what type() of a reference returns, and its __name__ is the type's.
      if (p.name === 'weakref' && name === 'ref') return builtinType(rt, 'ReferenceType');
      if (fns && fns.includes(name)) return builtinFunction(rt, `${p.name}.${name}`);
      break;
    }
    case 'type':
      // list.append is a method descriptor (Objects/descrobject.c), which the model does not make.
      if (builtinTypeHas(p.name, name)) giveUp(`${p.name}.${name}, a method of a built-in type looked up on the type`);
      if (surelyMissing(name)) break;
      giveUp(`the attribute ${name} of the type ${p.name} (the model knows only some of its methods)`);
    default:
      if (hasBuiltinMethod(o, name)) return boundBuiltinMethod(rt, o, name);
      if (builtinTypeHas(typeName(o), name)) giveUp(`the method ${name} of ${typeName(o)} objects, which the model does not make`);
      if (surelyMissing(name)) break;
      // A function has a __dict__, and a bound method reads its function's (Objects/classobject.c
      // method_getattro); the other built-in objects have none.
      if (name === '__dict__' && p.kind !== 'function' && p.kind !== 'method') break;
      giveUp(`the attribute ${name} of ${typeName(o)} objects (the model knows only some of their methods)`);
  }
  // An instance or a class has what it and its class chain hold and the dunder names object and
  // type define (the case language reads only __dict__ and __name__, decided above) and type.mro;
  // a built-in object lacks a method name of another type: anything else is missing for sure.
  throw new PyException('AttributeError', `'${typeName(o)}' object has no attribute '${name}'`);
}

/** `x.append` as a value: a builtin method object bound to x (Objects/methodobject.c). */
function boundBuiltinMethod(rt: Runtime, o: PyObj, name: string): PyObj {
  const m = rt.alloc({ kind: 'builtin', name, self: rt.incref(o) });
  rt.track(m);
  return m;
}

const METHODS: Record<string, readonly string[]> = {
  list: ['append', 'pop', 'insert', 'extend', 'clear', 'remove', 'index', 'count', 'copy', 'reverse', 'sort'],
  dict: ['get', 'setdefault', 'update', 'keys', 'values', 'items', 'pop', 'popitem', 'clear', 'copy'],
  set: ['add', 'discard', 'remove', 'pop', 'clear', 'update', 'union', 'intersection', 'difference', 'copy'],
  frozenset: ['union', 'intersection', 'difference', 'copy'],
  str: ['join', 'upper', 'lower', 'strip', 'lstrip', 'rstrip', 'replace', 'format', 'split', 'startswith',
    'endswith', 'find', 'count', 'encode', 'title', 'capitalize', 'zfill', 'index'],
  bytes: ['decode', 'upper', 'lower', 'strip', 'replace', 'join', 'split', 'startswith', 'endswith', 'find', 'count', 'index'],
  int: ['bit_length'],
  bool: ['bit_length'],
  tuple: ['index', 'count'],
};

/**
 * Methods the built-in types have on some version 3.8-3.15 among the names of METHODS, beyond
 * those the model makes (measured with dir() on each interpreter): a type lacks every other name
 * of METHOD_NAMES on every version, so reading one is an AttributeError for sure.
 */
const UNMODELED_METHODS: Record<string, readonly string[]> = {
  bytes: ['capitalize', 'lstrip', 'rstrip', 'title', 'zfill'],
};

/** Every method name the model makes for some built-in type. */
export const METHOD_NAMES: ReadonlySet<string> = new Set(Object.values(METHODS).flat());

/** Every attribute name, not a dunder, of some built-in object on some version (measured). */
const BUILTIN_ATTRIBUTE_NAMES: ReadonlySet<string> = new Set(measured.names);

/**
 * Whether a built-in object (or type), reading `name` that it does not have among the methods
 * the model makes, lacks it on every version: a method name of another type (the model knows
 * which of those names each type has), or a name no built-in object has at all.
 */
function surelyMissing(name: string): boolean {
  return METHOD_NAMES.has(name) || (!BUILTIN_ATTRIBUTE_NAMES.has(name) && !/^__.*__$/.test(name));
}

export function hasBuiltinMethod(o: PyObj, name: string): boolean {
  return (METHODS[typeName(o)] ?? []).includes(name);
}

/** Whether the built-in type of that name has a method of that name, made by the model or not. */
export function builtinTypeHas(type: string, name: string): boolean {
  return (METHODS[type] ?? []).includes(name) || (UNMODELED_METHODS[type] ?? []).includes(name);
}

/** Sets an attribute; `value` is borrowed (the object takes a reference of its own). */
/**
 * Whether an instance's first attribute store makes its __dict__ object: always up to 3.10; on
 * 3.13 also for a subclass of a class with __slots__, whose instances get no inline values there
 * (measured on 3.13.0 and 3.13.2: a cycle through such an instance counts its dict; 3.11, 3.12,
 * 3.14 and 3.15 keep the values in the object).
 */
function dictAtFirstStore(rt: Runtime, cls: ClassInfo): boolean {
  if (!atLeast(rt.profile, 3, 11)) return true;
  const is313 = atLeast(rt.profile, 3, 13) && !atLeast(rt.profile, 3, 14);
  return is313 && declaredSlots(cls).length > 0;
}

export function setAttribute(rt: Runtime, o: PyObj, name: string, value: PyObj): void {
  const p = o.payload;
  if (p.kind === 'instance') {
    // A slot of the class or a base holds its value itself; only other names go to the __dict__.
    const inSlot = declaredSlots(p.cls).includes(name);
    const withDict = hasInstanceDict(p.cls);
    if (!withDict && !inSlot) throw new PyException('AttributeError', `'${p.cls.name}' object has no attribute '${name}'`);
    if (withDict && !inSlot && !p.dict && dictAtFirstStore(rt, p.cls)) instanceDict(rt, o);
    if (p.dict && p.dict.payload.kind === 'dict' && !inSlot) {
      const d = p.dict.payload;
      const i = dictIndex(p.dict, name);
      rt.incref(value);
      if (i >= 0) {
        const old = d.values[i];
        d.values[i] = value;
        // insertdict starts with MAINTAIN_TRACKING for a replacement too: a trackable new value
        // tracks the dict (it never untracks it).
        if (!d.embedded) dictInsertTracking(rt, p.dict, d.keys[i], value);
        rt.decref(old);
      } else {
        const key = rt.incref(internedName(rt, name));
        d.keys.push(key);
        d.values.push(value);
        // A store through the object writes the shared inline values: the dict's tracking is
        // left alone (3.13: measured; from 3.14 every dict is tracked anyway).
        if (!d.embedded) dictInsertTracking(rt, p.dict, key, value);
      }
      return;
    }
    const old = p.attrs.get(name);
    p.attrs.set(name, rt.incref(value));
    if (old) rt.decref(old);
    return;
  }
  if (p.kind === 'class') {
    p.cls.modified = true;
    const old = p.cls.attrs.get(name);
    p.cls.attrs.set(name, rt.incref(value));
    if (old) rt.decref(old);
    return;
  }
  if (p.kind === 'function') giveUp('attributes of functions');
  immutableType(rt, o, name);
  throw new PyException('AttributeError', `'${typeName(o)}' object has no attribute '${name}'`);
}

/**
 * Objects/typeobject.c type_setattro: a built-in type's attributes can be neither set nor deleted
 * ("cannot set 'q' attribute of immutable type 'int'"): a TypeError, on every version (measured
 * on 3.8-3.15, for a name it has and one it has not).
 */
function immutableType(rt: Runtime, o: PyObj, name: string): void {
  if (o.payload.kind !== 'type') return;
  rt.fire('immutable-builtin-type');
  throw new PyException('TypeError', `cannot set '${name}' attribute of immutable type '${o.payload.name}'`);
}

export function deleteAttribute(rt: Runtime, o: PyObj, name: string): void {
  const p = o.payload;
  if (p.kind === 'instance') {
    // A slot's value is deleted from the slot, even when the instance has a __dict__ too.
    if (p.dict && p.dict.payload.kind === 'dict' && !p.attrs.has(name)) {
      const i = dictIndex(p.dict, name);
      if (i < 0) throw new PyException('AttributeError', name);
      const [k] = p.dict.payload.keys.splice(i, 1);
      const [v] = p.dict.payload.values.splice(i, 1);
      rt.decref(k);
      rt.decref(v);
      return;
    }
    const old = p.attrs.get(name);
    if (!old) throw new PyException('AttributeError', name);
    p.attrs.delete(name);
    rt.decref(old);
    return;
  }
  if (p.kind === 'class') {
    p.cls.modified = true;
    const old = p.cls.attrs.get(name);
    if (!old) throw new PyException('AttributeError', name);
    p.cls.attrs.delete(name);
    rt.decref(old);
    return;
  }
  immutableType(rt, o, name);
  throw new PyException('AttributeError', `'${typeName(o)}' object has no attribute '${name}'`);
}
