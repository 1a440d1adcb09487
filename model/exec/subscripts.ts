// Indexing and slicing (Objects/listobject.c, tupleobject.c, unicodeobject.c, bytesobject.c,
// dictobject.c). Which object a result is: s[i] of a str is the shared one-character string
// when latin-1 (unicode_char); a full slice of a tuple or str is the object itself
// (tuple_subscript / unicode_subscript return it unchanged); a list slice is a new list.
import type { PyObj } from '../objects.ts';
import { typeName } from '../objects.ts';
import { asNum, checkHashable, indexOfKey, isUnknownValue } from '../ops.ts';
import { giveUp, PyException, type Runtime } from '../runtime.ts';
import { emptyTuple } from '../singletons.ts';
import { newInt } from '../small-ints.ts';
import { newStr } from '../strings.ts';
import { newBytes, newList, newTuple } from '../values.ts';

function indexValue(i: PyObj): bigint {
  if (isUnknownValue(i)) giveUp('an index the model does not know');
  const n = asNum(i);
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
  } else {
    const start = clamp(num(lo), n - 1n, -1n, n - 1n);
    const stop = clamp(num(hi), -1n, -1n, n - 1n);
    for (let k = start; k > stop; k += step) out.push(Number(k));
  }
  return out;
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
