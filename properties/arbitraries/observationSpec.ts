// Every kind of observation of SPEC section 2, weighted toward identity, reference counts, the
// collector and finalizers.
import fc from 'fast-check';
import type { CompareOp, ObservationSpec, SliceForm } from '../build/extendedPlan.ts';
import { choose, isOn, type Enabled } from './extensions.ts';
import { moreObservationBranches } from './moreObservationSpec.ts';
import { pickArb } from './picks.ts';

type Obs = ObservationSpec;
const one = <K extends Obs['kind']>(kind: K) => pickArb().map((a) => ({ kind, a }) as Obs);
const two = <K extends 'id-eq' | 'eq' | 'count'>(kind: K) => fc.record({ a: pickArb(), b: pickArb() }).map((r) => ({ kind, ...r }) as Obs);
const bare = (kind: 'delta' | 'collect' | 'log' | 'underscore' | 'underscore-refcount') => fc.constant<Obs>({ kind });

export const sliceFormArb = (enabled: Enabled): fc.Arbitrary<SliceForm> =>
  fc.constantFrom<SliceForm>('tail', 'copy', 'head', ...(isOn(enabled, 'reverse-slices') ? ['reverse' as const] : []));

/** Equality and order: what a chain is made of (membership chains say little). */
const chainOpArb = (): fc.Arbitrary<CompareOp> => fc.constantFrom<CompareOp>('<', '<=', '>', '>=', '==', '!=');
const compareOpArb = (): fc.Arbitrary<CompareOp> => fc.constantFrom<CompareOp>('!=', '<', '<=', '>', '>=', 'in', 'not in');

export function observationSpecArb(enabled: Enabled): fc.Arbitrary<ObservationSpec> {
  return choose<Obs>(enabled, [
    { weight: 8, arbitrary: fc.record({ a: pickArb(), b: pickArb(), negate: fc.boolean() }).map((r): Obs => ({ kind: 'is', ...r })) },
    { weight: 4, arbitrary: two('id-eq') },
    { weight: 2, arbitrary: fc.constantFrom('object' as const, 'list' as const, 'instance' as const).map((what): Obs => ({ kind: 'fresh-id', what })) },
    { weight: 6, arbitrary: one('refcount') },
    { weight: 8, arbitrary: bare('delta') },
    { weight: 8, arbitrary: pickArb().map((w): Obs => ({ kind: 'weak-dead', w })) },
    { weight: 2, arbitrary: fc.record({ w: pickArb(), a: pickArb() }).map((r): Obs => ({ kind: 'weak-is', ...r })) },
    { weight: 6, arbitrary: bare('collect') },
    { weight: 4, arbitrary: one('is-tracked') },
    { weight: 2, arbitrary: one('type-name') },
    { weight: 4, arbitrary: bare('log') },
    { weight: 4, arbitrary: two('eq') },
    { weight: 2, arbitrary: one('len') },
    { weight: 4, arbitrary: one('value') },
    { weight: 4, arbitrary: one('item') },
    { weight: 4, arbitrary: one('hash') },
    { weight: 6, arbitrary: bare('underscore') },
    { weight: 2, arbitrary: one('call-refcount') },
    { weight: 2, arbitrary: one('probe') },
    { weight: 4, needs: 'comparisons', arbitrary: fc.record({ op: compareOpArb(), a: pickArb(), b: pickArb() }).map((r): Obs => ({ kind: 'compare', ...r })) },
    {
      weight: 2,
      needs: 'comparisons',
      arbitrary: fc.record({ ops: fc.tuple(chainOpArb(), chainOpArb()), a: pickArb(), b: pickArb(), c: pickArb() }).map((r): Obs => ({ kind: 'compare-chain', ...r })),
    },
    { weight: 2, needs: 'slices', arbitrary: fc.record({ a: pickArb(), form: sliceFormArb(enabled) }).map((r): Obs => ({ kind: 'slice-is', ...r })) },
    { weight: 1, needs: 'slices', arbitrary: fc.record({ a: pickArb(), form: sliceFormArb(enabled) }).map((r): Obs => ({ kind: 'slice-value', ...r })) },
    { weight: 2, needs: 'builtins', arbitrary: fc.record({ what: fc.constantFrom('float' as const, 'str' as const), a: pickArb() }).map((r): Obs => ({ kind: 'hash-of', ...r })) },
    { weight: 1, needs: 'builtins', arbitrary: one('repr') },
    { weight: 1, needs: 'builtins', arbitrary: one('bool') },
    { weight: 2, needs: 'str-methods', arbitrary: fc.record({ method: fc.constantFrom('startswith' as const, 'find' as const), a: pickArb() }).map((r): Obs => ({ kind: 'str-query', ...r })) },
    { weight: 1, needs: 'list-methods', arbitrary: two('count') },
    { weight: 2, needs: 'classes', arbitrary: one('method-call') },
    { weight: 1, needs: 'underscore', arbitrary: one('underscore-is') },
    { weight: 3, needs: 'underscore-refcount', arbitrary: bare('underscore-refcount') },
    ...moreObservationBranches(),
  ]);
}
