// Values made from a bound container: slices, conversions, and methods of dicts and lists.
import fc from 'fast-check';
import type { DerivedSpec } from '../build/extendedPlan.ts';
import { choose, isOn, type Branch, type Enabled } from './extensions.ts';
import { itemSpecArb } from './itemSpec.ts';
import { sliceFormArb } from './observationSpec.ts';
import { pickArb } from './picks.ts';

/** Null when no extension that makes them is on. */
export function derivedSpecArb(enabled: Enabled): fc.Arbitrary<DerivedSpec> | null {
  const branches: Branch<DerivedSpec>[] = [
    { weight: 2, needs: 'slices', arbitrary: fc.record({ source: pickArb(), form: sliceFormArb(enabled) }).map((r): DerivedSpec => ({ kind: 'slice', ...r })) },
    {
      weight: 1,
      needs: 'builtins',
      arbitrary: fc.record({ to: fc.constantFrom('tuple' as const, 'list' as const), source: pickArb() }).map((r): DerivedSpec => ({ kind: 'convert', ...r })),
    },
    {
      weight: 2,
      needs: 'dict-methods',
      arbitrary: fc.record({
        method: fc.constantFrom('get' as const, 'setdefault' as const, 'pop' as const, 'copy' as const),
        source: pickArb(),
        key: fc.constantFrom('k' as const, 'j' as const),
        item: itemSpecArb(),
      }).map((r): DerivedSpec => ({ kind: 'dict-method', ...r })),
    },
    {
      weight: 2,
      needs: 'list-methods',
      arbitrary: fc.record({ method: fc.constantFrom('pop' as const, 'copy' as const, 'index' as const), source: pickArb(), arg: pickArb() })
        .map((r): DerivedSpec => ({ kind: 'list-method', ...r })),
    },
  ];
  return branches.some((b) => b.needs === undefined || isOn(enabled, b.needs)) ? choose(enabled, branches) : null;
}
