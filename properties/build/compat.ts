// Which objects an operation accepts without raising: what may go into a set or be a dict key,
// which pairs `<` orders, which objects can never be equal. The builder asks these before it
// writes `{a}`, `a < b` or `l.remove(a)`, so that a generated statement does not raise by accident.
import type { Heap, ObjKind, SymObject } from './heap.ts';

const HASHABLE: ReadonlySet<ObjKind> = new Set(['int', 'float', 'str', 'bytes', 'bool', 'none', 'ellipsis', 'frozenset', 'instance', 'object']);

/** `hash(obj)` succeeds: an immutable scalar, a frozenset, an instance, or a tuple of such. */
export function hashable(heap: Heap, obj: SymObject): boolean {
  if (obj.kind === 'tuple') return obj.items.every((i) => hashable(heap, heap.get(i)));
  return HASHABLE.has(obj.kind);
}

/** What `==` can be true across: numbers with numbers, sequences of one kind, sets with sets. */
type EqualityFamily = 'number' | 'str' | 'bytes' | 'tuple' | 'list' | 'dict' | 'set' | 'none' | 'ellipsis' | 'identity';

function equalityFamily(obj: SymObject): EqualityFamily {
  switch (obj.kind) {
    case 'int':
    case 'float':
    case 'bool':
      return 'number';
    case 'set':
    case 'frozenset':
      return 'set';
    case 'str':
    case 'bytes':
    case 'tuple':
    case 'list':
    case 'dict':
    case 'none':
    case 'ellipsis':
      return obj.kind;
    default:
      return 'identity';
  }
}

/** True when `a == b` is False whatever their values (instances compare by identity). */
export function neverEqual(a: SymObject, b: SymObject): boolean {
  if (a.id === b.id) return false;
  const fa = equalityFamily(a);
  return fa !== equalityFamily(b) || fa === 'identity';
}

/** What `<` orders among: numbers, strs, bytes, and tuples or lists of items of one of these. */
type OrderFamily = 'number' | 'str' | 'bytes';

function scalarOrder(obj: SymObject): OrderFamily | null {
  const f = equalityFamily(obj);
  return f === 'number' || f === 'str' || f === 'bytes' ? f : null;
}

/**
 * True when `a < b` neither raises nor recurses: scalars of one order family, or two tuples (two
 * lists) whose items all belong to one order family (the first unequal pair decides).
 */
export function orderable(heap: Heap, a: SymObject, b: SymObject): boolean {
  const fa = scalarOrder(a);
  if (fa !== null) return fa === scalarOrder(b);
  if ((a.kind !== 'tuple' && a.kind !== 'list') || a.kind !== b.kind) return false;
  const families = new Set<OrderFamily | null>([...a.items, ...b.items].map((i) => scalarOrder(heap.get(i))));
  return families.size <= 1 && !families.has(null);
}

/** True when `a` has an order with something (itself at least). */
export function orderableAlone(heap: Heap, a: SymObject): boolean {
  return orderable(heap, a, a);
}

/** True when `item in container` neither raises nor recurses without end. */
export function containsWorks(heap: Heap, item: SymObject, container: SymObject): boolean {
  switch (container.kind) {
    case 'str':
      return item.kind === 'str';
    case 'bytes':
      return item.kind === 'bytes';
    case 'dict':
    case 'set':
    case 'frozenset':
      return hashable(heap, item) && !heap.cyclic(item);
    case 'tuple':
    case 'list':
      return !heap.cyclic(item) && !heap.cyclic(container);
    default:
      return false;
  }
}
