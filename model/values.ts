// Constructors for objects made at run time, with the GC-tracking state CPython gives each kind
// at creation (see tracking.ts for the rules and their sources).
import type { PyObj } from './objects.ts';
import { emptyTable, tableAdd, tableMergeIntoEmpty, type SetTable } from './set-table.ts';
import { hashOf } from './hashing.ts';
import type { Runtime } from './runtime.ts';
import { emptyTuple, sharedByte } from './singletons.ts';
import { dictInsertTracking, setTrackedAtCreation, trackedAtCreation } from './tracking.ts';

export function newFloat(rt: Runtime, value: number): PyObj {
  return rt.alloc({ kind: 'float', value });
}

/** bytes made at run time: b'' and one-byte bytes are shared (Objects/bytesobject.c). */
export function newBytes(rt: Runtime, value: string): PyObj {
  return sharedByte(rt, value) ?? rt.alloc({ kind: 'bytes', value });
}

/**
 * A tuple taking ownership of `items`; () is the shared empty tuple. `built` says which path made
 * it: from 3.14 a tuple display or a tuple of a list starts untracked when it can hold nothing
 * tracked (see tracking.ts), other paths track it like any tuple.
 */
export function newTuple(rt: Runtime, items: PyObj[], built: 'display-or-list' | 'other' = 'other'): PyObj {
  if (items.length === 0) return emptyTuple(rt);
  const o = rt.alloc({ kind: 'tuple', items });
  if (trackedAtCreation(rt, o, built === 'display-or-list')) rt.track(o);
  return o;
}

/** A list taking ownership of `items`. */
export function newList(rt: Runtime, items: PyObj[]): PyObj {
  const o = rt.alloc({ kind: 'list', items });
  rt.track(o);
  return o;
}

/** An empty dict. */
export function newDict(rt: Runtime): PyObj {
  const o = rt.alloc({ kind: 'dict', keys: [], values: [] });
  if (trackedAtCreation(rt, o)) rt.track(o);
  return o;
}

/** Appends a new entry (key and value owned by the dict from now on). */
export function dictAppend(rt: Runtime, d: PyObj, key: PyObj, value: PyObj): void {
  if (d.payload.kind !== 'dict') throw new Error('dictAppend on a non-dict');
  d.payload.keys.push(key);
  d.payload.values.push(value);
  dictInsertTracking(rt, d, key, value);
}

/** A set of distinct `items` (references taken over), added one by one in this order. */
export function newSet(rt: Runtime, items: PyObj[], frozen: boolean): PyObj {
  let table: SetTable | null = emptyTable(rt.profile.bits);
  for (const i of items) {
    const h = hashOf(i, rt.profile);
    if (h === null) table = null;
    else if (table) tableAdd(table, i, h, () => false);
  }
  if (table && items.length > 1) rt.fire('set-order');
  const o = rt.alloc({ kind: 'set', items, frozen, table });
  if (setTrackedAtCreation(rt, o)) rt.track(o);
  return o;
}

/** A new set holding the items of the set `other`, merged as set_merge does into an empty set. */
export function newSetFrom(rt: Runtime, other: PyObj, frozen: boolean): PyObj {
  if (other.payload.kind !== 'set') throw new Error('newSetFrom of a non-set');
  let table: SetTable | null = null;
  if (other.payload.table) {
    table = emptyTable(rt.profile.bits);
    tableMergeIntoEmpty(table, other.payload.table);
  }
  const o = rt.alloc({ kind: 'set', items: other.payload.items.map((i) => rt.incref(i)), frozen, table });
  if (setTrackedAtCreation(rt, o)) rt.track(o);
  return o;
}
