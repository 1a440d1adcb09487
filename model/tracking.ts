// Which objects the cyclic collector tracks (what gc.is_tracked reports), and when that changes.
// - Lists, sets, instances of classes, functions, methods, cells, weak references: tracked from
//   creation (their types have Py_TPFLAGS_HAVE_GC and their constructors call PyObject_GC_Track).
// - ints, floats, strs, bytes, None, bools, object(): never (not GC types).
// - Tuples: tracked from creation (Objects/tupleobject.c); a collection untracks a tuple whose
//   items can none of them be tracked (_PyTuple_MaybeUntrack, called from Modules/gcmodule.c
//   untrack_tuples on every collection). From 3.14 such a tuple is not tracked at all.
// - Dicts: before 3.14 untracked at creation and tracked when an item that may be tracked is
//   inserted (Objects/dictobject.c MAINTAIN_TRACKING); a full collection untracks dicts holding
//   only untrackable items (_PyDict_MaybeUntrack, untrack_dicts). 3.14 tracks every dict.
import { atLeast } from './profile.ts';
import type { PyObj } from './objects.ts';
import type { Runtime } from './runtime.ts';

/** Objects/object.c _PyObject_GC_MAY_BE_TRACKED: a GC object that is not an untracked tuple. */
export function mayBeTracked(o: PyObj): boolean {
  const k = o.payload.kind;
  if (k === 'tuple') return o.tracked;
  return isGcType(o);
}

export function isGcType(o: PyObj): boolean {
  switch (o.payload.kind) {
    case 'int': case 'float': case 'str': case 'bytes': case 'bool': case 'none': case 'ellipsis':
    case 'object':
      return false;
    // Every class statement makes a GC type from 3.8 on, even one whose instances hold nothing
    // (`__slots__ = ()`): Objects/typeobject.c type_new sets Py_TPFLAGS_HAVE_GC on every heap
    // type, whose instances hold a reference to their class (measured: 3.7.16 leaves such an
    // instance untracked, 3.8.18 to 3.15.0rc1 track it).
    case 'instance':
      return true;
    case 'tuple':
      return o.payload.items.length > 0;
    default:
      return true;
  }
}

export function trackedAtCreation(rt: Runtime, o: PyObj, untrackedIfAtomic = false): boolean {
  if (o.payload.kind === 'dict') return dictsAlwaysTracked(rt);
  // From 3.14 a tuple built by BUILD_TUPLE or from a list, that can hold nothing tracked, is not
  // tracked in the first place (Objects/tupleobject.c _PyTuple_FromStackRefStealOnSuccess and
  // _PyList_AsTupleAndClear make the check _PyTuple_MaybeUntrack used to make at collection
  // time). Measured on 3.14.2 and 3.15.0rc1: tuple('ab'), slices, t + u and t * 2 are tracked.
  if (o.payload.kind === 'tuple' && untrackedIfAtomic && atLeast(rt.profile, 3, 14)) {
    rt.fire('gc-tuple-untracking');
    // The check looks at the items' types only: a tuple holding a tuple, even () or an untracked
    // one, is tracked (measured on 3.14.2 and 3.15.0rc1: (a, None) with a = (1, 'a'), (x, ())).
    return o.payload.items.some((i) => i.payload.kind === 'tuple' || isGcType(i));
  }
  rt.fire('gc-tracked-at-creation');
  return isGcType(o);
}

/**
 * Sets are tracked from creation. From 3.15 a frozenset whose items are all atomic (ints, floats,
 * strs, bytes, None, bools) or untracked tuples starts untracked — measured on 3.15.0rc1:
 * frozenset([1, 'a']), frozenset([(x, 2)]) and frozenset() are untracked, a frozenset holding a
 * frozenset is tracked.
 */
export function setTrackedAtCreation(rt: Runtime, o: PyObj): boolean {
  const p = o.payload;
  if (p.kind !== 'set' || !p.frozen || !atLeast(rt.profile, 3, 15)) {
    rt.fire('gc-tracked-at-creation');
    return true;
  }
  rt.fire('gc-frozenset-untracking');
  return p.items.some((i) => (i.payload.kind === 'tuple' ? i.tracked : isGcType(i)));
}

export function dictsAlwaysTracked(rt: Runtime): boolean {
  rt.fire('gc-dict-tracking');
  return atLeast(rt.profile, 3, 14);
}

export function dictInsertTracking(rt: Runtime, d: PyObj, key: PyObj, value: PyObj): void {
  if (!d.tracked && (mayBeTracked(key) || mayBeTracked(value))) {
    rt.fire('gc-dict-tracking');
    rt.track(d);
  }
}

/** _PyTuple_MaybeUntrack. */
export function maybeUntrackTuple(rt: Runtime, t: PyObj): void {
  if (t.payload.kind !== 'tuple' || !t.tracked) return;
  if (t.payload.items.some(mayBeTracked)) return;
  rt.fire('gc-tuple-untracking');
  rt.untrack(t);
}

/** _PyDict_MaybeUntrack. */
export function maybeUntrackDict(rt: Runtime, d: PyObj): void {
  if (d.payload.kind !== 'dict' || !d.tracked || dictsAlwaysTracked(rt)) return;
  const p = d.payload;
  if (p.keys.some(mayBeTracked) || p.values.some(mayBeTracked)) return;
  rt.fire('gc-dict-tracking');
  rt.untrack(d);
}
