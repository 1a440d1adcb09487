// Dict views (Objects/dictobject.c dictview_new, dictview_repr, dictkeys_contains,
// dictitems_contains, dictview_richcompare, dictiter_iternextitem):
// - d.keys(), d.values(), d.items() each make a new view object, tracked by the collector, that
//   holds a reference to the dict (and keeps it alive) until the view dies;
// - iterating an items view makes a (key, value) tuple per entry. The iterator preallocates one
//   result tuple and hands it out again while nothing else holds it (so the first tuple a
//   consumer keeps is that one); list(), list.extend and += take a separate path from 3.13
//   (Objects/listobject.c list_extend_dictitems, PyTuple_FromArray) — not PySequence_Fast (str.join,
//   a slice assignment), which lists an iterator over the view. What the collector
//   tracks of those tuples was measured: tracked on 3.8-3.13; from 3.14 the list path leaves a
//   tuple of untracked items untracked; 3.15's iterator does so too for every tuple but the
//   preallocated one (which _PyTuple_Recycle tracks again).
import { checkHashable, equals, indexOfKey } from './ops.ts';
import type { PyObj } from './objects.ts';
import { atLeast } from './profile.ts';
import type { Runtime } from './runtime.ts';
import { none } from './singletons.ts';
import { isGcType, trackedAtCreation } from './tracking.ts';

type View = Extract<PyObj['payload'], { kind: 'view' }>;

export function newView(rt: Runtime, dict: PyObj, of: View['of']): PyObj {
  rt.fire('dict-views');
  const o = rt.alloc({ kind: 'view', of, dict: rt.incref(dict) });
  if (trackedAtCreation(rt, o)) rt.track(o);
  return o;
}

function entries(v: View): { keys: PyObj[]; values: PyObj[] } {
  const p = v.dict.payload;
  if (p.kind !== 'dict') throw new Error('a view of a non-dict');
  return p;
}

export function viewLength(v: View): number {
  return entries(v).keys.length;
}

/** Who iterates the view: list_extend (list(), extend, +=) or an iterator. */
export type Consumer = 'list' | 'iterator';

/** The items of a view as new references; an items view makes its tuples as CPython does. */
export function iterateView(rt: Runtime, view: PyObj, consumer: Consumer): PyObj[] {
  const v = view.payload;
  if (v.kind !== 'view') throw new Error('not a view');
  const { keys, values } = entries(v);
  if (v.of === 'keys') return keys.map((k) => rt.incref(k));
  if (v.of === 'values') return values.map((x) => rt.incref(x));
  rt.fire('dict-views');
  const listPath = consumer === 'list' && atLeast(rt.profile, 3, 13);
  if (!listPath && keys.length === 0) {
    // dictiter_new preallocates its result tuple even for an empty dict; it dies with the iterator.
    rt.decref(pair(rt, [none(rt), none(rt)], false));
    return [];
  }
  return keys.map((k, i) => {
    const untrackedIfAtomic = listPath ? atLeast(rt.profile, 3, 14) : i > 0 && atLeast(rt.profile, 3, 15);
    return pair(rt, [rt.incref(k), rt.incref(values[i])], untrackedIfAtomic);
  });
}

/**
 * A (key, value) tuple. Where CPython leaves it untracked, it checks the items' types, not whether
 * they are tracked: measured on 3.14 and 3.15, a pair holding (), an untracked constant tuple or
 * an untracked frozenset is tracked.
 */
function pair(rt: Runtime, items: PyObj[], untrackedIfAtomic: boolean): PyObj {
  const t = rt.alloc({ kind: 'tuple', items });
  if (untrackedIfAtomic) rt.fire('gc-tuple-untracking');
  else rt.fire('gc-tracked-at-creation');
  const gcType = (o: PyObj): boolean => o.payload.kind === 'tuple' || isGcType(o);
  if (!untrackedIfAtomic || items.some(gcType)) rt.track(t);
  return t;
}

/** `item in view`; null where the model cannot compare. Raises TypeError for an unhashable key. */
export function viewContains(view: View, item: PyObj): boolean | null {
  const { keys, values } = entries(view);
  switch (view.of) {
    case 'keys': {
      checkHashable(item);
      const i = indexOfKey(keys, item);
      return i === null ? null : i >= 0;
    }
    case 'values': {
      let unknown = false;
      for (const x of values) {
        const e = x === item ? true : equals(x, item);
        if (e === true) return true;
        if (e === null) unknown = true;
      }
      return unknown ? null : false;
    }
    case 'items': {
      const p = item.payload;
      if (p.kind !== 'tuple' || p.items.length !== 2) return false;
      checkHashable(p.items[0]);
      const i = indexOfKey(keys, p.items[0]);
      if (i === null) return null;
      if (i < 0) return false;
      return values[i] === p.items[1] ? true : equals(values[i], p.items[1]);
    }
  }
}

/** What a set-like operand holds: objects, or an items view's (key, value) pairs. */
type Element = PyObj | readonly [PyObj, PyObj];

function elementsOf(o: PyObj): Element[] | null {
  const r = o.payload;
  if (r.kind === 'set') return r.items;
  if (r.kind !== 'view' || r.of === 'values') return null;
  const { keys, values } = entries(r);
  return r.of === 'keys' ? keys : keys.map((k, i) => [k, values[i]] as const);
}

function sameElement(a: Element, b: Element): boolean | null {
  const parts = (e: Element): readonly PyObj[] | null => {
    if (Array.isArray(e)) return e as readonly PyObj[];
    const p = (e as PyObj).payload;
    return p.kind === 'tuple' && p.items.length === 2 ? p.items : null;
  };
  if (!Array.isArray(a) && !Array.isArray(b)) return a === b ? true : equals(a as PyObj, b as PyObj);
  const x = parts(a);
  const y = parts(b);
  if (!x || !y) return false;
  const first = x[0] === y[0] ? true : equals(x[0], y[0]);
  if (first === false) return false;
  const second = x[1] === y[1] ? true : equals(x[1], y[1]);
  if (second === false) return false;
  return first === null || second === null ? null : true;
}

/**
 * `a == b` where one side is a view (dictview_richcompare, reflected from set_richcompare): keys
 * and items views compare as sets with sets and keys or items views — equal lengths, and every
 * element of the view found in the other (a pair looked up in a set or keys view is hashed:
 * TypeError if its value is unhashable); values views, and anything else, only by identity.
 */
export function viewEquals(a: PyObj, b: PyObj): boolean | null {
  const [view, other] = a.payload.kind === 'view' ? [a, b] : [b, a];
  const x = elementsOf(view);
  const y = elementsOf(other);
  if (x === null || y === null) return a === b;
  if (x.length !== y.length) return false;
  let unknown = false;
  for (const e of x) {
    const hashed = other.payload.kind === 'set' || (other.payload.kind === 'view' && other.payload.of === 'keys');
    if (Array.isArray(e) && hashed) checkHashable((e as readonly PyObj[])[1]);
    let found: boolean | null = false;
    for (const f of y) {
      const s = sameElement(e, f);
      if (s === true) {
        found = true;
        break;
      }
      if (s === null) found = null;
    }
    if (found === false) return false;
    if (found === null) unknown = true;
  }
  return unknown ? null : true;
}

/** The objects a view's repr lists: its keys, values, or (key, value) pairs. */
export function viewReprParts(view: View): PyObj[][] {
  const { keys, values } = entries(view);
  if (view.of === 'keys') return keys.map((k) => [k]);
  if (view.of === 'values') return values.map((x) => [x]);
  return keys.map((k, i) => [k, values[i]]);
}
