// Methods of the built-in types beyond the core's: dict views and popitem, set algebra, more str
// methods (lstrip, rstrip, title, capitalize, zfill, format, encode) and bytes.decode, int's
// bit_length; and the in-place `l.sort()` and `s.clear()`.
import type { Stmt } from '../../language/ast.ts';
import type { MoreMethod, Pick, Slot } from './extendedPlan.ts';
import { orderable } from './compat.ts';
import { ownedDict } from './instanceDicts.ts';
import { isKind, type Heap, type SymObject } from './heap.ts';
import { assign, exprStmt, int, method, name, str } from './nodes.ts';
import type { Built } from './values.ts';

const ASCII = /^[\x00-\x7f]*$/;

function receiverFits(m: MoreMethod, heap: Heap): (o: SymObject) => boolean {
  switch (m) {
    case 'keys':
    case 'values':
    case 'items':
      return isKind('dict');
    case 'popitem':
      return (o) => o.kind === 'dict' && o.fields.size > 0 && !ownedDict(o);
    case 'union':
    case 'intersection':
    case 'difference':
      return isKind('set', 'frozenset');
    case 'lstrip':
    case 'rstrip':
    case 'title':
    case 'capitalize':
    case 'zfill':
    case 'encode':
    case 'str-count':
      return isKind('str');
    case 'format':
      return (o) => heap.printable(o);
    case 'decode':
      return (o) => o.kind === 'bytes' && o.text !== undefined && ASCII.test(o.text);
    case 'bit_length':
      return isKind('int');
  }
}

export function moreMethod(m: MoreMethod, pick: Pick, otherPick: Pick, heap: Heap): Built | null {
  const src = heap.choose(pick, receiverFits(m, heap));
  if (src === null) return null;
  const obj = heap.objectOf(src);
  const x = name(src);
  switch (m) {
    case 'keys':
    case 'values':
    case 'items':
      return { expr: method(x, m), obj: heap.create('view', { items: [obj.id] }) };
    case 'popitem': {
      // The last key inserted goes first (dicts keep insertion order).
      const [key, value] = [...obj.fields.entries()].at(-1)!;
      obj.fields.delete(key);
      obj.len = obj.fields.size;
      return { expr: method(x, 'popitem'), obj: heap.create('tuple', { items: [heap.str(key).id, value], len: 2 }) };
    }
    case 'union':
    case 'intersection':
    case 'difference': {
      const other = heap.choose(otherPick, isKind('set', 'frozenset')) ?? src;
      // Which items it holds is known only up to a superset (enough to know whether it prints).
      const items = m === 'union' ? [...obj.items, ...heap.objectOf(other).items] : [...obj.items];
      return { expr: method(x, m, name(other)), obj: heap.create(obj.kind, { items }) };
    }
    case 'lstrip':
      return { expr: method(x, 'lstrip'), obj: heap.str(obj.text?.trimStart()) };
    case 'rstrip':
      return { expr: method(x, 'rstrip'), obj: heap.str(obj.text?.trimEnd()) };
    case 'title':
    case 'capitalize':
      return { expr: method(x, m), obj: heap.str() };
    case 'zfill':
      return { expr: method(x, 'zfill', int(5n)), obj: heap.str() };
    case 'str-count':
      return { expr: method(x, 'count', str('a')), obj: heap.create('int') };
    case 'format': {
      const other = heap.choose(otherPick, (o) => heap.printable(o)) ?? src;
      return { expr: method(str('{}-{}'), 'format', x, name(other)), obj: heap.str() };
    }
    case 'encode': {
      const ascii = obj.text !== undefined && ASCII.test(obj.text);
      return { expr: method(x, 'encode'), obj: heap.create('bytes', ascii ? { text: obj.text, len: obj.len } : {}) };
    }
    case 'decode':
      return { expr: method(x, 'decode'), obj: heap.str(obj.text) };
    case 'bit_length':
      return { expr: method(x, 'bit_length'), obj: heap.create('int') };
  }
}

/**
 * `l.sort()` of items that order among themselves, `s.clear()` of a set. Few lists a program
 * makes hold only mutually ordered items, so with none bound `sort` binds one first, in `seed`.
 */
export function mutateMore(which: 'sort' | 'set-clear', pick: Pick, seed: Slot, heap: Heap): Stmt[] {
  if (which === 'set-clear') {
    const s = heap.choose(pick, isKind('set'));
    if (s === null) return [];
    heap.objectOf(s).items = [];
    return [exprStmt(method(name(s), 'clear'))];
  }
  const out: Stmt[] = [];
  let l = heap.choose(pick, (o) => o.kind === 'list' && sortable(heap, o));
  if (l === null) {
    l = heap.slot(seed);
    const values = [1000n, 2n, 257n];
    heap.bind(l, heap.create('list', { len: values.length, items: values.map((value) => heap.create('int', { value }).id) }).id);
    out.push(assign([name(l)], { kind: 'List', elts: values.map(int) }));
  }
  // The new order is not known here: the items are scalars of one kind, which later steps treat alike.
  out.push(exprStmt(method(name(l), 'sort')));
  return out;
}

/** Scalars of one order family only: items of items would be reordered where later steps read them. */
function sortable(heap: Heap, list: SymObject): boolean {
  const items = list.items.map((i) => heap.get(i));
  return items.every((a) => SCALAR(a) && items.every((b) => orderable(heap, a, b)));
}

const SCALAR = isKind('int', 'float', 'bool', 'str', 'bytes');
