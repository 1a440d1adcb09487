// The hash table of a set, which decides the order a set iterates and prints in
// (Objects/setobject.c, 3.8-3.13: set_add_entry with LINEAR_PROBES 9 and PERTURB_SHIFT 5,
// set_table_resize when fill*5 >= mask*3, set_insert_clean, set_merge, dummies left by
// deletion; an insertion takes the last dummy its probe passed, or none on 3.9). The model
// keeps the table only while every item's hash is known (hashing.ts); otherwise the order is
// unknown and iteration declines.
import type { PyObj } from './objects.ts';

const MIN_SIZE = 8;
const LINEAR_PROBES = 9;
const PERTURB_SHIFT = 5n;

type Slot = PyObj | null | 'dummy';

export interface SetTable {
  mask: number;
  slots: Slot[];
  hashes: bigint[];
  fill: number;
  used: number;
  bits: 32 | 64;
}

export function emptyTable(bits: 32 | 64): SetTable {
  return { mask: MIN_SIZE - 1, slots: new Array<Slot>(MIN_SIZE).fill(null), hashes: new Array<bigint>(MIN_SIZE).fill(0n), fill: 0, used: 0, bits };
}


function unsigned(t: SetTable, h: bigint): bigint {
  return BigInt.asUintN(t.bits, h);
}

/** set_insert_clean: into a table without dummies, known not to hold the key. */
function insertClean(t: SetTable, key: PyObj, hash: bigint): void {
  const mask = BigInt(t.mask);
  let perturb = unsigned(t, hash);
  let i = perturb & mask;
  for (;;) {
    let at = Number(i);
    if (t.slots[at] === null) return place(t, at, key, hash);
    if (at + LINEAR_PROBES <= t.mask) {
      for (let j = 0; j < LINEAR_PROBES; j++) {
        at++;
        if (t.slots[at] === null) return place(t, at, key, hash);
      }
    }
    perturb >>= PERTURB_SHIFT;
    i = (i * 5n + 1n + perturb) & mask;
  }
}

function place(t: SetTable, at: number, key: PyObj, hash: bigint): void {
  t.slots[at] = key;
  t.hashes[at] = hash;
}

/** set_table_resize: the smallest power of two above `minUsed`, every live entry reinserted in slot order. */
export function tableResize(t: SetTable, minUsed: number): void {
  resize(t, minUsed);
}

function resize(t: SetTable, minUsed: number): void {
  let size = MIN_SIZE;
  while (size <= minUsed) size <<= 1;
  const old = t.slots.map((s, i) => [s, t.hashes[i]] as const);
  t.mask = size - 1;
  t.slots = new Array<Slot>(size).fill(null);
  t.hashes = new Array<bigint>(size).fill(0n);
  t.fill = t.used;
  for (const [s, h] of old) if (s !== null && s !== 'dummy') insertClean(t, s, h);
}

/**
 * set_add_entry: false when an equal item was already there. A dummy the probe passed is reused —
 * the last one (Objects/setobject.c `freeslot = entry` on every dummy) — except on 3.9, whose
 * insertions always take an empty slot (measured: discarding 1 and 17 from {1, 9, 17, 25} and
 * adding 33 prints {25, 9, 33} on 3.7, 3.8 and 3.10 to 3.15, and {33, 25, 9} on 3.9.18, whose
 * fifth filled slot resized the table; 300 random add/discard sequences agree on each version).
 */
export function tableAdd(
  t: SetTable, key: PyObj, hash: bigint, same: (a: PyObj, b: PyObj) => boolean, dummyReuse: 'last' | 'none' = 'last',
): boolean {
  const mask = BigInt(t.mask);
  let perturb = unsigned(t, hash);
  let i = perturb & mask;
  let free = -1;
  for (;;) {
    let at = Number(i);
    let probes = at + LINEAR_PROBES <= t.mask ? LINEAR_PROBES : 0;
    for (;;) {
      const s = t.slots[at];
      if (s === null) {
        if (free >= 0) {
          t.used++;
          place(t, free, key, hash);
          return true;
        }
        t.fill++;
        t.used++;
        place(t, at, key, hash);
        if (t.fill * 5 >= t.mask * 3) resize(t, t.used > 50000 ? t.used * 2 : t.used * 4);
        return true;
      }
      if (s === 'dummy') {
        if (dummyReuse === 'last') free = at;
      } else if (t.hashes[at] === hash && same(s, key)) {
        return false;
      }
      if (probes-- === 0) break;
      at++;
    }
    perturb >>= PERTURB_SHIFT;
    i = (i * 5n + 1n + perturb) & mask;
  }
}

/** set_discard_entry: leaves a dummy where the item was. */
export function tableDiscard(t: SetTable, key: PyObj, hash: bigint, same: (a: PyObj, b: PyObj) => boolean): void {
  for (let at = 0; at <= t.mask; at++) {
    const s = t.slots[at];
    if (s !== null && s !== 'dummy' && t.hashes[at] === hash && same(s, key)) {
      t.slots[at] = 'dummy';
      t.hashes[at] = -1n;
      t.used--;
      return;
    }
  }
}

/**
 * set_merge of `other` into `t`: one resize up front, then a slot copy (same size, no dummies),
 * clean insertions (`t` empty) or set_add_entry of each of other's entries in slot order.
 */
export function tableMerge(t: SetTable, other: SetTable, same: (a: PyObj, b: PyObj) => boolean, dummyReuse: 'last' | 'none'): void {
  if (other.used === 0) return;
  if (t.fill === 0) return tableMergeIntoEmpty(t, other);
  if ((t.fill + other.used) * 5 >= t.mask * 3) resize(t, (t.used + other.used) * 2);
  other.slots.forEach((s, i) => {
    if (s !== null && s !== 'dummy') tableAdd(t, s, other.hashes[i], same, dummyReuse);
  });
}

/** set_merge of `other` into the empty table `t` (set(s), s.copy(), a display from a constant). */
export function tableMergeIntoEmpty(t: SetTable, other: SetTable): void {
  if (other.used === 0) return;
  if ((t.fill + other.used) * 5 >= t.mask * 3) resize(t, (t.used + other.used) * 2);
  if (t.mask === other.mask && other.fill === other.used) {
    t.slots = [...other.slots];
    t.hashes = [...other.hashes];
    t.fill = other.fill;
    t.used = other.used;
    return;
  }
  t.fill = other.used;
  t.used = other.used;
  other.slots.forEach((s, i) => {
    if (s !== null && s !== 'dummy') insertClean(t, s, other.hashes[i]);
  });
}

/** The items in the order the set iterates them. */
export function tableOrder(t: SetTable): PyObj[] {
  return t.slots.filter((s): s is PyObj => s !== null && s !== 'dummy');
}
