// Tuples (constant ones the compiler folds, and ones built at run time), lists, dicts, and sets.
import fc from 'fast-check';
import type { ContainerSpec, DictKey, ItemSpec } from '../build/extendedPlan.ts';
import { choose, isOn, type Enabled } from './extensions.ts';
import { itemSpecArb, setItemSpecArb } from './itemSpec.ts';

// Empty displays are singletons or constants in places, so they get a weight of their own.
const items = (item: fc.Arbitrary<ItemSpec> = itemSpecArb()) => fc.oneof(fc.constant<ItemSpec[]>([]), nonEmpty(item));
const nonEmpty = (item: fc.Arbitrary<ItemSpec>) => fc.array(item, { minLength: 1, maxLength: 3 });

export function containerSpecArb(enabled: Enabled): fc.Arbitrary<ContainerSpec> {
  return choose<ContainerSpec>(enabled, [
    { weight: 4, arbitrary: items().map((i): ContainerSpec => ({ kind: 'tuple', items: i })) },
    { weight: 2, arbitrary: items().map((i): ContainerSpec => ({ kind: 'tuple-of-list', items: i })) },
    { weight: 6, arbitrary: items().map((i): ContainerSpec => ({ kind: 'list', items: i })) },
    {
      weight: 4,
      arbitrary: fc.oneof(fc.constant<{ key: DictKey; item: ItemSpec }[]>([]), fc.array(fc.record({ key: fc.constantFrom<DictKey>('k', 'j'), item: itemSpecArb() }), { minLength: 1, maxLength: 2 }))
        .map((entries): ContainerSpec => ({ kind: 'dict', entries })),
    },
    { weight: 3, needs: 'sets', arbitrary: items(setItemSpecArb()).map((i): ContainerSpec => ({ kind: 'set', items: i })) },
    { weight: 2, needs: 'sets', arbitrary: (isOn(enabled, 'empty-frozenset') ? items : nonEmpty)(setItemSpecArb()).map((i): ContainerSpec => ({ kind: 'frozenset', items: i })) },
    // Three or more constants: from 3.9 the compiler makes the display from a constant frozenset,
    // whose order up to 3.13 is that of the frozenset rebuilt from its own iteration.
    { weight: 1, needs: 'sets', arbitrary: constantSetArb() },
  ]);
}

/** `{1, 'a', 257}`: a set display of three or four constants. */
export function constantSetArb(): fc.Arbitrary<ContainerSpec> {
  return fc.array(constantItemArb(), { minLength: 3, maxLength: 4 }).map((i): ContainerSpec => ({ kind: 'set', items: i }));
}

function constantItemArb(): fc.Arbitrary<ItemSpec> {
  return fc.oneof(
    fc.constantFrom(1n, 2n, 9n, 257n, -5n, 0n).map((value): ItemSpec => ({ kind: 'item-int', value })),
    fc.constantFrom('a', 'abc', 'hello world').map((value): ItemSpec => ({ kind: 'item-str', value })),
  );
}
