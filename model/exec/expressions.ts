// Evaluating an expression: each returns a new reference (the value stack's), and drops the
// references of its operands when CPython's bytecode pops them — so that a count observed in the
// middle of an expression includes the temporaries CPython holds at that moment.
import type { Expr, FStringPart } from '../../language/ast.ts';
import type { PyObj } from '../objects.ts';
import { mayBeSame } from '../objects.ts';
import { binaryOp, checkHashable, contains, equals, indexOfKey, order, truthy } from '../ops.ts';
import { reprOf, strOf } from '../repr.ts';
import { giveUp, PyException, type Runtime } from '../runtime.ts';
import { bool } from '../singletons.ts';
import { newStr } from '../strings.ts';
import { dictAppend, newDict, newList, newSet, newSetFrom, newTuple } from '../values.ts';
import { dictInsertTracking } from '../tracking.ts';
import { getAttribute } from './attributes.ts';
import { stackRefBorrowed } from './borrowed-refs.ts';
import { callExpr } from './calls.ts';
import type { Frame } from './frame.ts';
import { loadName } from './names.ts';
import { getItem, getSlice } from './subscripts.ts';
import { applySpec, asciiOf, specKeepsStr } from '../format-spec.ts';
import { negate } from './unary.ts';

/**
 * A display's items, each a reference on the stack until BUILD_LIST, BUILD_TUPLE or BUILD_SET
 * takes them all. An item loaded as a borrowed reference (a fast local from 3.14, a constant from
 * 3.15: borrowed-refs.ts) owns no count while the later items are evaluated; the build then takes
 * a counted reference from it (PyStackRef_AsPyObjectSteal), as the model's item already is.
 */
function displayItems(rt: Runtime, frame: Frame, elts: readonly Expr[]): PyObj[] {
  const items: PyObj[] = [];
  const borrowed: PyObj[] = [];
  try {
    for (const x of elts) {
      const v = evalExpr(rt, frame, x);
      items.push(v);
      if (stackRefBorrowed(rt, frame, x)) {
        borrowed.push(v);
        rt.borrowedTemps.set(v, (rt.borrowedTemps.get(v) ?? 0) + 1);
      }
    }
  } finally {
    for (const b of borrowed) rt.borrowedTemps.set(b, (rt.borrowedTemps.get(b) ?? 1) - 1);
  }
  return items;
}

export function evalExpr(rt: Runtime, frame: Frame, e: Expr): PyObj {
  const c = frame.unit.constOf.get(e);
  if (c) return rt.incref(c);
  switch (e.kind) {
    case 'Name': return loadName(rt, frame, e.id);
    case 'Tuple': return newTuple(rt, displayItems(rt, frame, e.elts), 'display-or-list');
    case 'List': {
      const k = frame.unit.displayConst.get(e);
      if (k && k.payload.kind === 'tuple') return newList(rt, k.payload.items.map((i) => rt.incref(i)));
      return newList(rt, displayItems(rt, frame, e.elts));
    }
    case 'Set': {
      const k = frame.unit.displayConst.get(e);
      // BUILD_SET then SET_UPDATE from the constant frozenset: a merge into an empty set.
      if (k && k.payload.kind === 'set') return newSetFrom(rt, k, false);
      return buildSet(rt, displayItems(rt, frame, e.elts));
    }
    case 'Dict': return buildDict(rt, frame, e);
    case 'FString': return buildFString(rt, frame, e.parts);
    case 'Attribute': {
      const v = evalExpr(rt, frame, e.value);
      try {
        return getAttribute(rt, v, e.attr);
      } finally {
        rt.decref(v);
      }
    }
    case 'Subscript': {
      const v = evalExpr(rt, frame, e.value);
      const held: PyObj[] = [v];
      try {
        if (e.index.kind === 'Slice') {
          const bounds = [e.index.lower, e.index.upper, e.index.step].map((x) => {
            const b = x ? evalExpr(rt, frame, x) : null;
            if (b) held.push(b);
            return b;
          });
          return getSlice(rt, v, bounds[0], bounds[1], bounds[2]);
        }
        const i = evalExpr(rt, frame, e.index);
        held.push(i);
        return getItem(rt, v, i);
      } finally {
        for (const h of held) rt.decref(h);
      }
    }
    case 'BinOp': {
      const l = evalExpr(rt, frame, e.left);
      let r: PyObj | null = null;
      try {
        r = evalExpr(rt, frame, e.right);
        return binaryOp(rt, e.op, l, r);
      } finally {
        rt.decref(l);
        if (r) rt.decref(r);
      }
    }
    case 'UnaryOp': {
      const v = evalExpr(rt, frame, e.operand);
      try {
        if (e.op === '-') return negate(rt, v);
        const t = truthOrGiveUp(v);
        return bool(rt, !t);
      } finally {
        rt.decref(v);
      }
    }
    case 'Compare': return evalCompare(rt, frame, e);
    case 'Call': return callExpr(rt, frame, e);
    default:
      giveUp(`no rule for the expression ${e.kind}`);
  }
}

function truthOrGiveUp(v: PyObj): boolean {
  const t = truthy(v);
  if (t === null) giveUp('the truth of a value the model does not know');
  return t;
}

/** A bool the model may not know: an unknown bool object, observed as null. */
export function boolOrUnknown(rt: Runtime, b: boolean | null): PyObj {
  if (b === null) {
    // True or False, both shared: which one, and so its count, is unknown.
    const o = rt.alloc({ kind: 'bool', value: false, unknown: true });
    o.identityUnknown = true;
    o.rcExact = false;
    return o;
  }
  return bool(rt, b);
}

/** A set of `items` (references taken over); an item equal to an earlier one is dropped (set_add). */
export function buildSet(rt: Runtime, items: PyObj[], frozen = false): PyObj {
  const kept: PyObj[] = [];
  for (const i of items) {
    checkHashable(i);
    const at = indexOfKey(kept, i);
    if (at === null) giveUp('a set of values the model cannot compare');
    if (at >= 0) rt.decref(i);
    else kept.push(i);
  }
  return newSet(rt, kept, frozen);
}

function buildDict(rt: Runtime, frame: Frame, e: Extract<Expr, { kind: 'Dict' }>): PyObj {
  const keyTuple = frame.unit.displayConst.get(e);
  const pairs: [PyObj, PyObj][] = [];
  if (keyTuple && keyTuple.payload.kind === 'tuple') {
    const values = e.entries.map(({ value }) => evalExpr(rt, frame, value));
    keyTuple.payload.items.forEach((k, i) => pairs.push([rt.incref(k), values[i]]));
  } else {
    for (const { key, value } of e.entries) {
      const k = evalExpr(rt, frame, key);
      pairs.push([k, evalExpr(rt, frame, value)]);
    }
  }
  const d = newDict(rt);
  for (const [k, v] of pairs) dictSet(rt, d, k, v);
  return d;
}

/** d[k] = v, taking over the references k and v (Objects/dictobject.c insertdict). */
export function dictSet(rt: Runtime, d: PyObj, k: PyObj, v: PyObj): void {
  if (d.payload.kind !== 'dict') throw new Error('dictSet on a non-dict');
  checkHashable(k);
  const i = indexOfKey(d.payload.keys, k);
  if (i === null) giveUp('a dict key the model cannot compare');
  if (i >= 0) {
    // insertdict runs MAINTAIN_TRACKING for a replaced value too (Objects/dictobject.c).
    dictInsertTracking(rt, d, d.payload.keys[i], v);
    const old = d.payload.values[i];
    d.payload.values[i] = v;
    rt.decref(k);
    rt.decref(old);
    return;
  }
  dictAppend(rt, d, k, v);
}

/** format(value, spec): `value` is the object when no conversion made a str of it (format-spec.ts). */
function formatText(text: string | null, spec: string, value: PyObj | null = null): string {
  if (spec !== '' && value) return applySpec(value, spec);
  if (text === null) giveUp('formatting a value whose text the model does not know');
  return spec === '' ? text : applySpec(text, spec);
}

function buildFString(rt: Runtime, frame: Frame, parts: FStringPart[]): PyObj {
  const texts: string[] = [];
  for (const p of parts) {
    if (typeof p === 'string') {
      texts.push(p);
      continue;
    }
    const v = evalExpr(rt, frame, p.value);
    try {
      const spec = p.spec ? p.spec.map((q) => (typeof q === 'string' ? q : giveUp('a nested format field'))).join('') : '';
      if (parts.length === 1 && (!p.conversion || p.conversion === 's') && v.payload.kind === 'str') {
        // FORMAT_VALUE of an exact str (str() of it, for !s, is itself) under no spec, or under
        // one that neither pads nor cuts it, is that str itself (PyObject_Format's fast path;
        // Python/formatter_unicode.c format_string_internal); a lone field needs no join.
        applySpec(v, spec);
        if (specKeepsStr(v.payload.value, spec)) {
          rt.fire('str-format-writer');
          return rt.incref(v);
        }
      }
      let text: string;
      if (p.conversion === 'r' || p.conversion === 'a') {
        const r = reprOf(v);
        if (r === null) giveUp('the repr of a value the model does not know');
        text = formatText(p.conversion === 'a' ? asciiOf(r) : r, spec);
      } else {
        text = formatText(strOf(v), spec, p.conversion ? null : v);
      }
      texts.push(text);
    } finally {
      rt.decref(v);
    }
  }
  const joined = texts.join('');
  if (joined.length === 0) return newStr(rt, '');
  const o = rt.alloc({ kind: 'str', value: joined, interned: false });
  // One-character results of formatting: whether CPython hands out its shared latin-1 string
  // depends on the path; the model does not claim either.
  if ([...joined].length === 1) o.identityUnknown = true;
  return o;
}

/** Two id() results of distinct objects: whether their addresses match is the reuse rule's call. */
function comparesAddresses(a: PyObj, b: PyObj): boolean {
  const p = a.payload;
  const q = b.payload;
  return p.kind === 'int' && q.kind === 'int' && p.idOf !== undefined && q.idOf !== undefined && p.idOf !== q.idOf;
}

function evalCompare(rt: Runtime, frame: Frame, e: Extract<Expr, { kind: 'Compare' }>): PyObj {
  let left = evalExpr(rt, frame, e.left);
  for (let i = 0; i < e.ops.length; i++) {
    let right: PyObj;
    try {
      // Only right of `in` is a display of constants the constant itself (code-unit.ts); elsewhere
      // the map holds what a list or dict display is built from, not the display's value.
      const op = e.ops[i];
      const rhs = e.comparators[i]!;
      const k = (op === 'in' || op === 'not in') && (rhs.kind === 'List' || rhs.kind === 'Set') ? frame.unit.displayConst.get(rhs) : undefined;
      right = k ? rt.incref(k) : evalExpr(rt, frame, rhs);
    } catch (err) {
      rt.decref(left);
      throw err;
    }
    let result: boolean | null;
    try {
      result = compareOnce(e.ops[i], left, right);
      if (result !== null && comparesAddresses(left, right)) rt.fire('memory-reuse');
    } catch (err) {
      rt.decref(left);
      rt.decref(right);
      throw err;
    }
    rt.decref(left);
    if (i === e.ops.length - 1 || result !== true) {
      rt.decref(right);
      if (result === null && i < e.ops.length - 1) giveUp('a comparison chain the model cannot follow');
      return boolOrUnknown(rt, result);
    }
    left = right;
  }
  throw new Error('unreachable');
}

function identity(a: PyObj, b: PyObj): boolean | null {
  // Objects of unequal value are never one object, whatever the model does not know of them.
  if (a.identityUnknown || b.identityUnknown) return unequalStrs(a, b) ? false : null;
  if (mayBeSame(a, b)) return null;
  return a === b;
}

function unequalStrs(a: PyObj, b: PyObj): boolean {
  return a.payload.kind === 'str' && b.payload.kind === 'str' && a.payload.value !== b.payload.value;
}

export function compareOnce(op: string, a: PyObj, b: PyObj): boolean | null {
  switch (op) {
    case 'is': return identity(a, b);
    case 'is not': { const r = identity(a, b); return r === null ? null : !r; }
    case '==': return equals(a, b);
    case '!=': { const r = equals(a, b); return r === null ? null : !r; }
    case 'in': return contains(b, a);
    case 'not in': { const r = contains(b, a); return r === null ? null : !r; }
    default: {
      const c = order(a, b, op);
      if (c === null) return null;
      if (Number.isNaN(c)) return false;
      switch (op) {
        case '<': return c < 0;
        case '<=': return c <= 0;
        case '>': return c > 0;
        case '>=': return c >= 0;
      }
      throw new PyException('TypeError', op);
    }
  }
}
