// Methods of the built-in types. Which object a result is follows Objects/unicodeobject.c:
// strip/replace/zfill return the string itself when nothing changes (unicode_result_unchanged);
// ''.join of one exact str is that str; a one-character substring is the shared latin-1 string
// (_PyUnicode_FromASCII); other results are new objects.
import type { PyObj } from '../objects.ts';
import { typeName } from '../objects.ts';
import { checkHashable, equals, indexOfKey, knownNum, operandItself, order } from '../ops.ts';
import { giveUp, PyException, type Runtime } from '../runtime.ts';
import { bool, none } from '../singletons.ts';
import { newInt } from '../small-ints.ts';
import { newStr } from '../strings.ts';
import { newBytes, newList, newSetFrom, newTuple } from '../values.ts';
import { tableAdd, tableDiscard } from '../set-table.ts';
import { dummyReuse, setDifference, setIntersection, setUnion, setUpdate } from '../set-algebra.ts';
import { newView } from '../dict-views.ts';
import { strFormat } from '../format-spec.ts';
import { reprOf } from '../repr.ts';
import { hashOf } from '../hashing.ts';
import { dictSet } from './expressions.ts';
import { iterate } from './builtins.ts';
import { dropEntries, dropItemsLastFirst, dropSetItems } from '../dealloc.ts';

function want(name: string, args: PyObj[], min: number, max: number): void {
  if (args.length < min || args.length > max) throw new PyException('TypeError', `${name}() takes ${min} to ${max} arguments`);
}

function intArg(o: PyObj): bigint {
  const n = knownNum(o, 'an int argument of a value the model does not know');
  if (!n || n.t !== 'int') throw new PyException('TypeError', `'${typeName(o)}' object cannot be interpreted as an integer`);
  return n.v;
}

/**
 * A str built into a new buffer (PyUnicode_New): a new object even of one character — ASCII case
 * mapping (ascii_upper_or_lower) and join (_PyUnicode_JoinArray) never look for the shared latin-1
 * string. The empty string is the shared one.
 */
function freshStr(rt: Runtime, text: string): PyObj {
  if (text === '') return newStr(rt, '');
  rt.fire('str-fresh-buffer');
  return rt.alloc({ kind: 'str', value: text, interned: false });
}

/** A str whose construction path the model does not follow to the end: identity and count unknown. */
function unknownStr(rt: Runtime, text: string): PyObj {
  const o = freshStr(rt, text);
  if (o.rcExact) {
    o.identityUnknown = true;
    o.rcExact = false;
  }
  return o;
}

export function callMethodOfBuiltin(rt: Runtime, self: PyObj, name: string, args: PyObj[]): PyObj {
  const p = self.payload;
  if (p.kind === 'list') return listMethod(rt, self, p.items, name, args);
  if (p.kind === 'dict') return dictMethod(rt, self, name, args);
  if (p.kind === 'set') return setMethod(rt, self, name, args);
  if (p.kind === 'str') return strMethod(rt, self, p.value, name, args);
  if ((p.kind === 'int' || p.kind === 'bool') && name === 'bit_length') {
    // METH_NOARGS (Objects/clinic/longobject.c.h int_bit_length).
    want(name, args, 0, 0);
    const v = intArg(self);
    return newInt(rt, BigInt((v < 0n ? -v : v).toString(2).length) - (v === 0n ? 1n : 0n));
  }
  if (p.kind === 'bytes' && name === 'decode') {
    want(name, args, 0, 0);
    return newStr(rt, decodeUtf8(p.value));
  }
  giveUp(`the method ${typeName(self)}.${name}`);
}

function listMethod(rt: Runtime, self: PyObj, items: PyObj[], name: string, args: PyObj[]): PyObj {
  switch (name) {
    case 'append':
      want(name, args, 1, 1);
      items.push(rt.incref(args[0]));
      return none(rt);
    case 'extend': {
      want(name, args, 1, 1);
      const more = iterate(rt, args[0], 'list');
      items.push(...more);
      return none(rt);
    }
    case 'insert': {
      want(name, args, 2, 2);
      let i = intArg(args[0]);
      const n = BigInt(items.length);
      if (i < 0n) i = i + n < 0n ? 0n : i + n;
      if (i > n) i = n;
      items.splice(Number(i), 0, rt.incref(args[1]));
      return none(rt);
    }
    case 'pop': {
      want(name, args, 0, 1);
      if (!items.length) throw new PyException('IndexError', 'pop from empty list');
      let i = args.length ? intArg(args[0]) : -1n;
      if (i < 0n) i += BigInt(items.length);
      if (i < 0n || i >= BigInt(items.length)) throw new PyException('IndexError', 'pop index out of range');
      const [v] = items.splice(Number(i), 1);
      return v;
    }
    case 'clear': {
      want(name, args, 0, 0);
      // Objects/listobject.c _list_clear: items dropped last to first.
      dropItemsLastFirst(rt, items);
      return none(rt);
    }
    case 'remove': {
      want(name, args, 1, 1);
      const i = items.findIndex((x) => x === args[0] || equals(x, args[0]) === true);
      if (i < 0) throw new PyException('ValueError', 'list.remove(x): x not in list');
      const [v] = items.splice(i, 1);
      rt.decref(v);
      return none(rt);
    }
    case 'index': {
      want(name, args, 1, 1);
      const i = items.findIndex((x) => x === args[0] || equals(x, args[0]) === true);
      if (i < 0) throw new PyException('ValueError', 'x not in list');
      return newInt(rt, BigInt(i));
    }
    case 'count':
      want(name, args, 1, 1);
      return newInt(rt, BigInt(items.filter((x) => x === args[0] || equals(x, args[0]) === true).length));
    case 'copy':
      want(name, args, 0, 0);
      return newList(rt, items.map((i) => rt.incref(i)));
    case 'reverse':
      want(name, args, 0, 0);
      items.reverse();
      return none(rt);
    case 'sort':
      want(name, args, 0, 0);
      sortInPlace(rt, items);
      return none(rt);
    default:
      giveUp(`list.${name}`);
  }
}

function dictMethod(rt: Runtime, self: PyObj, name: string, args: PyObj[]): PyObj {
  const p = self.payload;
  if (p.kind !== 'dict') throw new Error('not a dict');
  const find = (k: PyObj): number => {
    checkHashable(k);
    const i = indexOfKey(p.keys, k);
    if (i === null) giveUp('a dict key the model cannot compare');
    return i;
  };
  switch (name) {
    case 'get': {
      want(name, args, 1, 2);
      const i = find(args[0]);
      if (i >= 0) return rt.incref(p.values[i]);
      return args.length > 1 ? rt.incref(args[1]) : none(rt);
    }
    case 'setdefault': {
      want(name, args, 1, 2);
      const i = find(args[0]);
      if (i >= 0) return rt.incref(p.values[i]);
      const v = args.length > 1 ? rt.incref(args[1]) : none(rt);
      dictSet(rt, self, rt.incref(args[0]), v);
      return rt.incref(v);
    }
    case 'pop': {
      want(name, args, 1, 2);
      const i = find(args[0]);
      if (i < 0) {
        if (args.length > 1) return rt.incref(args[1]);
        throw new PyException('KeyError');
      }
      const [k] = p.keys.splice(i, 1);
      const [v] = p.values.splice(i, 1);
      rt.decref(k);
      return v;
    }
    case 'update': {
      want(name, args, 1, 1);
      const q = args[0].payload;
      if (q.kind !== 'dict') giveUp('dict.update with something other than a dict');
      q.keys.forEach((k, i) => dictSet(rt, self, rt.incref(k), rt.incref(q.values[i])));
      return none(rt);
    }
    case 'clear': {
      want(name, args, 0, 0);
      dropEntries(rt, p);
      return none(rt);
    }
    case 'keys':
    case 'values':
    case 'items':
      want(name, args, 0, 0);
      return newView(rt, self, name);
    case 'popitem': {
      want(name, args, 0, 0);
      // Objects/dictobject.c dict_popitem_impl: the last entry's key and value move into a new
      // tuple (allocated before the size is checked; nothing observes it when the dict is empty).
      rt.fire('dict-popitem');
      if (p.keys.length === 0) throw new PyException('KeyError', 'popitem(): dictionary is empty');
      if (p.embedded) giveUp("popitem on a __dict__ that shares an object's inline values");
      const k = p.keys.pop() as PyObj;
      const v = p.values.pop() as PyObj;
      return newTuple(rt, [k, v]);
    }
    case 'copy': {
      want(name, args, 0, 0);
      const d = rt.alloc({ kind: 'dict', keys: [], values: [] });
      p.keys.forEach((k, i) => dictSet(rt, d, rt.incref(k), rt.incref(p.values[i])));
      if (self.tracked) rt.track(d);
      return d;
    }
    default:
      giveUp(`dict.${name}`);
  }
}

function setMethod(rt: Runtime, self: PyObj, name: string, args: PyObj[]): PyObj {
  const p = self.payload;
  if (p.kind !== 'set') throw new Error('not a set');
  switch (name) {
    case 'union': return setUnion(rt, iterate, self, args);
    case 'intersection': return setIntersection(rt, iterate, self, args);
    case 'difference': return setDifference(rt, iterate, self, args);
    case 'update':
      setUpdate(rt, iterate, self, args);
      return none(rt);
    case 'add': {
      want(name, args, 1, 1);
      checkHashable(args[0]);
      const i = indexOfKey(p.items, args[0]);
      if (i === null) giveUp('a set item the model cannot compare');
      if (i < 0) {
        p.items.push(rt.incref(args[0]));
        const h = hashOf(args[0], rt.profile);
        if (h === null) p.table = null;
        else if (p.table) tableAdd(p.table, args[0], h, () => false, dummyReuse(rt.profile));
      }
      return none(rt);
    }
    case 'discard':
    case 'remove': {
      want(name, args, 1, 1);
      checkHashable(args[0]);
      const i = indexOfKey(p.items, args[0]);
      if (i === null) giveUp('a set item the model cannot compare');
      if (i < 0) {
        if (name === 'remove') throw new PyException('KeyError');
        return none(rt);
      }
      const [v] = p.items.splice(i, 1);
      const h = hashOf(v, rt.profile);
      if (p.table && h !== null) tableDiscard(p.table, v, h, (a, b) => a === b);
      rt.decref(v);
      return none(rt);
    }
    case 'clear': {
      want(name, args, 0, 0);
      dropSetItems(rt, p);
      return none(rt);
    }
    case 'copy':
      want(name, args, 0, 0);
      if (p.frozen) return operandItself(rt, self);
      return newSetFrom(rt, self, false);
    default:
      giveUp(`set.${name}`);
  }
}

function strArg(o: PyObj, method: string): string {
  if (o.payload.kind !== 'str') throw new PyException('TypeError', `${method}() argument must be str, not ${typeName(o)}`);
  return o.payload.value;
}

function strMethod(rt: Runtime, self: PyObj, s: string, name: string, args: PyObj[]): PyObj {
  switch (name) {
    case 'upper':
    case 'lower': {
      want(name, args, 0, 0);
      if (BEYOND_LATIN_A.test(s)) giveUp('case mapping of text beyond Latin Extended-A');
      return freshStr(rt, name === 'upper' ? s.toUpperCase() : s.toLowerCase());
    }
    case 'capitalize':
    case 'title': {
      want(name, args, 0, 0);
      if (BEYOND_LATIN_A.test(s)) giveUp('case mapping of text beyond Latin Extended-A');
      // unicode_capitalize returns an empty str unchanged; title writes a new one (PyUnicode_New of
      // length 0 is the shared '' as well).
      if (s === '') return operandItself(rt, self);
      return freshStr(rt, name === 'title' ? titleCase(s) : titleChar(s[0]) + s.slice(1).toLowerCase());
    }
    case 'format':
      return strFormat(rt, self, args, reprOf);
    case 'strip':
    case 'lstrip':
    case 'rstrip': {
      want(name, args, 0, 1);
      if (args.length && args[0].payload.kind !== 'none') giveUp('strip with explicit characters');
      if (BEYOND_LATIN_A.test(s)) giveUp('stripping text beyond Latin Extended-A');
      // str.isspace up to U+017F (Objects/unicodetype_db.h): \t-\r, \x1c-\x1f, space, \x85, \xa0.
      const ws = '[ \\t\\n\\r\\x0b\\x0c\\x1c-\\x1f\\x85\\xa0]';
      let r = s;
      if (name !== 'rstrip') r = r.replace(new RegExp(`^${ws}+`), '');
      if (name !== 'lstrip') r = r.replace(new RegExp(`${ws}+$`), '');
      return r === s ? operandItself(rt, self) : newStr(rt, r);
    }
    case 'replace': {
      want(name, args, 2, 2);
      const a = strArg(args[0], name);
      const b = strArg(args[1], name);
      if (a === '' ) giveUp('replace of the empty string');
      if (!s.includes(a)) return operandItself(rt, self);
      return unknownStr(rt, s.split(a).join(b));
    }
    case 'join': {
      want(name, args, 1, 1);
      // PySequence_Fast: a list made from an iterator over the argument.
      const items = iterate(rt, args[0]);
      try {
        const texts = items.map((i) => {
          if (i.payload.kind !== 'str') throw new PyException('TypeError', 'sequence item: expected str instance');
          return i.payload.value;
        });
        if (items.length === 1) return rt.incref(items[0]);
        return freshStr(rt, texts.join(s));
      } finally {
        for (const i of items) rt.decref(i);
      }
    }
    case 'startswith':
    case 'endswith': {
      want(name, args, 1, 1);
      const a = strArg(args[0], name);
      const r = name === 'startswith' ? s.startsWith(a) : s.endsWith(a);
      return bool(rt, r);
    }
    case 'find':
    case 'index':
    case 'count': {
      want(name, args, 1, 1);
      const a = strArg(args[0], name);
      if (/[^\x00-\xff]/.test(s + a)) giveUp('searching text beyond latin-1');
      if (name === 'count') return newInt(rt, BigInt(a === '' ? s.length + 1 : s.split(a).length - 1));
      const i = s.indexOf(a);
      if (i < 0 && name === 'index') throw new PyException('ValueError', 'substring not found');
      return newInt(rt, BigInt(i));
    }
    case 'zfill': {
      want(name, args, 1, 1);
      const w = Number(intArg(args[0]));
      const chars = [...s];
      if (w <= chars.length) return operandItself(rt, self);
      // unicode_zfill pads a new buffer (pad(): PyUnicode_New, even of one character) and moves
      // a leading sign to the front.
      const zeros = '0'.repeat(w - chars.length);
      const signed = chars[0] === '+' || chars[0] === '-';
      const text = signed ? chars[0] + zeros + chars.slice(1).join('') : zeros + s;
      rt.fire('str-fresh-buffer');
      return rt.alloc({ kind: 'str', value: text, interned: false });
    }
    case 'encode': {
      want(name, args, 0, 0);
      // UTF-8: an ASCII str's bytes are copied (one byte is the shared bytes object), other text
      // is written by the encoder into a new object of two bytes or more.
      if (/[\ud800-\udfff]/u.test(s)) throw new PyException('UnicodeEncodeError', 'surrogates not allowed');
      return newBytes(rt, String.fromCharCode(...new TextEncoder().encode(s)));
    }
    case 'split': {
      want(name, args, 0, 0);
      if (/[^\x00-\x7f]/.test(s)) giveUp('splitting non-ASCII text');
      const parts = s.split(/[ \t\n\r\x0b\x0c\x1c-\x1f]+/).filter((x) => x !== '');
      if (parts.length === 1 && parts[0] === s) return newList(rt, [rt.incref(self)]);
      return newList(rt, parts.map((x) => newStr(rt, x)));
    }
    default:
      giveUp(`str.${name}`);
  }
}


/**
 * The case mappings the model follows: up to U+017F, where JavaScript's full case mapping is
 * Python's (checked character by character against 3.8, 3.12 and 3.13) and title case is upper
 * case but for ß ('Ss').
 */
const BEYOND_LATIN_A = /[^\u0000-\u017f]/;

function titleChar(c: string): string {
  return c === 'ß' ? 'Ss' : c.toUpperCase();
}

/** str.title (do_title): title case after a character without case, lower case after a cased one. */
function titleCase(s: string): string {
  let previousCased = false;
  let out = '';
  for (const c of s) {
    out += previousCased ? c.toLowerCase() : titleChar(c);
    previousCased = /[\p{Lowercase}\p{Uppercase}\p{Lt}]/u.test(c);
  }
  return out;
}

/** bytes.decode(): strict UTF-8 (UnicodeDecodeError otherwise). */
function decodeUtf8(data: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(Uint8Array.from([...data].map((c) => c.charCodeAt(0))));
  } catch {
    throw new PyException('UnicodeDecodeError', 'invalid utf-8');
  }
}

/**
 * list.sort (Objects/listobject.c list_sort_impl): a stable sort in place, no reference taken or
 * dropped. The model sorts ints, floats, bools, strs and bytes; items of kinds that do not order
 * with each other make CPython compare two of them sooner or later, which raises TypeError.
 */
function sortInPlace(rt: Runtime, items: PyObj[]): void {
  rt.fire('list-sort-in-place');
  if (items.length < 2) return;
  const scalar = (o: PyObj): boolean => ['int', 'float', 'bool', 'str', 'bytes'].includes(o.payload.kind);
  if (!items.every(scalar)) giveUp('sorting items other than numbers, strs and bytes');
  const keyed = items.map((o, i) => ({ o, i }));
  keyed.sort((a, b) => {
    const c = order(a.o, b.o, '<');
    if (c === null) giveUp('sorting values the model does not know');
    if (Number.isNaN(c)) giveUp('sorting a NaN (the order depends on the merge steps)');
    return c || a.i - b.i;
  });
  items.splice(0, items.length, ...keyed.map((k) => k.o));
}
