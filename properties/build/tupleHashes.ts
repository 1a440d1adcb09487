// `hash(t)` of a tuple: its items' hashes mixed (Objects/tupleobject.c tuplehash). Only items whose
// hash is a function of their value, so that the observation is one the model can predict: an
// instance's hash is its address, and so is None's before 3.12.
import type { Expr } from '../../language/ast.ts';
import type { Pick } from './extendedPlan.ts';
import type { Heap, SymObject } from './heap.ts';
import { call, int, name, str } from './nodes.ts';

const VALUE_HASHED = new Set(['int', 'float', 'str', 'bytes', 'bool']);

function hashedByValue(heap: Heap, o: SymObject): boolean {
  if (o.kind === 'tuple') return o.items.every((i) => hashedByValue(heap, heap.get(i)));
  return VALUE_HASHED.has(o.kind);
}

/**
 * `hash(t)` of a bound tuple hashed by value when `a` is even and one is bound, else `hash((x, y))`
 * of names hashed by value, or of the constants `1` and `'a'` where there are none.
 */
export function tupleHash(a: Pick, b: Pick, heap: Heap): Expr {
  const byValue = (o: SymObject): boolean => hashedByValue(heap, o);
  const bound = a % 2 === 0 ? heap.choose(a >> 1, (o) => o.kind === 'tuple' && byValue(o)) : null;
  if (bound !== null) return call(name('hash'), name(bound));
  const names = heap.eligible(byValue);
  const first = names.length > 0 ? names[a % names.length]! : null;
  const rest = names.filter((n) => n !== first);
  const second = rest.length > 0 ? rest[b % rest.length]! : null;
  return call(name('hash'), { kind: 'Tuple', elts: [first === null ? int(1n) : name(first), second === null ? str('a') : name(second)] });
}
