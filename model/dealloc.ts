// What happens the moment an object's count reaches zero: CPython frees it at once, without the
// cyclic collector, and drops its references in an order fixed per type:
// - instances of classes (Objects/typeobject.c subtype_dealloc): __del__ runs first (PEP 442,
//   once per object; if it stored self somewhere the object is resurrected and not freed), then
//   weak references are cleared and their callbacks run, then the attributes are dropped in the
//   instance's insertion order, then (3.10 and earlier) its __dict__ object;
// - lists and tuples drop their items last to first (Objects/listobject.c list_dealloc,
//   Objects/tupleobject.c tupledealloc); dicts first to first, key then value
//   (Objects/dictobject.c dict_dealloc); sets in hash order, which the model cannot know;
// - functions clear their weak references, then drop their defaults and closure
//   (Objects/funcobject.c func_dealloc, func_clear); bound methods drop the function, then self
//   (Objects/classobject.c method_dealloc); weak references drop their callback.
import { releaseUnit } from './compile/code-unit.ts';
import { classLookup, declaredSlots, type PyObj } from './objects.ts';
import type { Runtime } from './runtime.ts';
import { clearWeakrefs, runWeakrefCallbacks } from './weakrefs.ts';
import { emptyTable, tableOrder } from './set-table.ts';

export function installDeallocator(rt: Runtime): void {
  rt.freeHook = (o) => dealloc(rt, o);
}

/** The __del__ a class has or inherits (its tp_finalize slot). */
export function finalizerOf(o: PyObj): PyObj | undefined {
  return o.payload.kind === 'instance' ? classLookup(o.payload.cls, '__del__') : undefined;
}

/**
 * Calls __del__ with the object briefly resurrected (Objects/object.c
 * PyObject_CallFinalizerFromDealloc). Returns true if the object was resurrected.
 */
export function callFinalizer(rt: Runtime, o: PyObj, fromDealloc: boolean): boolean {
  const del = finalizerOf(o);
  if (!del) return false;
  rt.fire('finalizer-once');
  if (o.finalized) return false;
  o.finalized = true;
  if (fromDealloc) o.rc = 1;
  else rt.incref(o);
  rt.callFromCIgnoringErrors(del, [o]);
  if (fromDealloc) {
    o.rc--;
    return o.rc > 0;
  }
  rt.decref(o);
  return false;
}

type Payload<K extends PyObj['payload']['kind']> = Extract<PyObj['payload'], { kind: K }>;

/**
 * An instance's attributes: its slots first (clear_slots, the class's own before its base's, each
 * in sorted order as type_new stored them), then the others in insertion order, then its
 * __dict__ object.
 */
export function dropAttributes(rt: Runtime, p: Payload<'instance'>): void {
  const slots = declaredSlots(p.cls);
  if (slots.filter((n) => p.attrs.has(n)).length > 1) rt.fire('slots-dealloc-order');
  const names = [...slots.filter((n) => p.attrs.has(n)), ...[...p.attrs.keys()].filter((n) => !slots.includes(n))];
  const values = names.map((n) => p.attrs.get(n) as PyObj);
  p.attrs.clear();
  for (const v of values) rt.decref(v);
  if (p.dict) {
    const d = p.dict;
    p.dict = null;
    // The dying object hands its inline values over to the dict (Objects/dictobject.c
    // _PyDict_DetachFromObject): from now on the dict holds them.
    if (d.payload.kind === 'dict') d.payload.embedded = false;
    rt.decref(d);
  }
}

/** A list's or tuple's items, last to first. */
export function dropItemsLastFirst(rt: Runtime, items: PyObj[]): void {
  const old = items.splice(0);
  for (let i = old.length - 1; i >= 0; i--) rt.decref(old[i]);
}

/** A dict's entries, first to last, key then value. */
export function dropEntries(rt: Runtime, p: Payload<'dict'>): void {
  const keys = p.keys.splice(0);
  const values = p.values.splice(0);
  for (let i = 0; i < keys.length; i++) {
    rt.decref(keys[i]);
    rt.decref(values[i]);
  }
}

/** A set's items: in hash order, which the model cannot know when more than one can finalize. */
export function dropSetItems(rt: Runtime, p: Payload<'set'>): void {
  const items = p.table && p.items.length > 1 ? tableOrder(p.table) : [...p.items];
  p.items.splice(0);
  if (!p.table && items.filter((i) => i.payload.kind === 'instance').length > 1) rt.finalizerOrderUnknown = true;
  // set_clear_internal leaves an empty small table behind.
  p.table = emptyTable(rt.profile.bits);
  for (const i of items) rt.decref(i);
}

/** A function's defaults, its docstring, its qualified name (up to 3.10), then its closure tuple, which drops the cells (func_clear). */
export function dropFunctionReferences(rt: Runtime, p: Payload<'function'>): void {
  if (p.defaults) {
    const d = p.defaults;
    p.defaults = null;
    rt.decref(d);
  }
  if (p.doc) {
    const doc = p.doc;
    p.doc = null;
    rt.decref(doc);
  }
  p.closure.clear();
  if (p.qualnameStr) {
    const q = p.qualnameStr;
    p.qualnameStr = null;
    rt.decref(q);
  }
  if (p.closureTuple) {
    const t = p.closureTuple;
    p.closureTuple = null;
    rt.decref(t);
  }
}

export function dropCellContent(rt: Runtime, p: Payload<'cell'>): void {
  if (p.content) {
    const c = p.content;
    p.content = null;
    rt.decref(c);
  }
}

export function dropCallback(rt: Runtime, p: Payload<'weakref'>): void {
  if (p.callback) {
    const cb = p.callback;
    p.callback = null;
    rt.decref(cb);
  }
}

export function dealloc(rt: Runtime, o: PyObj): void {
  const p = o.payload;
  rt.fire('free-at-zero');
  switch (p.kind) {
    case 'instance': {
      rt.fire('instance-dealloc-order');
      if (callFinalizer(rt, o, true)) return;
      rt.untrack(o);
      runWeakrefCallbacks(rt, clearWeakrefs(rt, o));
      rt.markFreed(o);
      dropAttributes(rt, p);
      return;
    }
    case 'list':
    case 'tuple': {
      if (p.items.length > 1) rt.fire('container-dealloc-order');
      if (p.kind === 'tuple') p.freedSize = p.items.length;
      rt.untrack(o);
      rt.markFreed(o);
      dropItemsLastFirst(rt, p.items);
      return;
    }
    case 'dict': {
      if (p.keys.length > 1) rt.fire('container-dealloc-order');
      rt.untrack(o);
      rt.markFreed(o);
      dropEntries(rt, p);
      return;
    }
    case 'set': {
      rt.untrack(o);
      runWeakrefCallbacks(rt, clearWeakrefs(rt, o));
      rt.markFreed(o);
      dropSetItems(rt, p);
      return;
    }
    case 'function': {
      rt.untrack(o);
      runWeakrefCallbacks(rt, clearWeakrefs(rt, o));
      rt.markFreed(o);
      dropFunctionReferences(rt, p);
      releaseUnit(rt, p.code);
      return;
    }
    case 'method': {
      rt.untrack(o);
      runWeakrefCallbacks(rt, clearWeakrefs(rt, o));
      rt.markFreed(o);
      rt.decref(p.func);
      rt.decref(p.self);
      return;
    }
    case 'builtin': {
      rt.untrack(o);
      rt.markFreed(o);
      if (p.self) rt.decref(p.self);
      return;
    }
    case 'weakref': {
      rt.untrack(o);
      rt.markFreed(o);
      if (p.referent) {
        const list = p.referent.weakrefs;
        const i = list.indexOf(o);
        if (i >= 0) list.splice(i, 1);
        p.referent = null;
      }
      dropCallback(rt, p);
      return;
    }
    case 'cell': {
      rt.untrack(o);
      rt.markFreed(o);
      dropCellContent(rt, p);
      return;
    }
    case 'view': {
      // Objects/dictobject.c dictview_dealloc: untracked, then the dict dropped.
      rt.untrack(o);
      rt.markFreed(o);
      rt.decref(p.dict);
      return;
    }
    default:
      rt.markFreed(o);
  }
}
