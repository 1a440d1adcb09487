// Objects CPython shares across the whole interpreter, whoever asks for them. Their absolute
// counts depend on everything else the interpreter holds, so the model marks them inexact (and
// immortal on 3.12+, PEP 683 — Include/object.h _Py_IMMORTAL_REFCNT).
// - None, True, False, Ellipsis: Objects/object.c, Objects/boolobject.c, Objects/sliceobject.c
// - the empty tuple: Objects/tupleobject.c (a static singleton since 3.11; a free-list singleton before)
// - the empty str and the 256 one-character latin-1 strs: Objects/unicodeobject.c (get_latin1_char)
// - the empty bytes and the 256 one-byte bytes: Objects/bytesobject.c (characters[])
// - built-in types, functions and modules (built-in functions never immortal)
import type { BuiltinTypeName, Payload, PyObj } from './objects.ts';
import type { Runtime } from './runtime.ts';

function shared(rt: Runtime, key: string, make: () => Payload, immortalFrom312 = true): PyObj {
  if (!/^(type|builtin|module):/.test(key)) rt.fire(key === 'frozenset()' ? 'empty-frozenset-singleton' : 'singletons');
  let o = rt.shared.get(key);
  if (!o) {
    o = rt.allocShared(make(), immortalFrom312);
    rt.shared.set(key, o);
  }
  return rt.incref(o);
}

export const none = (rt: Runtime): PyObj => shared(rt, 'None', () => ({ kind: 'none' }));
export const ellipsis = (rt: Runtime): PyObj => shared(rt, 'Ellipsis', () => ({ kind: 'ellipsis' }));
export const bool = (rt: Runtime, v: boolean): PyObj =>
  shared(rt, v ? 'True' : 'False', () => ({ kind: 'bool', value: v }));
export const emptyTuple = (rt: Runtime): PyObj => shared(rt, '()', () => ({ kind: 'tuple', items: [] }));
export const emptyBytes = (rt: Runtime): PyObj => shared(rt, "b''", () => ({ kind: 'bytes', value: '' }));

/** '' and one-character latin-1 strings (code point < 256). */
export function sharedStr(rt: Runtime, value: string): PyObj | null {
  if (value.length > 1 || (value.length === 1 && value.charCodeAt(0) >= 256)) return null;
  return shared(rt, `str:${value}`, () => ({ kind: 'str', value, interned: value.length === 0 }));
}

export function sharedByte(rt: Runtime, value: string): PyObj | null {
  if (value.length === 0) return emptyBytes(rt);
  if (value.length !== 1) return null;
  return shared(rt, `bytes:${value}`, () => ({ kind: 'bytes', value }));
}

/** 3.8 and 3.9 only: frozenset() is one shared object. */
export function sharedEmptyFrozenset(rt: Runtime): PyObj {
  const o = shared(rt, 'frozenset()', () => ({ kind: 'set', items: [], frozen: true, table: null }));
  // A set like any other: made by make_new_set, tracked since the interpreter started.
  if (!o.tracked) {
    o.tracked = true;
    rt.generations[2].push(o);
  }
  return o;
}

export const builtinType = (rt: Runtime, name: BuiltinTypeName): PyObj =>
  shared(rt, `type:${name}`, () => ({ kind: 'type', name }));

/**
 * A built-in function is a method object of its module (Objects/methodobject.c PyCFunction_NewEx,
 * made when the builtins module is created): a heap object, never immortal, though its count is
 * the interpreter's (measured: sys.getrefcount(len) moves with the program's references on
 * 3.8-3.15).
 */
export const builtinFunction = (rt: Runtime, name: string): PyObj =>
  shared(rt, `builtin:${name}`, () => ({ kind: 'builtin', name, self: null }), false);

export const moduleObject = (rt: Runtime, name: string): PyObj =>
  shared(rt, `module:${name}`, () => ({ kind: 'module', name }));
