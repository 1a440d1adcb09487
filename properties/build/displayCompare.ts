// A bound object compared with a display of constants: `a == [1, 257, 'a']`, `a in (257, 'a')`,
// `a not in {1, 'a'}`. The compiler folds such a display into a constant (a tuple, or a frozenset
// on the right of `in`: Python/flowgraph.c), but `==` compares the value the display builds.
import type { Expr } from '../../language/ast.ts';
import { hashable } from './compat.ts';
import type { DisplayForm, Pick } from './extendedPlan.ts';
import type { Heap } from './heap.ts';
import { compare, int, name, str } from './nodes.ts';

function display(form: DisplayForm): Expr {
  switch (form) {
    case 'list':
      return { kind: 'List', elts: [int(1n), int(257n), str('a')] };
    case 'tuple':
      return { kind: 'Tuple', elts: [int(257n), str('a')] };
    case 'nested-tuple':
      return { kind: 'Tuple', elts: [int(1n), { kind: 'Tuple', elts: [int(2n), str('hello world')] }] };
    case 'dict':
      return { kind: 'Dict', entries: [{ key: str('k'), value: int(257n) }] };
    case 'set':
      return { kind: 'Set', elts: [int(1n), str('a')] };
    case 'empty-list':
      return { kind: 'List', elts: [] };
    case 'empty-tuple':
      return { kind: 'Tuple', elts: [] };
    case 'empty-dict':
      return { kind: 'Dict', entries: [] };
  }
}

/** `a == <display>` and the like, or null when nothing bound can be compared so. */
export function displayCompare(op: '==' | '!=' | 'in' | 'not in', form: DisplayForm, pick: Pick, heap: Heap): Expr | null {
  // Membership in a set or a dict hashes the object; equality must not recurse without end.
  const hashes = (op === 'in' || op === 'not in') && (form === 'set' || form === 'dict' || form === 'empty-dict');
  const a = heap.choose(pick, (o) => !heap.cyclic(o) && (!hashes || hashable(heap, o)));
  return a === null ? null : compare(name(a), op, display(form));
}
