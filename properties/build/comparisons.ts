// The operands of a comparison or a chain of them (`a < b <= c`), chosen so that each operator
// applies to its pair: `==` and `!=` to anything that cannot recurse without end, `<` and the
// like to pairs that order, `in` to a container and an item it can look for.
import type { CompareOp, Pick } from './extendedPlan.ts';
import { containsWorks, orderable, orderableAlone } from './compat.ts';
import { Heap, isKind, type SymObject } from './heap.ts';

const isContainer = isKind('str', 'bytes', 'tuple', 'list', 'dict', 'set', 'frozenset');

const isMembership = (op: CompareOp): boolean => op === 'in' || op === 'not in';
const isEquality = (op: CompareOp): boolean => op === '==' || op === '!=';

/** Names for the operands, left to right, or null when nothing bound fits. */
export function compareOperands(heap: Heap, ops: readonly CompareOp[], picks: readonly Pick[]): string[] | null {
  if (ops.length === 1 && isMembership(ops[0]!)) {
    const b = heap.choose(picks[1]!, isContainer);
    if (b === null) return null;
    const container = heap.objectOf(b);
    const a = heap.choose(picks[0]!, (o) => containsWorks(heap, o, container));
    return a === null ? null : [a, b];
  }
  // Membership chains (`a in b in c`) are valid but say little: a chain is of equality and order.
  if (ops.some(isMembership)) return null;
  const first = heap.choose(picks[0]!, (o) => (isEquality(ops[0]!) ? !heap.cyclic(o) : orderableAlone(heap, o)));
  if (first === null) return null;
  const names = [first];
  for (const [i, op] of ops.entries()) {
    const left = heap.objectOf(names[i]!);
    const next = heap.choose(picks[i + 1]!, (o: SymObject) => (isEquality(op) ? !heap.cyclic(left) && !heap.cyclic(o) : orderable(heap, left, o)));
    if (next === null) return null;
    names.push(next);
  }
  return names;
}
