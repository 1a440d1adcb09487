// Ints: the small-int cache's boundaries (-5 and 256), their neighbours, large values, ints made
// at run time and constant expressions the compiler folds.
import fc from 'fast-check';
import type { IntSpec } from '../build/extendedPlan.ts';
import { pickArb } from './picks.ts';

/** The small-int cache's edges: -5 and 256 are cached, -6 and 257 are not. Simplest first (shrinking goes there). */
export const BOUNDARY_INTS: readonly bigint[] = [257n, 256n, -5n, -6n];
export const OTHER_INTS: readonly bigint[] = [0n, 1n, 5n, -1n, 100n, 255n, 1000n, 2n ** 30n, 2n ** 62n, 10n ** 20n];
export const INT_VALUES: readonly bigint[] = [...BOUNDARY_INTS, ...OTHER_INTS];

export const FOLDED_INTS: readonly Extract<IntSpec, { kind: 'int-folded' }>[] = [
  { kind: 'int-folded', op: '+', left: 250n, right: 7n },
  { kind: 'int-folded', op: '**', left: 2n, right: 8n },
  { kind: 'int-folded', op: '+', left: 255n, right: 1n },
  { kind: 'int-folded', op: '-', left: -3n, right: 2n },
  { kind: 'int-folded', op: '*', left: 128n, right: 2n },
  { kind: 'int-folded', op: '-', left: 1000n, right: 743n },
  { kind: 'int-folded', op: '**', left: 2n, right: 30n },
  { kind: 'int-folded', op: '**', left: 2n, right: 62n },
  { kind: 'int-folded', op: '**', left: 10n, right: 20n },
];

export function intSpecArb(): fc.Arbitrary<IntSpec> {
  return fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...OTHER_INTS).map((value): IntSpec => ({ kind: 'int-literal', value })) },
    { weight: 3, arbitrary: fc.constantFrom(...BOUNDARY_INTS).map((value): IntSpec => ({ kind: 'int-literal', value })) },
    { weight: 2, arbitrary: fc.constantFrom(...FOLDED_INTS) },
    { weight: 3, arbitrary: fc.constantFrom(257n, 5n, 256n, -5n, 1000n, 10n ** 20n).map((value): IntSpec => ({ kind: 'int-of-str', value })) },
    {
      weight: 3,
      arbitrary: fc.record({ op: fc.constantFrom('+' as const, '-' as const, '*' as const), source: pickArb() })
        .map(({ op, source }): IntSpec => ({ kind: 'int-arith', op, source })),
    },
  );
}
