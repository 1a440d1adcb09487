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
import { isWeaklyReferenceable, typeName } from './objects.ts';

export function isWeakrefable(o: PyObj): boolean {
  const p = o.payload;
  switch (p.kind) {
    case 'instance':
      return isWeaklyReferenceable(p.cls);
    case 'function': case 'class': case 'set': case 'method': case 'type': case 'module':
      return true;
    default:
      return false;
  }
}

function isBasic(w: PyObj): boolean {
  return w.payload.kind === 'weakref' && w.payload.callback === null;
}

/** weakref.ref(referent, callback): a new reference to the weak reference object. */
export function newWeakref(rt: Runtime, referent: PyObj, callback: PyObj | null): PyObj {
  if (!isWeakrefable(referent)) {
    throw new PyException('TypeError', `cannot create weak reference to '${typeName(referent)}' object`);
  }
  const list = referent.weakrefs;
  if ((referent.payload.kind === 'class' || referent.payload.kind === 'type') && !list.some(isBasic)) {
    // Objects/typeobject.c add_subclass: a class is in its base's tp_subclasses as a plain weak
    // reference the interpreter holds, which weakref.ref(C) then returns (one reference more).
    // A builtin type's plain weak reference is the whole interpreter's to hold (measured: object's
    // is held twice more on wasm 3.14 only), so its count is unknown.
    const held = rt.alloc({ kind: 'weakref', referent, callback: null });
    if (referent.payload.kind === 'type') held.rcExact = false;
    rt.track(held);
    list.unshift(held);
  }
  const basic = list.find(isBasic);
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
export function derefWeakref(rt: Runtime, w: Extract<PyObj['payload'], { kind: 'weakref' }>): PyObj {
  return w.referent ? rt.incref(w.referent) : none(rt);
}

/** A weak reference whose callback is to run, and whether a reference to it is held meanwhile. */
export interface WeakrefCall {
  ref: PyObj;
  callback: PyObj;
  held: boolean;
}

/**
 * Clears the references to `o` and returns the callbacks to run, in order. PyObject_ClearWeakRefs
 * (Objects/weakrefobject.c) keeps each weak reference that will call back in a tuple until every
 * callback has run when there are several (always from 3.13), so a callback that drops the last
 * name of another weak reference does not stop that one's callback. `hold: false` leaves the
 * holding to the caller (the collector's handle_weakrefs), which also leaves each callback on its
 * weak reference (`keepCallbacks`: _PyWeakref_ClearRef "leaves the callback pointer intact"), to
 * be dropped only when the weak reference dies; the calls then own no reference to it.
 */
export function clearWeakrefs(rt: Runtime, o: PyObj, hold?: boolean, keepCallbacks = false): WeakrefCall[] {
  const list = o.weakrefs.splice(0);
  // Up to 3.12 the callback-less basic reference and proxy at the head are cleared first and not
  // counted: the tuple is made only when more than one weak reference is left.
  let leading = 0;
  while (leading < 2 && leading < list.length && !callbackOf(list[leading]!)) leading++;
  const held = hold ?? (list.length - leading > 1 || rt.profile.minor >= 13);
  const calls: WeakrefCall[] = [];
  for (const w of list) {
    if (w.payload.kind !== 'weakref') continue;
    w.payload.referent = null;
    const cb = w.payload.callback;
    if (!keepCallbacks) w.payload.callback = null;
    if (cb) calls.push({ ref: held ? rt.incref(w) : w, callback: cb, held });
  }
  return calls;
}

function callbackOf(w: PyObj): PyObj | null {
  return w.payload.kind === 'weakref' ? w.payload.callback : null;
}

/**
 * Runs the callbacks returned by clearWeakrefs, then drops the references they held: all at the
 * end for PyObject_ClearWeakRefs' tuple, each after its own call for the collector
 * (Modules/gcmodule.c, Python/gc.c handle_weakrefs), whose callbacks stay on their weak references.
 */
export function runWeakrefCallbacks(rt: Runtime, calls: WeakrefCall[], releaseEach = false): void {
  if (calls.length > 0) rt.fire('weakref-callback-order');
  for (const { ref, callback, held } of calls) {
    if (held || (ref.rc > 0 && ref.alive)) rt.callFromCIgnoringErrors(callback, [ref]);
    if (releaseEach && held) rt.decref(ref);
  }
  if (releaseEach) return;
  for (const { callback } of calls) rt.decref(callback);
  if (!releaseEach) for (const { ref, held } of calls) if (held) rt.decref(ref);
}
