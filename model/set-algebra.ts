// union, intersection, difference and update of sets (Objects/setobject.c), built step by step as
// CPython builds them, because the result's hash table — and so the order it iterates and
// prints in — depends on the sequence of insertions, and which of two equal objects the result
// holds depends on which set was walked:
// - union: a copy of the set (set_copy: set_merge into an empty set), then each other operand
//   merged in (set_update_internal: set_merge of a set, set_update_dict of a dict with one resize
//   up front, set_add_key of each item of another iterable);
// - intersection: walks the smaller set (the argument when both are the same size) in slot order
//   and adds what the other holds, or walks a non-set argument in its own order;
// - difference: when the set is more than four times the size of the other operand, or the other
//   operand is neither a set nor a dict, a copy of the set with the other's items discarded
//   (set_copy_and_difference: dummies stay where items were, and the table is rebuilt when too many
//   are left); otherwise the set walked in slot order, keeping what the other lacks.
// Results are new sets (of the receiver's type: a frozenset's are frozensets), tracked by the
// collector (make_new_set_basetype; measured on 3.15 too, where a frozenset built by frozenset()
// of atomic items is not). Where an operand's order is unknown, so is the result's.
import { hashOf } from './hashing.ts';
import type { PyObj } from './objects.ts';
import { checkHashable, equals, indexOfKey } from './ops.ts';
import { atLeast, type Profile } from './profile.ts';
import { giveUp, type Runtime } from './runtime.ts';
import { dropSetItems } from './dealloc.ts';
import { emptyTable, tableAdd, tableDiscard, tableMerge, tableOrder, tableResize } from './set-table.ts';

type SetPayload = Extract<PyObj['payload'], { kind: 'set' }>;
type DictPayload = Extract<PyObj['payload'], { kind: 'dict' }>;

/** The items of an iterable as new references (exec/builtins.ts iterate, passed in to avoid a cycle). */
export type Iterate = (rt: Runtime, o: PyObj) => PyObj[];

/** 3.9 alone never reuses a dummy when inserting (see set-table.ts tableAdd). */
export function dummyReuse(profile: Profile): 'last' | 'none' {
  return profile.major === 3 && profile.minor === 9 ? 'none' : 'last';
}

function same(a: PyObj, b: PyObj): boolean {
  if (a === b) return true;
  const e = equals(a, b);
  if (e === null) giveUp('set items the model cannot compare');
  return e;
}

function payload(o: PyObj): SetPayload {
  if (o.payload.kind !== 'set') throw new Error('not a set');
  return o.payload;
}

/** The order set_next walks a set in, or null when the model does not know it. */
function orderOf(p: SetPayload): PyObj[] | null {
  if (p.items.length <= 1) return p.items;
  return p.table ? tableOrder(p.table) : null;
}

function position(items: PyObj[], key: PyObj): number {
  const i = indexOfKey(items, key);
  if (i === null) giveUp('set items the model cannot compare');
  return i;
}

/** make_new_set: an empty set or frozenset, tracked like every new set. */
function emptySet(rt: Runtime, frozen: boolean): PyObj {
  const o = rt.alloc({ kind: 'set', items: [], frozen, table: emptyTable(rt.profile.bits) });
  rt.fire('gc-tracked-at-creation');
  rt.track(o);
  return o;
}

/** The result is done: report the rules that decided it. */
function finish(rt: Runtime, o: PyObj): PyObj {
  rt.fire('set-algebra');
  const p = payload(o);
  if (p.table && p.items.length > 1) rt.fire('set-order');
  return o;
}

/** set_add_entry: `key` joins the set (with a reference of its own) unless an equal item is there. */
function addItem(rt: Runtime, s: SetPayload, key: PyObj): void {
  if (position(s.items, key) >= 0) return;
  s.items.push(rt.incref(key));
  if (!s.table) return;
  const h = hashOf(key, rt.profile);
  if (h === null) s.table = null;
  else tableAdd(s.table, key, h, () => false, dummyReuse(rt.profile));
}

/** set_discard_entry: the equal item leaves a dummy behind and is dropped at once. */
function discardItem(rt: Runtime, s: SetPayload, key: PyObj): void {
  const i = position(s.items, key);
  if (i < 0) return;
  const [old] = s.items.splice(i, 1);
  const h = hashOf(old, rt.profile);
  if (s.table && h !== null) tableDiscard(s.table, old, h, (a, b) => a === b);
  rt.decref(old);
}

/** set_merge of the set `other` into `s`. */
function merge(rt: Runtime, s: SetPayload, other: SetPayload): void {
  if (other.items.length === 0) return;
  const order = orderOf(other);
  if (s.table && other.table && order) {
    const fresh = order.filter((k) => position(s.items, k) < 0);
    tableMerge(s.table, other.table, same, dummyReuse(rt.profile));
    for (const k of fresh) s.items.push(rt.incref(k));
    return;
  }
  if (!order) s.table = null;
  for (const k of order ?? other.items) addItem(rt, s, k);
}

/** set_update_dict: one resize for the dict's size up front, then each key in the dict's order. */
function mergeDict(rt: Runtime, s: SetPayload, d: DictPayload): void {
  const t = s.table;
  if (t && (t.fill + d.keys.length) * 5 >= t.mask * 3) tableResize(t, (t.used + d.keys.length) * 2);
  for (const k of d.keys) addItem(rt, s, k);
}

/** The items an iterable yields, each hashable (else TypeError), handed to `use`, then dropped. */
/** Each item of an iterable operand, hashed (checked hashable) then used; `use` returning false stops the walk. */
function eachItem(rt: Runtime, iterate: Iterate, other: PyObj, use: (item: PyObj) => boolean | void): void {
  const items = iterate(rt, other);
  try {
    for (const i of items) {
      checkHashable(i);
      if (use(i) === false) break;
    }
  } finally {
    for (const i of items) rt.decref(i);
  }
}

/** set_update_internal: `other` (a set, a dict or any iterable) added into the set `target`. */
function updateWith(rt: Runtime, iterate: Iterate, target: PyObj, other: PyObj): void {
  const s = payload(target);
  const q = other.payload;
  if (q.kind === 'set') {
    if (other !== target) merge(rt, s, q);
  } else if (q.kind === 'dict') {
    mergeDict(rt, s, q);
  } else {
    eachItem(rt, iterate, other, (i) => addItem(rt, s, i));
  }
}

/** s.update(*others). */
export function setUpdate(rt: Runtime, iterate: Iterate, target: PyObj, others: PyObj[]): void {
  for (const other of others) updateWith(rt, iterate, target, other);
  finish(rt, target);
}

/**
 * set(d) or frozenset(d) of a dict: make_new_set then set_update_dict, whose resize up front for
 * the dict's size gives another table than adding the keys one by one. `tracked` decides the
 * new object's tracking (a frozenset of atomic items starts untracked from 3.15, tracking.ts).
 */
export function setOfDict(rt: Runtime, d: PyObj, frozen: boolean, tracked: (o: PyObj) => boolean): PyObj {
  if (d.payload.kind !== 'dict') throw new Error('setOfDict of a non-dict');
  const o = rt.alloc({ kind: 'set', items: [], frozen, table: emptyTable(rt.profile.bits) });
  mergeDict(rt, payload(o), d.payload);
  if (tracked(o)) rt.track(o);
  return finish(rt, o);
}

/** set_copy: a new set of the receiver's type, merged from it. */
function copyOf(rt: Runtime, self: PyObj): PyObj {
  const o = emptySet(rt, payload(self).frozen);
  merge(rt, payload(o), payload(self));
  return o;
}

/** s.union(*others). */
export function setUnion(rt: Runtime, iterate: Iterate, self: PyObj, others: PyObj[]): PyObj {
  const result = copyOf(rt, self);
  try {
    for (const other of others) if (other !== self) updateWith(rt, iterate, result, other);
  } catch (e) {
    rt.decref(result);
    throw e;
  }
  return finish(rt, result);
}

/** set_intersection of two operands. */
function intersectionOf(rt: Runtime, iterate: Iterate, self: PyObj, other: PyObj): PyObj {
  if (other === self) return copyOf(rt, self);
  const so = payload(self);
  const result = emptySet(rt, so.frozen);
  const r = payload(result);
  try {
    const q = other.payload;
    if (q.kind === 'set') {
      const [walked, probed] = q.items.length > so.items.length ? [so, q] : [q, so];
      const order = orderOf(walked);
      for (const k of order ?? walked.items) if (position(probed.items, k) >= 0) addItem(rt, r, k);
      if (!order && r.items.length > 1) r.table = null;
    } else {
      // From 3.11 the walk stops once the result is as large as the set: later items are not
      // even hashed (Objects/setobject.c set_intersection, PySet_GET_SIZE(result) >= PySet_GET_SIZE(so)).
      const stopsWhenFull = atLeast(rt.profile, 3, 11);
      eachItem(rt, iterate, other, (i) => {
        if (position(so.items, i) < 0) return true;
        addItem(rt, r, i);
        return !(stopsWhenFull && r.items.length >= so.items.length);
      });
    }
  } catch (e) {
    rt.decref(result);
    throw e;
  }
  return result;
}

/** s.intersection(*others): each step intersects the previous result with the next operand. */
export function setIntersection(rt: Runtime, iterate: Iterate, self: PyObj, others: PyObj[]): PyObj {
  if (others.length === 0) return finish(rt, copyOf(rt, self));
  let result = rt.incref(self);
  for (const other of others) {
    let next: PyObj;
    try {
      next = intersectionOf(rt, iterate, result, other);
    } finally {
      rt.decref(result);
    }
    result = next;
  }
  return finish(rt, result);
}

/**
 * set_difference_update_internal: `other`'s items discarded from `target` (a set minus itself is
 * cleared: set_clear_internal), then the table rebuilt when more than a quarter of it is dummies
 * (`fill - used <= mask / 4` keeps it; measured on 3.8 to 3.15: 3 dummies in 16 slots stay, 4 are
 * rebuilt away — older sources had a fifth).
 */
function differenceUpdate(rt: Runtime, iterate: Iterate, target: PyObj, other: PyObj): void {
  const s = payload(target);
  const q = other.payload;
  if (other === target) {
    dropSetItems(rt, s);
    return;
  }
  if (q.kind === 'set') {
    // 3.9+: an operand more than 8 times larger is first intersected with the set, and the
    // intersection — a new set holding the target's own items, made and dropped here — is what
    // is walked; 3.8 walks the operand (measured: the order in which the discarded items'
    // finalizers run follows the intersection's slot order on 3.9-3.13, the operand's on 3.8).
    if (atLeast(rt.profile, 3, 9) && q.items.length >> 3 > s.items.length) {
      const tmp = intersectionOf(rt, iterate, target, other);
      discardAll(rt, s, payload(tmp));
      rt.decref(tmp);
    } else {
      discardAll(rt, s, q);
    }
  } else {
    eachItem(rt, iterate, other, (i) => discardItem(rt, s, i));
  }
  const t = s.table;
  if (!t) return;
  const dummies = t.fill - t.used;
  if (dummies > Math.floor(t.mask / 4)) tableResize(t, t.used > 50000 ? t.used * 2 : t.used * 4);
}

/** Each item of the set `q`, in its slot order (set_next), discarded from `s`. */
function discardAll(rt: Runtime, s: SetPayload, q: SetPayload): void {
  const order = orderOf(q);
  // Without the order, which discarded item dies first is unknown: it matters to finalizers.
  if (!order && q.items.filter((i) => i.payload.kind === 'instance').length > 1) rt.finalizerOrderUnknown = true;
  for (const k of [...(order ?? q.items)]) discardItem(rt, s, k);
}

/** set_difference of two operands. */
function differenceOf(rt: Runtime, iterate: Iterate, self: PyObj, other: PyObj): PyObj {
  const so = payload(self);
  const q = other.payload;
  const otherSize = q.kind === 'set' ? q.items.length : q.kind === 'dict' ? q.keys.length : null;
  if (otherSize === null || so.items.length >> 2 > otherSize) {
    const result = copyOf(rt, self);
    try {
      differenceUpdate(rt, iterate, result, other);
    } catch (e) {
      rt.decref(result);
      throw e;
    }
    return result;
  }
  const result = emptySet(rt, so.frozen);
  const r = payload(result);
  const keys = q.kind === 'set' ? q.items : q.kind === 'dict' ? q.keys : [];
  const order = orderOf(so);
  for (const k of order ?? so.items) if (position(keys, k) < 0) addItem(rt, r, k);
  if (!order && r.items.length > 1) r.table = null;
  return result;
}

/** s.difference(*others): the first operand by set_difference, the rest discarded from the result. */
export function setDifference(rt: Runtime, iterate: Iterate, self: PyObj, others: PyObj[]): PyObj {
  if (others.length === 0) return finish(rt, copyOf(rt, self));
  const result = differenceOf(rt, iterate, self, others[0]);
  try {
    for (const other of others.slice(1)) differenceUpdate(rt, iterate, result, other);
  } catch (e) {
    rt.decref(result);
    throw e;
  }
  return finish(rt, result);
}

/** The operands of `-` and `-=` are sets: nothing iterates them as plain iterables. */
const setOperandsOnly: Iterate = () => {
  throw new Error('a set operand of - is never iterated');
};

/**
 * `a - b` (set_sub): set_difference of two sets or frozensets, a new set of a's type; null when
 * either operand is not a set (the slot returns NotImplemented).
 */
export function setSubtract(rt: Runtime, a: PyObj, b: PyObj): PyObj | null {
  if (a.payload.kind !== 'set' || b.payload.kind !== 'set') return null;
  return finish(rt, differenceOf(rt, setOperandsOnly, a, b));
}

/**
 * `a -= b` (set_isub): a set minus a set or frozenset in place, `a` itself as the result (a new
 * reference); null where the in-place slot does not apply — a frozenset has none, and any other
 * operand returns NotImplemented — so that `a - b` is tried instead.
 */
export function setInPlaceSubtract(rt: Runtime, a: PyObj, b: PyObj): PyObj | null {
  const p = a.payload;
  if (p.kind !== 'set' || p.frozen || b.payload.kind !== 'set') return null;
  differenceUpdate(rt, setOperandsOnly, a, b);
  finish(rt, a);
  return rt.incref(a);
}
