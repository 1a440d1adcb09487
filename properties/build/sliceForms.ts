// The slices beyond the core's: a negative start (`x[-2:]`), a step (`x[::2]`), past the end
// (`x[5:]`), the middle (`x[1:2]`), of lists, tuples, strs and bytes; slice assignment and deletion.
import type { SliceExpr, Stmt } from '../../language/ast.ts';
import type { ItemSpec, MoreSliceForm, Pick } from './extendedPlan.ts';
import { isKind, type Heap, type SymObject } from './heap.ts';
import { del, int, name, subscript, assign } from './nodes.ts';
import { sliceExpr } from './derived.ts';
import { buildItem, type Built } from './values.ts';

export const sliceableMore = isKind('list', 'tuple', 'str', 'bytes');

export function moreSliceExpr(form: MoreSliceForm): SliceExpr {
  const s = (lower: bigint | null, upper: bigint | null, step: bigint | null): SliceExpr => ({
    kind: 'Slice',
    lower: lower === null ? null : int(lower),
    upper: upper === null ? null : int(upper),
    step: step === null ? null : int(step),
  });
  switch (form) {
    case 'neg-tail':
      return s(-2n, null, null);
    case 'step':
      return s(null, null, 2n);
    case 'past':
      return s(5n, null, null);
    case 'middle':
      return s(1n, 2n, null);
  }
}

function sliceItems<T>(items: readonly T[], form: MoreSliceForm): T[] {
  switch (form) {
    case 'neg-tail':
      return items.slice(-2);
    case 'step':
      return items.filter((_, i) => i % 2 === 0);
    case 'past':
      return items.slice(5);
    case 'middle':
      return items.slice(1, 2);
  }
}

/** What `x[form]` evaluates to, as far as the builder knows it. */
export function moreSliceOf(heap: Heap, obj: SymObject, form: MoreSliceForm): SymObject {
  if (obj.kind === 'str' || obj.kind === 'bytes') {
    const text = obj.text === undefined ? undefined : sliceItems([...obj.text], form).join('');
    const len = text !== undefined ? [...text].length : obj.len === undefined ? undefined : sliceItems(Array.from({ length: obj.len }), form).length;
    return obj.kind === 'str' ? heap.str(text, len) : heap.create('bytes', { text, len });
  }
  const items = sliceItems(obj.items, form);
  return heap.create(obj.kind, { items, len: items.length });
}

export function moreSlice(pick: Pick, form: MoreSliceForm, heap: Heap): Built | null {
  const src = heap.choose(pick, sliceableMore);
  if (src === null) return null;
  return { expr: subscript(name(src), moreSliceExpr(form)), obj: moreSliceOf(heap, heap.objectOf(src), form) };
}

/** `l[1:] = [item]`, `l[:] = []`, `l[:2] = [item]`: the list keeps its identity, its items change. */
export function sliceAssign(list: Pick, form: 'tail' | 'copy' | 'head', itemSpec: ItemSpec, empty: boolean, heap: Heap): Stmt[] {
  const l = heap.choose(list, isKind('list'));
  if (l === null) return [];
  const item = empty ? null : buildItem(itemSpec, heap);
  if (!empty && item === null) return [];
  const obj = heap.objectOf(l);
  const added = item === null ? [] : [item.obj.id];
  if (form === 'tail') obj.items = [...obj.items.slice(0, 1), ...added];
  else if (form === 'copy') obj.items = added;
  else obj.items = [...added, ...obj.items.slice(2)];
  obj.len = obj.items.length;
  return [assign([subscript(name(l), sliceExpr(form))], { kind: 'List', elts: item === null ? [] : [item.expr] })];
}

/** `del l[:1]`, `del l[::2]`. */
export function sliceDel(list: Pick, form: 'first' | 'step', heap: Heap): Stmt[] {
  const l = heap.choose(list, isKind('list'));
  if (l === null) return [];
  const obj = heap.objectOf(l);
  obj.items = form === 'first' ? obj.items.slice(1) : obj.items.filter((_, i) => i % 2 === 1);
  obj.len = obj.items.length;
  const index: SliceExpr = form === 'first'
    ? { kind: 'Slice', lower: null, upper: int(1n), step: null }
    : { kind: 'Slice', lower: null, upper: null, step: int(2n) };
  return [del(subscript(name(l), index))];
}
