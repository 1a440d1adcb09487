// Indexing and slicing (Objects/listobject.c, tupleobject.c, unicodeobject.c, bytesobject.c,
// dictobject.c). Which object a result is: s[i] of a str is the shared one-character string
// when latin-1 (unicode_char); a full slice of a tuple or str is the object itself
// (tuple_subscript / unicode_subscript return it unchanged); a list slice is a new list.
// Assigning to or deleting a slice of a list replaces items in place (list_ass_slice for a step
// of 1, list_ass_subscript otherwise): the new items go in first, then the replaced ones are
// dropped — last to first for a step of 1 (list_ass_slice's recycle array, or list_clear when
// the list ends up empty), in slice order for another step, lowest index first for a deletion.
// The assigned value is read through PySequence_Fast: a list or tuple as it is, anything else
// copied into a new list first (dropped at the end); `a[i:j] = a` copies the list first.
import type { PyObj } from '../objects.ts';
import { typeName } from '../objects.ts';
import { checkHashable, indexOfKey, knownNum } from '../ops.ts';
import { giveUp, PyException, type Runtime } from '../runtime.ts';
import { emptyTuple } from '../singletons.ts';
import { atLeast } from '../profile.ts';
import { dropItemsLastFirst } from '../dealloc.ts';
import { newInt } from '../small-ints.ts';
import { newStr } from '../strings.ts';
import { newBytes, newList, newTuple } from '../values.ts';

function indexValue(i: PyObj): bigint {
  const n = knownNum(i, 'an index the model does not know');
  if (!n || n.t !== 'int') {
    throw new PyException('TypeError', `indices must be integers or slices, not ${typeName(i)}`);
  }
  return n.v;
}

function normalise(i: bigint, len: number, what: string): number {
  const k = i < 0n ? i + BigInt(len) : i;
  if (k < 0n || k >= BigInt(len)) throw new PyException('IndexError', `${what} index out of range`);
  return Number(k);
}

export function getItem(rt: Runtime, v: PyObj, i: PyObj): PyObj {
  const p = v.payload;
  switch (p.kind) {
    case 'list': return rt.incref(p.items[normalise(indexValue(i), p.items.length, 'list')]);
    case 'tuple': return rt.incref(p.items[normalise(indexValue(i), p.items.length, 'tuple')]);
    case 'str': {
      const chars = [...p.value];
      return newStr(rt, chars[normalise(indexValue(i), chars.length, 'string')]);
    }
    case 'bytes': return newInt(rt, BigInt(p.value.charCodeAt(normalise(indexValue(i), p.value.length, 'index'))));
    case 'dict': {
      checkHashable(i);
      const at = indexOfKey(p.keys, i);
      if (at === null) giveUp('a dict key the model cannot compare');
      if (at < 0) throw new PyException('KeyError');
      return rt.incref(p.values[at]);
    }
    default:
      throw new PyException('TypeError', `'${typeName(v)}' object is not subscriptable`);
  }
}

/** Python's slice.indices for a sequence of `len` items. */
function sliceIndices(len: number, lo: PyObj | null, hi: PyObj | null, st: PyObj | null): number[] {
  return sliceBounds(len, lo, hi, st).indices;
}

/**
 * PySlice_Unpack and PySlice_AdjustIndices: the step, the clamped start and stop, and the indices
 * the slice covers in slice order.
 */
function sliceBounds(len: number, lo: PyObj | null, hi: PyObj | null, st: PyObj | null): { step: bigint; start: number; stop: number; indices: number[] } {
  const num = (o: PyObj | null): bigint | null => (o === null || o.payload.kind === 'none' ? null : indexValue(o));
  const step = num(st) ?? 1n;
  if (step === 0n) throw new PyException('ValueError', 'slice step cannot be zero');
  const n = BigInt(len);
  const clamp = (x: bigint | null, dflt: bigint, lowB: bigint, highB: bigint): bigint => {
    if (x === null) return dflt;
    let y = x < 0n ? x + n : x;
    if (y < lowB) y = lowB;
    if (y > highB) y = highB;
    return y;
  };
  const out: number[] = [];
  if (step > 0n) {
    const start = clamp(num(lo), 0n, 0n, n);
    const stop = clamp(num(hi), n, 0n, n);
    for (let k = start; k < stop; k += step) out.push(Number(k));
    return { step, start: Number(start), stop: Number(stop), indices: out };
  }
  const start = clamp(num(lo), n - 1n, -1n, n - 1n);
  const stop = clamp(num(hi), -1n, -1n, n - 1n);
  for (let k = start; k > stop; k += step) out.push(Number(k));
  return { step, start: Number(start), stop: Number(stop), indices: out };
}

/**
 * A slice of a whole tuple, str or bytes with step 1 is the object itself
 * (Objects/tupleobject.c tuple_subscript: start == 0 && step == 1 && slicelength == size).
 */
function wholeStepOne(st: PyObj | null, idx: number[], len: number): boolean {
  const step = st === null || st.payload.kind === 'none' ? 1n : indexValue(st);
  return step === 1n && idx.length === len && idx.every((k, j) => k === j);
}

export function getSlice(rt: Runtime, v: PyObj, lo: PyObj | null, hi: PyObj | null, st: PyObj | null): PyObj {
  const p = v.payload;
  switch (p.kind) {
    case 'list': return newList(rt, sliceIndices(p.items.length, lo, hi, st).map((k) => rt.incref(p.items[k])));
    case 'tuple': {
      const idx = sliceIndices(p.items.length, lo, hi, st);
      if (wholeStepOne(st, idx, p.items.length)) return (rt.fire('whole-slice-is-object'), rt.incref(v));
      return idx.length === 0 ? emptyTuple(rt) : newTuple(rt, idx.map((k) => rt.incref(p.items[k])));
    }
    case 'str': {
      const chars = [...p.value];
      const idx = sliceIndices(chars.length, lo, hi, st);
      if (wholeStepOne(st, idx, chars.length)) return (rt.fire('whole-slice-is-object'), rt.incref(v));
      const text = idx.map((k) => chars[k]).join('');
      // Step 1 cuts a substring (PyUnicode_Substring: one latin-1 character is the shared one);
      // another step fills a new string character by character, even of one character.
      const step = st === null || st.payload.kind === 'none' ? 1n : indexValue(st);
      return step === 1n || text === '' ? newStr(rt, text) : rt.alloc({ kind: 'str', value: text, interned: false });
    }
    case 'bytes': {
      const idx = sliceIndices(p.value.length, lo, hi, st);
      if (wholeStepOne(st, idx, p.value.length)) return (rt.fire('whole-slice-is-object'), rt.incref(v));
      const data = idx.map((k) => p.value[k]).join('');
      // As for str: step 1 copies a range (one byte is the shared one-byte object); another step
      // fills a new object byte by byte (Objects/bytesobject.c bytes_subscript).
      const step = st === null || st.payload.kind === 'none' ? 1n : indexValue(st);
      return step === 1n || data === '' ? newBytes(rt, data) : rt.alloc({ kind: 'bytes', value: data });
    }
    case 'dict':
      // Slices hash from 3.12 (Objects/sliceobject.c slice_hash): then d[a:b] looks the slice up.
      if (atLeast(rt.profile, 3, 12)) throw new PyException('KeyError');
      throw new PyException('TypeError', "unhashable type: 'slice'");
    default:
      throw new PyException('TypeError', `'${typeName(v)}' object is not subscriptable`);
  }
}

export function setItem(rt: Runtime, target: PyObj, i: PyObj, value: PyObj, dictSet: (d: PyObj, k: PyObj, v: PyObj) => void): void {
  const p = target.payload;
  if (p.kind === 'list') {
    const k = normalise(indexValue(i), p.items.length, 'list assignment');
    const old = p.items[k];
    p.items[k] = rt.incref(value);
    rt.decref(old);
    return;
  }
  if (p.kind === 'dict') {
    dictSet(target, rt.incref(i), rt.incref(value));
    return;
  }
  throw new PyException('TypeError', `'${typeName(target)}' object does not support item assignment`);
}

export function delItem(rt: Runtime, target: PyObj, i: PyObj): void {
  const p = target.payload;
  if (p.kind === 'list') {
    const k = normalise(indexValue(i), p.items.length, 'list assignment');
    const [old] = p.items.splice(k, 1);
    rt.decref(old);
    return;
  }
  if (p.kind === 'dict') {
    checkHashable(i);
    const at = indexOfKey(p.keys, i);
    if (at === null) giveUp('a dict key the model cannot compare');
    if (at < 0) throw new PyException('KeyError');
    const [k] = p.keys.splice(at, 1);
    const [v] = p.values.splice(at, 1);
    rt.decref(k);
    rt.decref(v);
    return;
  }
  throw new PyException('TypeError', `'${typeName(target)}' object doesn't support item deletion`);
}

/** Items of an iterable as new references, read through an iterator (as PySequence_Fast reads them). */
export type IterateForList = (o: PyObj) => PyObj[];

/**
 * PySequence_Fast(v): the items of a list or tuple as they are (`release` gives nothing back), of
 * anything else through a new list made for the purpose (`release` drops it).
 */
function fastSequence(rt: Runtime, v: PyObj, iterate: IterateForList): { items: PyObj[]; release: () => void } {
  const p = v.payload;
  if (p.kind === 'list' || p.kind === 'tuple') return { items: p.items, release: () => {} };
  const temp = newList(rt, iterate(v));
  return { items: (temp.payload as { items: PyObj[] }).items, release: () => rt.decref(temp) };
}

/** list_ass_slice(a, ilow, ihigh, v): v null deletes. */
function assignRange(rt: Runtime, list: PyObj, items: PyObj[], ilow: number, ihigh: number, v: PyObj | null, iterate: IterateForList): void {
  if (v === list) {
    const copy = newList(rt, items.map((i) => rt.incref(i)));
    try {
      assignRange(rt, list, items, ilow, ihigh, copy, iterate);
    } finally {
      rt.decref(copy);
    }
    return;
  }
  const seq = v ? fastSequence(rt, v, iterate) : { items: [], release: () => {} };
  const norig = ihigh - ilow;
  if (items.length + seq.items.length - norig === 0) {
    seq.release();
    dropItemsLastFirst(rt, items);
    return;
  }
  const recycled = items.slice(ilow, ihigh);
  items.splice(ilow, norig, ...seq.items.map((i) => rt.incref(i)));
  for (let k = recycled.length - 1; k >= 0; k--) rt.decref(recycled[k]);
  seq.release();
}

function listOf(rt: Runtime, target: PyObj, verb: 'assignment' | 'deletion'): PyObj[] {
  const p = target.payload;
  if (p.kind === 'list') return p.items;
  if (p.kind === 'dict') {
    if (!atLeast(rt.profile, 3, 12)) throw new PyException('TypeError', "unhashable type: 'slice'");
    if (verb === 'deletion') throw new PyException('KeyError');
    giveUp('a slice as a dict key (3.12+)');
  }
  const what = verb === 'assignment' ? 'does not support item assignment' : "doesn't support item deletion";
  throw new PyException('TypeError', `'${typeName(target)}' object ${what}`);
}

/** `target[lo:hi:st] = value` (value borrowed). */
export function setSlice(rt: Runtime, target: PyObj, lo: PyObj | null, hi: PyObj | null, st: PyObj | null, value: PyObj, iterate: IterateForList): void {
  const items = listOf(rt, target, 'assignment');
  const b = sliceBounds(items.length, lo, hi, st);
  rt.fire('slice-assignment-order');
  if (b.step === 1n) return assignRange(rt, target, items, b.start, Math.max(b.start, b.stop), value, iterate);
  const seq = value === target
    ? (() => {
      const copy = newList(rt, items.map((i) => rt.incref(i)));
      return { items: [...items], release: () => rt.decref(copy) };
    })()
    : fastSequence(rt, value, iterate);
  if (seq.items.length !== b.indices.length) {
    seq.release();
    throw new PyException('ValueError', `attempt to assign sequence of size ${seq.items.length} to extended slice of size ${b.indices.length}`);
  }
  const garbage = b.indices.map((k) => items[k]);
  b.indices.forEach((k, i) => {
    items[k] = rt.incref(seq.items[i]);
  });
  for (const g of garbage) rt.decref(g);
  seq.release();
}

/** `del target[lo:hi:st]`. */
export function delSlice(rt: Runtime, target: PyObj, lo: PyObj | null, hi: PyObj | null, st: PyObj | null, iterate: IterateForList): void {
  const items = listOf(rt, target, 'deletion');
  const b = sliceBounds(items.length, lo, hi, st);
  rt.fire('slice-assignment-order');
  if (b.step === 1n) return assignRange(rt, target, items, b.start, Math.max(b.start, b.stop), null, iterate);
  const gone = [...b.indices].sort((x, y) => x - y);
  const garbage = gone.map((k) => items[k]);
  const kept = items.filter((_, k) => !gone.includes(k));
  items.splice(0, items.length, ...kept);
  for (const g of garbage) rt.decref(g);
}
