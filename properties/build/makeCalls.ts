// `x = make(a)`: instances of M made at one call site, inside `make`. From its second run CPython
// 3.13+ rewrites that site into CALL_ALLOC_AND_ENTER_INIT, which hands the argument to M's
// `__init__` without packing it in a tuple; `__init__` counts its argument, so the difference is an
// observation. The first such step of a program calls `make` twice, so that it always gets there.
import type { Expr, Stmt } from '../../language/ast.ts';
import type { Pick, Slot } from './extendedPlan.ts';
import { anyObject, surelyOwn, type Heap, type SymObject } from './heap.ts';
import { assign, call, name } from './nodes.ts';

export function makeCalls(targets: [Slot, Slot], args: [Pick, Pick], heap: Heap): Stmt[] {
  const calls = heap.uses.has('make') ? [1] : [0, 1];
  heap.uses.add('make');
  heap.uses.add('M');
  heap.uses.add('sys');
  return calls.map((i) => {
    const arg = argument(args[i]!, heap);
    const x = heap.slot(targets[i]!);
    const made = heap.create('instance', { cls: 'M' });
    made.fields.set('other', arg.obj.id);
    heap.bind(x, made.id);
    return assign([name(x)], call(name('make'), arg.expr));
  });
}

/**
 * Three times in four an object the program surely owns, or a new list when it has none:
 * `__init__` observes its absolute count, which for a shared object is the whole interpreter's
 * (see surelyOwn). A new list also when nothing is bound.
 */
function argument(pick: Pick, heap: Heap): { expr: Expr; obj: SymObject } {
  const preferOwn = pick % 4 !== 0;
  const own = preferOwn ? heap.choose(pick >> 2, surelyOwn) : null;
  // Preferring an own object and having none: a new list is one.
  const a = own ?? (preferOwn ? null : heap.choose(pick, anyObject));
  if (a === null) return { expr: { kind: 'List', elts: [] }, obj: heap.create('list', { len: 0 }) };
  return { expr: name(a), obj: heap.objectOf(a) };
}
