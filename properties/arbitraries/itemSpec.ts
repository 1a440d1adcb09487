// What goes into a container: mostly bound names (aliasing, cycles), else small literals.
import fc from 'fast-check';
import type { ItemSpec } from '../build/extendedPlan.ts';
import { pickArb } from './picks.ts';

export function itemSpecArb(): fc.Arbitrary<ItemSpec> {
  return fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(1n, 2n, 257n, -5n, 0n).map((value): ItemSpec => ({ kind: 'item-int', value })) },
    { weight: 1, arbitrary: fc.constantFrom('a', 'abc', 'hello world').map((value): ItemSpec => ({ kind: 'item-str', value })) },
    { weight: 1, arbitrary: fc.constant<ItemSpec>({ kind: 'item-none' }) },
    { weight: 4, arbitrary: pickArb().map((source): ItemSpec => ({ kind: 'item-name', source })) },
  );
}

/**
 * What goes into a set: no None literal (before 3.12 its hash is its address, so the order of a
 * set holding it is unknown); the builder takes only hashable names.
 */
export function setItemSpecArb(): fc.Arbitrary<ItemSpec> {
  return fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(1n, 2n, 257n, -5n, 0n).map((value): ItemSpec => ({ kind: 'item-int', value })) },
    { weight: 2, arbitrary: fc.constantFrom('a', 'abc', 'hello world').map((value): ItemSpec => ({ kind: 'item-str', value })) },
    { weight: 3, arbitrary: pickArb().map((source): ItemSpec => ({ kind: 'item-name', source })) },
  );
}
