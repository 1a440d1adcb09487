// Values made by calls: instances of the small classes (C and its subclass E have a finalizer,
// D has none), `object()`, and the user functions that return their argument, wrap it in a list
// or return a constant default.
import fc from 'fast-check';
import type { CallSpec, ClassName } from '../plan.ts';
import { pickArb } from './picks.ts';

export function callSpecArb(): fc.Arbitrary<CallSpec> {
  return fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom<ClassName>('C', 'D', 'C', 'E').map((cls): CallSpec => ({ kind: 'instance', cls })) },
    { weight: 1, arbitrary: fc.constant<CallSpec>({ kind: 'object' }) },
    { weight: 1, arbitrary: pickArb().map((source): CallSpec => ({ kind: 'call-identity', source })) },
    { weight: 1, arbitrary: pickArb().map((source): CallSpec => ({ kind: 'call-wrap', source })) },
    { weight: 1, arbitrary: fc.constant<CallSpec>({ kind: 'call-default' }) },
  );
}
