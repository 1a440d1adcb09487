// `x.__dict__`: the dict of an instance's attributes, bound to a name, observed, and written
// through (`a.__dict__['k'] = 1` sets an attribute). It shares its entries with the instance.
import type { Expr, Stmt } from '../../language/ast.ts';
import type { DictKey, ItemSpec, Pick } from './extendedPlan.ts';
import { hasDict } from './classes.ts';
import type { Heap, SymObject } from './heap.ts';
import { assign, attr, compare, moduleCall, name, str, subscript, call } from './nodes.ts';
import { buildItem, type Built } from './values.ts';

export const dictExpr = (owner: string): Expr => attr(name(owner), '__dict__');

export function instanceDict(pick: Pick, heap: Heap): Built | null {
  const src = heap.choose(pick, hasDict);
  if (src === null) return null;
  return { expr: dictExpr(src), obj: heap.dictOf(heap.objectOf(src)) };
}

/** A dict whose entries are an instance's attributes: clearing or deleting from it could take the tag a finalizer logs. */
export const ownedDict = (obj: SymObject): boolean => obj.owner !== undefined;

export type DictObservation = 'refcount' | 'tracked' | 'len' | 'value' | 'same';

/** The expression observing `a.__dict__`, and what it evaluates to (null: it may be None). */
export function observeDict(what: DictObservation, pick: Pick, heap: Heap): { expr: Expr; result: SymObject } | null {
  const src = heap.choose(pick, (o) => hasDict(o) && (what !== 'value' || heap.printable(heap.dictOf(o))));
  if (src === null) return null;
  const d = heap.dictOf(heap.objectOf(src));
  const of = dictExpr(src);
  switch (what) {
    case 'refcount':
      heap.uses.add('sys');
      return { expr: moduleCall('sys', 'getrefcount', of), result: heap.create('int') };
    case 'tracked':
      heap.uses.add('gc');
      return { expr: moduleCall('gc', 'is_tracked', of), result: heap.create('bool') };
    case 'len':
      return { expr: call(name('len'), of), result: heap.create('int') };
    case 'value':
      return { expr: of, result: d };
    case 'same':
      return { expr: compare(of, 'is', dictExpr(src)), result: heap.create('bool') };
  }
}

/** `a.__dict__['k'] = item`. */
export function dictSetitem(obj: Pick, key: DictKey, itemSpec: ItemSpec, heap: Heap): Stmt[] {
  const o = heap.choose(obj, hasDict);
  if (o === null) return [];
  const item = buildItem(itemSpec, heap);
  if (item === null) return [];
  const d = heap.dictOf(heap.objectOf(o));
  d.fields.set(key, item.obj.id);
  return [assign([subscript(dictExpr(o), str(key))], item.expr)];
}
