// Python's operators on model objects: truth, ==, ordering, `in`, hashability and the binary
// operators. Identity shortcuts that decide which object a result is (t + () is t, s * 1 is s,
// s + '' is s) come from Objects/tupleobject.c, Objects/unicodeobject.c, Objects/bytesobject.c.
// Three-valued where the model may not know: null means "unknown".
import type { BinOp } from '../language/ast.ts';
import { numBinOp, numCompare, type Num } from './numbers.ts';
import type { PyObj } from './objects.ts';
import { typeName } from './objects.ts';
import { giveUp, PyException, type Runtime } from './runtime.ts';
import { emptyTuple } from './singletons.ts';
import { newInt, unknownInt } from './small-ints.ts';
import { newStr } from './strings.ts';
import { newBytes, newFloat, newList, newTuple } from './values.ts';
import { countDelta } from './count-deltas.ts';
import { reuseOf, sameAddress } from './memory-reuse.ts';
import { formatPercent } from './printf.ts';
import { viewContains, viewEquals, viewLength } from './dict-views.ts';
import { setSubtract } from './set-algebra.ts';

export function asNum(o: PyObj): Num | null {
  const p = o.payload;
  if (p.kind === 'int') return p.unknown ? null : { t: 'int', v: p.value };
  if (p.kind === 'bool') return p.unknown ? null : { t: 'int', v: p.value ? 1n : 0n };
  if (p.kind === 'float') return { t: 'float', v: p.value };
  return null;
}

/**
 * asNum for an argument whose value decides the result (float(), chr(), an index, a count): an int
 * the model does not know is still an int to CPython, so the model declines rather than raise.
 */
export function knownNum(o: PyObj, reason: string): Num | null {
  if (isUnknownValue(o)) giveUp(reason);
  return asNum(o);
}

export const isNumeric = (o: PyObj): boolean =>
  o.payload.kind === 'int' || o.payload.kind === 'bool' || o.payload.kind === 'float';

export function isUnknownValue(o: PyObj): boolean {
  const p = o.payload;
  return (p.kind === 'int' || p.kind === 'bool') && p.unknown === true;
}

/** Truth value (Objects/object.c PyObject_IsTrue); null when unknown. */
export function truthy(o: PyObj): boolean | null {
  const p = o.payload;
  switch (p.kind) {
    case 'int': return p.unknown ? null : p.value !== 0n;
    case 'bool': return p.unknown ? null : p.value;
    case 'float': return p.value !== 0;
    case 'str': case 'bytes': return p.value.length > 0;
    case 'none': return false;
    case 'tuple': case 'list': return p.items.length > 0;
    case 'set': return p.items.length > 0;
    case 'dict': return p.keys.length > 0;
    case 'view': return viewLength(p) > 0;
    default: return true;
  }
}

/** `a == b` (PyObject_RichCompare); containers compare items with the identity shortcut. */
export function equals(a: PyObj, b: PyObj): boolean | null {
  const p0 = a.payload;
  const q0 = b.payload;
  if (p0.kind === 'int' && q0.kind === 'int' && p0.idOf && q0.idOf) {
    const rule = reuseOf(p0.reuse, q0.reuse);
    return rule === null ? null : sameAddress(p0.idOf, q0.idOf, rule, p0.heap ?? [], p0.compileMarks ?? []);
  }
  if (isUnknownValue(a) || isUnknownValue(b)) return null;
  const x = asNum(a);
  const y = asNum(b);
  if (x && y) return numCompare(x, y) === 0;
  const p = a.payload;
  const q = b.payload;
  if (p.kind === 'str' && q.kind === 'str') return p.value === q.value;
  if (p.kind === 'bytes' && q.kind === 'bytes') return p.value === q.value;
  if ((p.kind === 'tuple' && q.kind === 'tuple') || (p.kind === 'list' && q.kind === 'list')) {
    if (p.items.length !== q.items.length) return false;
    return seqEquals(p.items, q.items);
  }
  if (p.kind === 'dict' && q.kind === 'dict') {
    if (p.keys.length !== q.keys.length) return false;
    let unknown = false;
    for (let i = 0; i < p.keys.length; i++) {
      const j = indexOfKey(q.keys, p.keys[i]);
      if (j === null) return null;
      if (j < 0) return false;
      const e = p.values[i] === q.values[j] ? true : equals(p.values[i], q.values[j]);
      if (e === false) return false;
      if (e === null) unknown = true;
    }
    return unknown ? null : true;
  }
  if (p.kind === 'set' && q.kind === 'set') {
    if (p.items.length !== q.items.length) return false;
    let unknown = false;
    for (const item of p.items) {
      const j = indexOfKey(q.items, item);
      if (j === null) unknown = true;
      else if (j < 0) return false;
    }
    return unknown ? null : true;
  }
  if (p.kind === 'view' || q.kind === 'view') return viewEquals(a, b);
  // Two bound methods are equal when they bind the same function to the same object
  // (Objects/classobject.c method_richcompare compares im_self by identity from 3.8).
  if (p.kind === 'method' && q.kind === 'method') return p.func === q.func && p.self === q.self;
  return a === b;
}

function seqEquals(xs: PyObj[], ys: PyObj[]): boolean | null {
  let unknown = false;
  for (let i = 0; i < xs.length; i++) {
    if (xs[i] === ys[i]) continue;
    const e = equals(xs[i], ys[i]);
    if (e === false) return false;
    if (e === null) unknown = true;
  }
  return unknown ? null : true;
}

/** Raises TypeError for an unhashable key (list, dict, set, or a tuple holding one). */
export function checkHashable(o: PyObj): void {
  const p = o.payload;
  if (p.kind === 'list' || p.kind === 'dict' || (p.kind === 'set' && !p.frozen)) {
    throw new PyException('TypeError', `unhashable type: '${typeName(o)}'`);
  }
  // dict_keys and dict_items are unhashable (set-like); dict_values hashes by address.
  if (p.kind === 'view' && p.of !== 'values') throw new PyException('TypeError', `unhashable type: '${typeName(o)}'`);
  if (p.kind === 'tuple') for (const i of p.items) checkHashable(i);
}

/** Position of a key equal to `k` (identity first, as dict lookup does), -1, or null if unknown. */
export function indexOfKey(keys: PyObj[], k: PyObj): number | null {
  let unknown = false;
  for (let i = 0; i < keys.length; i++) {
    if (keys[i] === k) return i;
    const e = equals(keys[i], k);
    if (e === true) return i;
    if (e === null) unknown = true;
  }
  return unknown ? null : -1;
}

/** `item in container`. */
export function contains(container: PyObj, item: PyObj): boolean | null {
  const p = container.payload;
  switch (p.kind) {
    case 'list':
    case 'tuple': {
      let unknown = false;
      for (const x of p.items) {
        if (x === item) return true;
        const e = equals(x, item);
        if (e === true) return true;
        if (e === null) unknown = true;
      }
      return unknown ? null : false;
    }
    case 'dict': {
      checkHashable(item);
      const i = indexOfKey(p.keys, item);
      return i === null ? null : i >= 0;
    }
    case 'set': {
      checkHashable(item);
      const i = indexOfKey(p.items, item);
      return i === null ? null : i >= 0;
    }
    case 'str':
      if (item.payload.kind !== 'str') throw new PyException('TypeError', "'in <string>' requires string as left operand");
      return p.value.includes(item.payload.value);
    case 'bytes':
      if (item.payload.kind === 'bytes') return p.value.includes(item.payload.value);
      if (item.payload.kind === 'int' && !item.payload.unknown) {
        const v = item.payload.value;
        if (v < 0n || v > 255n) throw new PyException('ValueError', 'byte must be in range(0, 256)');
        return p.value.includes(String.fromCharCode(Number(v)));
      }
      throw new PyException('TypeError', 'a bytes-like object is required');
    case 'view':
      return viewContains(p, item);
    default:
      throw new PyException('TypeError', `argument of type '${typeName(container)}' is not iterable`);
  }
}

/** Ordering comparison result (-1, 0, 1), NaN for unordered floats, null for unknown; raises TypeError. */
export function order(a: PyObj, b: PyObj, opText: string): number | null {
  if (isUnknownValue(a) || isUnknownValue(b)) return null;
  const x = asNum(a);
  const y = asNum(b);
  if (x && y) return numCompare(x, y);
  const p = a.payload;
  const q = b.payload;
  if ((p.kind === 'str' && q.kind === 'str') || (p.kind === 'bytes' && q.kind === 'bytes')) {
    return compareCodePoints(p.value, q.value);
  }
  if ((p.kind === 'tuple' && q.kind === 'tuple') || (p.kind === 'list' && q.kind === 'list')) {
    const n = Math.min(p.items.length, q.items.length);
    for (let i = 0; i < n; i++) {
      if (p.items[i] === q.items[i]) continue;
      const e = equals(p.items[i], q.items[i]);
      if (e === null) return null;
      if (!e) return order(p.items[i], q.items[i], opText);
    }
    return Math.sign(p.items.length - q.items.length);
  }
  if (p.kind === 'set' && q.kind === 'set') giveUp('set ordering (subset tests)');
  if (p.kind === 'view' || q.kind === 'view') giveUp('ordering comparisons of dict views');
  throw new PyException('TypeError', `'${opText}' not supported between instances of '${typeName(a)}' and '${typeName(b)}'`);
}

function compareCodePoints(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  const n = Math.min(x.length, y.length);
  for (let i = 0; i < n; i++) {
    const d = (x[i].codePointAt(0) ?? 0) - (y[i].codePointAt(0) ?? 0);
    if (d) return Math.sign(d);
  }
  return Math.sign(x.length - y.length);
}

function fromNum(rt: Runtime, n: Num): PyObj {
  return n.t === 'int' ? newInt(rt, n.v) : newFloat(rt, n.v);
}

function unsupported(op: string, a: PyObj, b: PyObj): never {
  throw new PyException('TypeError', `unsupported operand type(s) for ${op}: '${typeName(a)}' and '${typeName(b)}'`);
}

/** The count of a sequence repetition (an int or a bool); null when `n` is neither. */
export function repeatCount(n: PyObj): bigint | null {
  const p = n.payload;
  if (p.kind === 'int' || p.kind === 'bool') {
    if (p.unknown) giveUp('repetition by an unknown count');
    const v = p.kind === 'int' ? p.value : p.value ? 1n : 0n;
    if (v > 100000n) giveUp('a repetition too large to model');
    return v;
  }
  return null;
}

/** An operation that changes nothing returns its operand itself (a new reference to it). */
export function operandItself(rt: Runtime, o: PyObj): PyObj {
  rt.fire('result-is-operand');
  return rt.incref(o);
}

/** `a op b`: a new reference to the result (operands stay owned by the caller). */
export function binaryOp(rt: Runtime, op: BinOp, a: PyObj, b: PyObj): PyObj {
  const delta = op === '-' ? countDelta(rt, a, b) : null;
  if (delta) return delta;
  if (isUnknownValue(a) || isUnknownValue(b)) {
    // The result of arithmetic on an unknown int is an unknown int (never an error: both are ints).
    if (isNumeric(a) && isNumeric(b) && a.payload.kind !== 'float' && b.payload.kind !== 'float' && op !== '//' && op !== '%' && op !== '**') {
      return unknownInt(rt);
    }
    giveUp('arithmetic on a value the model does not know');
  }
  const x = asNum(a);
  const y = asNum(b);
  if (x && y) return fromNum(rt, numBinOp(op, x, y));
  const p = a.payload;
  const q = b.payload;
  if (op === '+') {
    if (p.kind === 'str' && q.kind === 'str') {
      if (q.value === '') return operandItself(rt, a);
      if (p.value === '') return operandItself(rt, b);
      const r = newStr(rt, p.value + q.value);
      // When the sum is stored straight back into the name that held the left operand and
      // nothing else holds it, CPython resizes the left str in place (Python/ceval.c
      // unicode_concatenate; BINARY_OP_INPLACE_ADD_UNICODE from 3.11): the new string then keeps
      // the old one's address. Only id() can tell, so only addresses are left open.
      r.mayHaveAddressOf = a;
      rt.fire('str-concat-in-place');
      return r;
    }
    if (p.kind === 'bytes' && q.kind === 'bytes') {
      if (q.value === '') return operandItself(rt, a);
      if (p.value === '') return operandItself(rt, b);
      return newBytes(rt, p.value + q.value);
    }
    if (p.kind === 'tuple' && q.kind === 'tuple') {
      if (q.items.length === 0) return operandItself(rt, a);
      if (p.items.length === 0) return operandItself(rt, b);
      return newTuple(rt, [...p.items, ...q.items].map((i) => rt.incref(i)));
    }
    if (p.kind === 'list' && q.kind === 'list') return newList(rt, [...p.items, ...q.items].map((i) => rt.incref(i)));
    unsupported('+', a, b);
  }
  if (op === '*') {
    let seq = a;
    let n = repeatCount(b);
    if (n === null) {
      seq = b;
      n = repeatCount(a);
    }
    if (n === null) unsupported('*', a, b);
    const s = seq.payload;
    const count = n < 0n ? 0 : Number(n);
    switch (s.kind) {
      case 'str':
        if (count === 1 || s.value === '') return operandItself(rt, seq);
        return newStr(rt, s.value.repeat(count));
      case 'bytes':
        if (count === 1 || s.value === '') return operandItself(rt, seq);
        return newBytes(rt, s.value.repeat(count));
      case 'tuple':
        if (count === 1 || s.items.length === 0) return operandItself(rt, seq);
        if (count === 0) return emptyTuple(rt);
        return newTuple(rt, Array.from({ length: count }, () => s.items).flat().map((i) => rt.incref(i)));
      case 'list':
        return newList(rt, Array.from({ length: count }, () => s.items).flat().map((i) => rt.incref(i)));
      default:
        unsupported('*', a, b);
    }
  }
  if (op === '-') {
    const r = setSubtract(rt, a, b);
    if (r) return r;
    // A dict view's nb_subtract (dictviews_sub) takes a set or view on either side.
    if (p.kind === 'view' || q.kind === 'view') giveUp('the difference of a dict view');
  }
  if (op === '%' && p.kind === 'str') return formatPercent(rt, p.value, b);
  if (op === '%' && p.kind === 'bytes') giveUp('printf-style formatting of bytes');
  unsupported(op === '**' ? '** or pow()' : op, a, b);
}
