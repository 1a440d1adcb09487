// Values made from a bound container: slices, `tuple()`/`list()` conversions, and the methods of
// dicts and lists that return a value. Each keeps what the builder knows about the items.
import type { Expr, SliceExpr } from '../../language/ast.ts';
import type { DerivedSpec, SliceForm } from './extendedPlan.ts';
import { Heap, isKind, type SymObject } from './heap.ts';
import { call, int, method, name, str, subscript } from './nodes.ts';
import { buildItem, type Built } from './values.ts';

export function sliceExpr(form: SliceForm): SliceExpr {
  switch (form) {
    case 'tail':
      return { kind: 'Slice', lower: int(1n), upper: null, step: null };
    case 'copy':
      return { kind: 'Slice', lower: null, upper: null, step: null };
    case 'reverse':
      return { kind: 'Slice', lower: null, upper: null, step: int(-1n) };
    case 'head':
      return { kind: 'Slice', lower: null, upper: int(2n), step: null };
  }
}

function sliced<T>(items: readonly T[], form: SliceForm): T[] {
  switch (form) {
    case 'tail':
      return items.slice(1);
    case 'copy':
      return [...items];
    case 'reverse':
      return [...items].reverse();
    case 'head':
      return items.slice(0, 2);
  }
}

const sliceable = isKind('list', 'tuple', 'str');

/** The object `x[form]` evaluates to (a full slice of a tuple or str is the object itself). */
export function sliceOf(heap: Heap, obj: SymObject, form: SliceForm): SymObject {
  if (form === 'copy' && obj.kind !== 'list') return obj;
  if (obj.kind === 'str') {
    if (obj.text !== undefined) return heap.str(sliced([...obj.text], form).join(''));
    const len = obj.len === undefined ? undefined : sliced(Array.from({ length: obj.len }), form).length;
    return heap.str(undefined, len);
  }
  const items = sliced(obj.items, form);
  return heap.create(obj.kind, { items, len: items.length });
}

/**
 * Not a set: the builder knows which objects a set may hold, not which it does (an equal item
 * keeps the place of another), and the items of a list must be known for later steps to use them.
 */
function convertible(obj: SymObject): boolean {
  return obj.kind === 'list' || obj.kind === 'tuple' || obj.kind === 'dict' || (obj.kind === 'str' && obj.len !== undefined);
}

/** The items `list(obj)` would hold, as symbolic objects. */
function itemsOf(heap: Heap, obj: SymObject): number[] {
  if (obj.kind === 'str') {
    const chars = obj.text === undefined ? Array.from({ length: obj.len ?? 0 }, () => undefined) : [...obj.text];
    return chars.map((c) => (c === undefined ? heap.str(undefined, 1) : heap.str(c)).id);
  }
  if (obj.kind === 'dict') return [...obj.fields.keys()].map((k) => heap.str(k).id);
  return [...obj.items];
}

export function buildDerived(spec: DerivedSpec, heap: Heap): Built | null {
  switch (spec.kind) {
    case 'slice': {
      const src = heap.choose(spec.source, sliceable);
      if (src === null) return null;
      return { expr: subscript(name(src), sliceExpr(spec.form)), obj: sliceOf(heap, heap.objectOf(src), spec.form) };
    }
    case 'convert': {
      const src = heap.choose(spec.source, convertible);
      if (src === null) return null;
      const source = heap.objectOf(src);
      const expr = call(name(spec.to), name(src));
      if (spec.to === 'tuple' && source.kind === 'tuple') return { expr, obj: source };
      const items = itemsOf(heap, source);
      return { expr, obj: heap.create(spec.to, { items, len: items.length }) };
    }
    case 'dict-method':
      return dictMethod(spec, heap);
    case 'list-method':
      return listMethod(spec, heap);
  }
}

function dictMethod(spec: Extract<DerivedSpec, { kind: 'dict-method' }>, heap: Heap): Built | null {
  const src = heap.choose(spec.source, isKind('dict'));
  if (src === null) return null;
  const d = heap.objectOf(src);
  const key = str(spec.key);
  const present = d.fields.get(spec.key);
  const noneObj = (): SymObject => heap.create('none');
  switch (spec.method) {
    case 'get':
      return { expr: method(name(src), 'get', key), obj: present === undefined ? noneObj() : heap.get(present) };
    case 'copy':
      return { expr: method(name(src), 'copy'), obj: heap.create('dict', { fields: new Map(d.fields), len: d.fields.size }) };
    case 'setdefault':
    case 'pop': {
      const item = buildItem(spec.item, heap);
      if (item === null) return null;
      if (spec.method === 'pop') {
        if (present === undefined) return { expr: method(name(src), 'pop', key, item.expr), obj: item.obj };
        d.fields.delete(spec.key);
        d.len = d.fields.size;
        return { expr: method(name(src), 'pop', key), obj: heap.get(present) };
      }
      if (present !== undefined) return { expr: method(name(src), 'setdefault', key, item.expr), obj: heap.get(present) };
      d.fields.set(spec.key, item.obj.id);
      d.len = d.fields.size;
      return { expr: method(name(src), 'setdefault', key, item.expr), obj: item.obj };
    }
  }
}

function listMethod(spec: Extract<DerivedSpec, { kind: 'list-method' }>, heap: Heap): Built | null {
  switch (spec.method) {
    case 'pop': {
      const src = heap.choose(spec.source, (o) => o.kind === 'list' && o.items.length > 0);
      if (src === null) return null;
      const l = heap.objectOf(src);
      const last = l.items.pop()!;
      l.len = l.items.length;
      return { expr: method(name(src), 'pop'), obj: heap.get(last) };
    }
    case 'copy': {
      const src = heap.choose(spec.source, isKind('list'));
      if (src === null) return null;
      const l = heap.objectOf(src);
      return { expr: method(name(src), 'copy'), obj: heap.create('list', { items: [...l.items], len: l.items.length }) };
    }
    case 'index': {
      // `l.index(x)` of an object in `l`: found at the latest where it is (identity implies equality).
      const src = heap.choose(spec.source, (o) => o.kind === 'list' && o.items.length > 0);
      if (src === null) return null;
      const l = heap.objectOf(src);
      const arg = heap.choose(spec.arg, (o) => l.items.includes(o.id) && !heap.cyclic(o));
      const expr: Expr = arg === null ? method(name(src), 'index', subscript(name(src), int(0n))) : method(name(src), 'index', name(arg));
      return { expr, obj: heap.create('int') };
    }
  }
}
