// The built-in callables of the case language, and which object each returns
// (Python/bltinmodule.c, Objects/*object.c): int(x), str(x), tuple(x), frozenset(x), bytes(x) and
// float(x) return x itself when x already has exactly that type; int('257') and str(5) make new
// objects (small ints excepted); len() and ord() produce ints (small ones shared); chr(i) is the
// shared one-character string below 256.
import { numericText } from '../numeric-text.ts';
import type { Expr } from '../../language/ast.ts';
import type { PyObj } from '../objects.ts';
import { typeName } from '../objects.ts';
import { checkHashable, knownNum, operandItself, truthy } from '../ops.ts';
import { collect, trackingUnknown } from '../gc.ts';
import { getrefcount, knownCount } from '../refcount.ts';
import { countDeltaKnown, unknownCount } from '../count-deltas.ts';
import { reprOf } from '../repr.ts';
import { giveUp, PyException, type Runtime } from '../runtime.ts';
import { bool, builtinType, sharedEmptyFrozenset } from '../singletons.ts';
import { atLeast } from '../profile.ts';
import { addressOf, isSmallInt, newInt, unknownInt } from '../small-ints.ts';
import { markInterned, newStr } from '../strings.ts';
import { hashOf } from '../hashing.ts';
import { newBytes, newDict, newFloat, newList, newSetFrom, newTuple } from '../values.ts';
import { boolOrUnknown, buildSet, dictSet } from './expressions.ts';
import type { Frame } from './frame.ts';
import { newWeakref } from '../weakrefs.ts';
import { setOrder } from '../set-order.ts';
import { iterateView, viewLength, type Consumer } from '../dict-views.ts';
import { setOfDict } from '../set-algebra.ts';
import { setTrackedAtCreation } from '../tracking.ts';

function arity(name: string, args: PyObj[], min: number, max: number): void {
  if (args.length < min || args.length > max) {
    throw new PyException('TypeError', `${name}() takes ${min === max ? min : `${min} to ${max}`} arguments (${args.length} given)`);
  }
}

/**
 * The items of an iterable, as new references. `consumer` says who asks: list_extend (list(),
 * extend, +=) or anything else, which walks an iterator (tuple(), set(), and PySequence_Fast, which
 * makes its list from an iterator: join, a slice assignment).
 */
export function iterate(rt: Runtime, o: PyObj, consumer: Consumer = 'iterator'): PyObj[] {
  const p = o.payload;
  switch (p.kind) {
    case 'view': return iterateView(rt, o, consumer);
    case 'list': case 'tuple': return p.items.map((i) => rt.incref(i));
    case 'dict': return p.keys.map((k) => rt.incref(k));
    case 'set': {
      const order = setOrder(o);
      if (!order) giveUp('iterating a set whose hash order the model does not know');
      return order.map((i) => rt.incref(i));
    }
    case 'str': return [...p.value].map((c) => newStr(rt, c));
    case 'bytes': return [...p.value].map((c) => newInt(rt, BigInt(c.charCodeAt(0))));
    default: throw new PyException('TypeError', `'${typeName(o)}' object is not iterable`);
  }
}

function parseIntText(text: string): bigint {
  const stripped = numericText(text);
  const t = stripped.replace(/_/g, '');
  if (!/^[+-]?\d+$/.test(t) || /__|^_|_$/.test(stripped)) {
    throw new PyException('ValueError', `invalid literal for int() with base 10: ${reprOrQ(text)}`);
  }
  return BigInt(t);
}

function reprOrQ(s: string): string {
  return JSON.stringify(s);
}

function toInt(rt: Runtime, x: PyObj): PyObj {
  const p = x.payload;
  if (p.kind === 'int') return p.unknown ? giveUp('int() of an unknown value') : rt.incref(x);
  if (p.kind === 'bool') return newInt(rt, p.value ? 1n : 0n);
  if (p.kind === 'float') {
    if (!Number.isFinite(p.value)) throw new PyException(Number.isNaN(p.value) ? 'ValueError' : 'OverflowError');
    return newInt(rt, BigInt(Math.trunc(p.value)));
  }
  if (p.kind === 'str') {
    const value = parseIntText(p.value);
    const made = newInt(rt, value);
    const digits = /^[+-]?([1-9]\d*)$/.exec(numericText(p.value));
    if (digits && !isSmallInt(rt.profile, value) && made.payload.kind === 'int') made.payload.parsedDigits = digits[1]!.length;
    return made;
  }
  if (p.kind === 'bytes') return newInt(rt, parseIntText(p.value));
  throw new PyException('TypeError', `int() argument must be a string, a bytes-like object or a real number, not '${typeName(x)}'`);
}

// A decimal float literal, where PEP 515 lets an underscore stand between two digits
// (Python/pystrtod.c _Py_string_to_number_with_underscores).
const DIGITS = String.raw`\d(?:_?\d)*`;
const DECIMAL_FLOAT = new RegExp(`^[+-]?(${DIGITS}(\\.(${DIGITS})?)?|\\.${DIGITS})(e[+-]?${DIGITS})?$`);

function toFloat(rt: Runtime, x: PyObj): PyObj {
  const p = x.payload;
  if (p.kind === 'float') return rt.incref(x);
  const n = knownNum(x, 'float() of a value the model does not know');
  if (n) return newFloat(rt, n.t === 'int' ? Number(n.v) : n.v);
  if (p.kind === 'str') {
    const t = numericText(p.value).toLowerCase();
    if (DECIMAL_FLOAT.test(t)) return newFloat(rt, Number(t.replaceAll('_', '')));
    if (/^[+-]?(inf|infinity)$/.test(t)) return newFloat(rt, t.startsWith('-') ? -Infinity : Infinity);
    if (/^[+-]?nan$/.test(t)) return newFloat(rt, NaN);
    throw new PyException('ValueError', 'could not convert string to float');
  }
  throw new PyException('TypeError', `float() argument must be a string or a real number, not '${typeName(x)}'`);
}

/**
 * str(x): x itself for an exact str. For an int, a new string every time, even of one character
 * (Objects/longobject.c long_to_decimal_string_internal fills a fresh PyUnicode_New and returns it
 * without looking for the shared latin-1 string). Other types return strings the interpreter may
 * share (bool_repr returns its static "True"), so their identity and count are left unknown.
 */
function toStr(rt: Runtime, x: PyObj): PyObj {
  if (x.payload.kind === 'str') return rt.incref(x);
  const text = reprOf(x);
  if (text === null) giveUp('str() of an object whose text shows an address');
  return madeText(rt, x, text);
}

/**
 * The str that str() or repr() of a non-str object returns: an int's is always new
 * (Objects/longobject.c long_to_decimal_string_internal fills a str of its own, never the shared
 * one-character one); other types may hand out a str they keep (bool_repr, none_repr), so its
 * identity is unknown. repr() of a str adds quotes: a new str of two characters or more.
 */
function madeText(rt: Runtime, x: PyObj, text: string): PyObj {
  if (x.payload.kind === 'int') return rt.alloc({ kind: 'str', value: text, interned: false });
  const s = newStr(rt, text);
  if (x.payload.kind !== 'str' && s.rcExact) {
    s.identityUnknown = true;
    s.rcExact = false;
  }
  return s;
}

export function callBuiltin(rt: Runtime, frame: Frame | null, name: string, args: PyObj[], argExprs: Expr[] | null): PyObj {
  switch (name) {
    case 'sys.getrefcount': {
      arity('getrefcount', args, 1, 1);
      const n = getrefcount(rt, frame, args[0], argExprs ? argExprs[0] : null);
      if (n !== null) return newInt(rt, n);
      return countDeltaKnown(args[0]) ? unknownCount(rt, args[0], knownCount(rt, frame, args[0])) : unknownInt(rt);
    }
    case 'sys.intern': {
      arity('intern', args, 1, 1);
      const s = args[0];
      if (s.payload.kind !== 'str') throw new PyException('TypeError', `intern() argument must be str, not ${typeName(s)}`);
      rt.fire('sys-intern');
      if (s.payload.interned) return rt.incref(s);
      const known = rt.interned.get(s.payload.value);
      if (known) return rt.incref(known);
      // The interpreter may already hold an equal interned string: then that one is returned.
      markInterned(rt, s);
      s.identityUnknown = true;
      return rt.incref(s);
    }
    case 'gc.collect': {
      arity('collect', args, 0, 1);
      let gen = 2;
      if (args.length) {
        const n = knownNum(args[0], 'gc.collect() of a value the model does not know');
        if (!n || n.t !== 'int') throw new PyException('TypeError', 'an integer is required');
        if (n.v < 0n || n.v > 2n) throw new PyException('ValueError', 'invalid generation');
        gen = Number(n.v);
      }
      const found = collect(rt, gen);
      return found === null ? unknownInt(rt) : newInt(rt, BigInt(found));
    }
    case 'gc.is_tracked':
      arity('is_tracked', args, 1, 1);
      return trackingUnknown(rt, args[0]) ? boolOrUnknown(rt, null) : bool(rt, args[0].tracked);
    case 'weakref.ref': case 'ReferenceType': {
      arity('ref', args, 1, 2);
      const cb = args.length > 1 && args[1].payload.kind !== 'none' ? args[1] : null;
      return newWeakref(rt, args[0], cb);
    }
    case 'len': {
      arity('len', args, 1, 1);
      const p = args[0].payload;
      switch (p.kind) {
        case 'str': return newInt(rt, BigInt([...p.value].length));
        case 'bytes': return newInt(rt, BigInt(p.value.length));
        case 'list': case 'tuple': case 'set': return newInt(rt, BigInt(p.items.length));
        case 'dict': return newInt(rt, BigInt(p.keys.length));
        case 'view': return newInt(rt, BigInt(viewLength(p)));
        default: throw new PyException('TypeError', `object of type '${typeName(args[0])}' has no len()`);
      }
    }
    case 'id':
      arity('id', args, 1, 1);
      return addressOf(rt, args[0]);
    case 'type':
      arity('type', args, 1, 1);
      return typeOf(rt, args[0]);
    case 'repr': {
      arity('repr', args, 1, 1);
      const r = reprOf(args[0]);
      if (r === null) giveUp('the repr of an object that shows an address');
      return madeText(rt, args[0], r);
    }
    case 'hash': {
      arity('hash', args, 1, 1);
      checkHashable(args[0]);
      const k = args[0].payload.kind;
      if (k === 'int' || k === 'float' || k === 'bool') rt.fire('hash-numbers');
      else if (k === 'str' || k === 'bytes') rt.fire('hash-str');
      else if (k === 'tuple') rt.fire('hash-tuple');
      const h = hashOf(args[0], rt.profile);
      if (h !== null) return newInt(rt, h);
      return unknownInt(rt);
    }
    case 'bool':
      arity('bool', args, 0, 1);
      if (!args.length) return bool(rt, false);
      return boolOrUnknown(rt, truthy(args[0]));
    case 'int':
      arity('int', args, 0, 1);
      return args.length ? toInt(rt, args[0]) : newInt(rt, 0n);
    case 'float':
      arity('float', args, 0, 1);
      return args.length ? toFloat(rt, args[0]) : newFloat(rt, 0);
    case 'str':
      arity('str', args, 0, 1);
      return args.length ? toStr(rt, args[0]) : newStr(rt, '');
    case 'bytes': {
      arity('bytes', args, 0, 1);
      if (!args.length) return newBytes(rt, '');
      const p = args[0].payload;
      if (p.kind === 'bytes') return operandItself(rt, args[0]);
      const n = knownNum(args[0], 'bytes() of a value the model does not know');
      if (n && n.t === 'int') {
        if (n.v < 0n) throw new PyException('ValueError', 'negative count');
        if (n.v > 100000n) giveUp('a large bytes object');
        // A zeroed buffer (bytes_new with an int, _PyBytes_FromSize): a new object even of one byte;
        // only the empty bytes is the shared one.
        return n.v === 0n ? newBytes(rt, '') : rt.alloc({ kind: 'bytes', value: '\0'.repeat(Number(n.v)) });
      }
      if (p.kind === 'str') throw new PyException('TypeError', 'string argument without an encoding');
      const items = iterate(rt, args[0]);
      let text = '';
      for (const i of items) {
        const v = knownNum(i, 'an item of bytes() of a value the model does not know');
        rt.decref(i);
        if (!v || v.t !== 'int') throw new PyException('TypeError', 'an integer is required');
        if (v.v < 0n || v.v > 255n) throw new PyException('ValueError', 'bytes must be in range(0, 256)');
        text += String.fromCharCode(Number(v.v));
      }
      return newBytes(rt, text);
    }
    case 'chr': {
      arity('chr', args, 1, 1);
      const n = knownNum(args[0], 'chr() of a value the model does not know');
      if (!n || n.t !== 'int') throw new PyException('TypeError', 'an integer is required');
      if (n.v < 0n || n.v > 0x10ffffn) throw new PyException('ValueError', 'chr() arg not in range(0x110000)');
      return newStr(rt, String.fromCodePoint(Number(n.v)));
    }
    case 'ord': {
      arity('ord', args, 1, 1);
      const p = args[0].payload;
      if (p.kind === 'str' && [...p.value].length === 1) return newInt(rt, BigInt(p.value.codePointAt(0) ?? 0));
      if (p.kind === 'bytes' && p.value.length === 1) return newInt(rt, BigInt(p.value.charCodeAt(0)));
      throw new PyException('TypeError', 'ord() expected a character');
    }
    case 'tuple':
      arity('tuple', args, 0, 1);
      if (!args.length) return newTuple(rt, []);
      if (args[0].payload.kind === 'tuple') return operandItself(rt, args[0]);
      return newTuple(rt, iterate(rt, args[0]), args[0].payload.kind === 'list' ? 'display-or-list' : 'other');
    case 'list':
      arity('list', args, 0, 1);
      return newList(rt, args.length ? iterate(rt, args[0], 'list') : []);
    case 'set':
    case 'frozenset': {
      arity(name, args, 0, 1);
      if (name === 'frozenset' && args.length && args[0].payload.kind === 'set' && args[0].payload.frozen) return operandItself(rt, args[0]);
      if (name === 'frozenset' && !args.length && !atLeast(rt.profile, 3, 10)) {
        // Up to 3.9 the empty frozenset is a singleton (Objects/setobject.c emptyfrozenset).
        return sharedEmptyFrozenset(rt);
      }
      const frozen = name === 'frozenset';
      const kind = args.length ? args[0].payload.kind : null;
      const made = kind === 'set' ? newSetFrom(rt, args[0], frozen)
        : kind === 'dict' ? setOfDict(rt, args[0], frozen, (o) => setTrackedAtCreation(rt, o))
        : buildSet(rt, args.length ? iterate(rt, args[0]) : [], frozen);
      if (name === 'frozenset' && !atLeast(rt.profile, 3, 10) && made.payload.kind === 'set' && made.payload.items.length === 0) {
        // frozenset_new drops an empty result for the singleton.
        rt.decref(made);
        return sharedEmptyFrozenset(rt);
      }
      return made;
    }
    case 'dict': {
      arity('dict', args, 0, 1);
      const d = newDict(rt);
      if (args.length) {
        const p = args[0].payload;
        if (p.kind !== 'dict') giveUp('dict() of something other than a dict');
        p.keys.forEach((k, i) => dictSet(rt, d, rt.incref(k), rt.incref(p.values[i])));
      }
      return d;
    }
    case 'object':
      arity('object', args, 0, 0);
      return rt.alloc({ kind: 'object' });
    default:
      giveUp(`the builtin ${name}`);
  }
}

export function typeOf(rt: Runtime, o: PyObj): PyObj {
  const p = o.payload;
  if (p.kind === 'instance') return rt.incref(p.cls.obj);
  if (p.kind === 'class') return builtinType(rt, 'type');
  const n = typeName(o);
  return builtinType(rt, n as Parameters<typeof builtinType>[1]);
}
