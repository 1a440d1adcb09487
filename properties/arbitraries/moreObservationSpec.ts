// The observations the extensions add, as weighted branches of `observationSpecArb`.
import fc from 'fast-check';
import type { DisplayForm, FreshKind, ObservationSpec } from '../build/extendedPlan.ts';
import type { Branch } from './extensions.ts';
import { moreSliceFormArb } from './moreValueSpec.ts';
import { pickArb } from './picks.ts';

type Obs = ObservationSpec;
const FRESH: readonly FreshKind[] = ['float', 'tuple', 'dict', 'method', 'set', 'int', 'bytes'];
const DISPLAYS: readonly DisplayForm[] = ['list', 'tuple', 'nested-tuple', 'dict', 'set', 'empty-list', 'empty-tuple', 'empty-dict'];

export function moreObservationBranches(): Branch<Obs>[] {
  return [
    { weight: 2, needs: 'gc-generations', arbitrary: fc.constantFrom<0 | 1 | 2>(0, 1, 2).map((generation): Obs => ({ kind: 'collect-gen', generation })) },
    { weight: 2, needs: 'memory-reuse', arbitrary: fc.record({ what: fc.constantFrom(...FRESH), a: pickArb() }).map((r): Obs => ({ kind: 'fresh-id-more', ...r })) },
    {
      // A kept address is compared only after the step that keeps it, so this is asked for often.
      weight: 5,
      needs: 'memory-reuse',
      arbitrary: fc.record({ a: pickArb(), fresh: fc.constantFrom('name' as const, 'list' as const, 'object' as const, 'instance' as const, 'float' as const) })
        .map((r): Obs => ({ kind: 'kept-id', ...r })),
    },
    {
      weight: 2,
      needs: 'instance-dicts',
      arbitrary: fc.record({ what: fc.constantFrom('refcount' as const, 'tracked' as const, 'len' as const, 'value' as const, 'same' as const), a: pickArb() })
        .map((r): Obs => ({ kind: 'dict-of', ...r })),
    },
    { weight: 2, needs: 'resurrection', arbitrary: fc.constant<Obs>({ kind: 'kept' }) },
    {
      weight: 4,
      needs: 'weakref-kinds',
      arbitrary: fc.record({ what: fc.constantFrom('tracked' as const, 'refcount' as const, 'type' as const, 'same' as const), w: pickArb() })
        .map((r): Obs => ({ kind: 'weak-obs', ...r })),
    },
    { weight: 1, needs: 'callables', arbitrary: fc.record({ a: pickArb(), b: pickArb() }).map((r): Obs => ({ kind: 'type-is', ...r })) },
    { weight: 1, needs: 'arithmetic', arbitrary: fc.record({ op: fc.constantFrom('not' as const, 'neg' as const), a: pickArb() }).map((r): Obs => ({ kind: 'unary-obs', ...r })) },
    {
      weight: 2,
      needs: 'slice-forms',
      arbitrary: fc.record({ a: pickArb(), form: moreSliceFormArb(), as: fc.constantFrom('is' as const, 'value' as const) }).map((r): Obs => ({ kind: 'slice-more-obs', ...r })),
    },
    {
      weight: 1,
      needs: 'more-methods',
      arbitrary: fc.record({ method: fc.constantFrom('endswith' as const, 'count' as const, 'bit_length' as const), a: pickArb() })
        .map((r): Obs => ({ kind: 'query-more', ...r })),
    },
    { weight: 2, needs: 'builtins', arbitrary: fc.record({ a: pickArb(), b: pickArb() }).map((r): Obs => ({ kind: 'hash-tuple', ...r })) },
    { weight: 2, needs: 'formatting', arbitrary: pickArb().map((a): Obs => ({ kind: 'printf-obs', a })) },
    { weight: 2, needs: 'formatting', arbitrary: fc.record({ a: pickArb(), b: pickArb() }).map((r): Obs => ({ kind: 'format-obs', ...r })) },
    {
      weight: 1,
      needs: 'display-compare',
      arbitrary: fc.record({ op: fc.constantFrom('==' as const, '!=' as const, 'in' as const, 'not in' as const), display: fc.constantFrom(...DISPLAYS), a: pickArb() })
        .map((r): Obs => ({ kind: 'display-compare', ...r })),
    },
  ];
}
