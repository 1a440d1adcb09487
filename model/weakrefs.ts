// Weak references (Objects/weakrefobject.c).
// - weakref.ref(x) without a callback returns the existing plain reference to x if there is one
//   (get_basic_refs); a reference with a callback is always new.
// - The list of references of an object keeps the plain reference first and inserts a new
//   reference with a callback right after it (insert_after), so callbacks run newest first.
// - When the object dies, every reference is cleared first, then the callbacks of the references
//   still alive run, each with its reference as argument (PyObject_ClearWeakRefs); an exception
//   in a callback is reported as unraisable and ignored.
import type { PyObj } from './objects.ts';
import { PyException, type Runtime } from './runtime.ts';
import { none } from './singletons.ts';
import { typeName } from './objects.ts';

export function isWeakrefable(o: PyObj): boolean {
  const p = o.payload;
  switch (p.kind) {
    case 'instance':
      return p.cls.slots === null || p.cls.slots.includes('__weakref__') || p.cls.base !== null;
    case 'function': case 'class': case 'set': case 'method': case 'type': case 'module':
      return true;
    default:
      return false;
  }
}

/** weakref.ref(referent, callback): a new reference to the weak reference object. */
export function newWeakref(rt: Runtime, referent: PyObj, callback: PyObj | null): PyObj {
  if (!isWeakrefable(referent)) {
    throw new PyException('TypeError', `cannot create weak reference to '${typeName(referent)}' object`);
  }
  const list = referent.weakrefs;
  const basic = list.find((w) => w.payload.kind === 'weakref' && w.payload.callback === null);
  if (!callback && basic) {
    rt.fire('weakref-shared-plain');
    return rt.incref(basic);
  }
  const w = rt.alloc({ kind: 'weakref', referent, callback: callback ? rt.incref(callback) : null });
  rt.track(w);
  if (!callback) list.unshift(w);
  else if (basic) list.splice(list.indexOf(basic) + 1, 0, w);
  else list.unshift(w);
  return w;
}

/** `w()`: the referent, or None once it died. */
export function derefWeakref(rt: Runtime, w: PyObj): PyObj {
  if (w.payload.kind !== 'weakref') throw new Error('not a weakref');
  return w.payload.referent ? rt.incref(w.payload.referent) : none(rt);
}

/** Clears the references to `o` and returns the callbacks to run, in order. */
export function clearWeakrefs(o: PyObj): { ref: PyObj; callback: PyObj }[] {
  const calls: { ref: PyObj; callback: PyObj }[] = [];
  for (const w of o.weakrefs.splice(0)) {
    if (w.payload.kind !== 'weakref') continue;
    w.payload.referent = null;
    const cb = w.payload.callback;
    w.payload.callback = null;
    if (cb) calls.push({ ref: w, callback: cb });
  }
  return calls;
}

/** Runs the callbacks returned by clearWeakrefs, then drops the references they held. */
export function runWeakrefCallbacks(rt: Runtime, calls: { ref: PyObj; callback: PyObj }[]): void {
  if (calls.length > 0) rt.fire('weakref-callback-order');
  for (const { ref, callback } of calls) {
    if (ref.rc > 0 && ref.alive) rt.callFromCIgnoringErrors(callback, [ref]);
  }
  for (const { callback } of calls) rt.decref(callback);
}
