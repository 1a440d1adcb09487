// Tuples (constant ones the compiler folds, and ones built at run time), lists and dicts.
import fc from 'fast-check';
import type { ContainerSpec, DictKey, ItemSpec } from '../plan.ts';
import { itemSpecArb } from './itemSpec.ts';

// Empty displays are singletons or constants in places, so they get a weight of their own.
const items = () => fc.oneof(fc.constant<ItemSpec[]>([]), fc.array(itemSpecArb(), { minLength: 1, maxLength: 3 }));

export function containerSpecArb(): fc.Arbitrary<ContainerSpec> {
  return fc.oneof(
    { weight: 2, arbitrary: items().map((i): ContainerSpec => ({ kind: 'tuple', items: i })) },
    { weight: 1, arbitrary: items().map((i): ContainerSpec => ({ kind: 'tuple-of-list', items: i })) },
    { weight: 3, arbitrary: items().map((i): ContainerSpec => ({ kind: 'list', items: i })) },
    {
      weight: 2,
      arbitrary: fc.oneof(fc.constant<{ key: DictKey; item: ItemSpec }[]>([]), fc.array(fc.record({ key: fc.constantFrom<DictKey>('k', 'j'), item: itemSpecArb() }), { minLength: 1, maxLength: 2 }))
        .map((entries): ContainerSpec => ({ kind: 'dict', entries })),
    },
  );
}
