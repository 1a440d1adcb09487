// Every kind of observation of SPEC section 2, weighted toward identity, reference counts, the
// collector and finalizers.
import fc from 'fast-check';
import type { ObservationSpec } from '../plan.ts';
import { pickArb } from './picks.ts';

type Obs = ObservationSpec;
const one = <K extends Obs['kind']>(kind: K) => pickArb().map((a) => ({ kind, a }) as Obs);
const two = <K extends 'id-eq' | 'eq'>(kind: K) => fc.record({ a: pickArb(), b: pickArb() }).map((r) => ({ kind, ...r }) as Obs);
const bare = (kind: 'delta' | 'collect' | 'log' | 'underscore') => fc.constant<Obs>({ kind });

export function observationSpecArb(): fc.Arbitrary<ObservationSpec> {
  return fc.oneof(
    { weight: 4, arbitrary: fc.record({ a: pickArb(), b: pickArb(), negate: fc.boolean() }).map((r): Obs => ({ kind: 'is', ...r })) },
    { weight: 2, arbitrary: two('id-eq') },
    { weight: 1, arbitrary: fc.constantFrom('object' as const, 'list' as const, 'instance' as const).map((what): Obs => ({ kind: 'fresh-id', what })) },
    { weight: 3, arbitrary: one('refcount') },
    { weight: 4, arbitrary: bare('delta') },
    { weight: 4, arbitrary: pickArb().map((w): Obs => ({ kind: 'weak-dead', w })) },
    { weight: 1, arbitrary: fc.record({ w: pickArb(), a: pickArb() }).map((r): Obs => ({ kind: 'weak-is', ...r })) },
    { weight: 3, arbitrary: bare('collect') },
    { weight: 2, arbitrary: one('is-tracked') },
    { weight: 1, arbitrary: one('type-name') },
    { weight: 2, arbitrary: bare('log') },
    { weight: 2, arbitrary: two('eq') },
    { weight: 1, arbitrary: one('len') },
    { weight: 2, arbitrary: one('value') },
    { weight: 2, arbitrary: one('item') },
    { weight: 2, arbitrary: one('hash') },
    { weight: 3, arbitrary: bare('underscore') },
    { weight: 1, arbitrary: one('call-refcount') },
    { weight: 1, arbitrary: one('probe') },
  );
}
