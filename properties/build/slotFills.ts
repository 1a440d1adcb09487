// `a.other = x` then `a.me = y` on an instance with `__slots__`: when it dies, CPython drops its
// slot values in the order of the sorted slot names (`me` before `other`), not in the order they
// were set, which the finalizers of what they hold can show.
import type { Stmt } from '../../language/ast.ts';
import type { ClassName, Pick, Slot } from './extendedPlan.ts';
import { anyObject, type Heap, type SymObject } from './heap.ts';
import { buildInstance } from './instances.ts';
import { assign, attr, name } from './nodes.ts';

/** S and V declare `other` and `me` in their slots; U(S) inherits them. */
const SLOTTED: ReadonlySet<ClassName> = new Set(['S', 'V', 'U']);

export const slotted = (o: SymObject): boolean => o.kind === 'instance' && o.cls !== undefined && SLOTTED.has(o.cls);

/** With no slotted instance bound, the step makes an S first in the slot `fresh` names. */
export function fillSlots(objPick: Pick, values: [Pick, Pick], fresh: Slot, heap: Heap): Stmt[] {
  const out: Stmt[] = [];
  let a = heap.choose(objPick, slotted);
  if (a === null) {
    a = heap.slot(fresh);
    const made = buildInstance('S', heap, a);
    heap.bind(a, made.obj.id);
    out.push(assign([name(a)], made.expr));
  }
  const obj = heap.objectOf(a);
  // `a` itself is bound, so a name is always found (the instance may hold itself: a cycle). Two
  // different objects where there are two, or the order they are dropped in shows nothing.
  const first = heap.choose(values[0], anyObject)!;
  const second = heap.choose(values[1], (o) => o !== heap.objectOf(first)) ?? first;
  for (const [slot, v] of [['other', first], ['me', second]] as const) {
    obj.fields.set(slot, heap.objectOf(v).id);
    out.push(assign([attr(name(a), slot)], name(v)));
  }
  return out;
}
