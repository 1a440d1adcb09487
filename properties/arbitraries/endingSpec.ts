// The statements a program may end with that raise on purpose (one of each exception kind).
import fc from 'fast-check';
import type { EndingSpec } from '../build/extendedPlan.ts';
import { choose, type Enabled } from './extensions.ts';
import { moreEndingBranches } from './moreEndingSpec.ts';
import { pickArb, slotArb } from './picks.ts';

export function endingSpecArb(enabled: Enabled): fc.Arbitrary<EndingSpec> {
  const core = coreEndingArb(enabled);
  return choose<EndingSpec>(enabled, [{ weight: 6, arbitrary: core }, ...moreEndingBranches(core)]);
}

function coreEndingArb(enabled: Enabled): fc.Arbitrary<EndingSpec> {
  // Bound methods and slots belong to the classes extension.
  const callees = enabled.has('classes') ? (['function', 'class', 'method'] as const) : (['function', 'class'] as const);
  return choose<EndingSpec>(enabled, [
    { weight: 1, arbitrary: pickArb().map((container): EndingSpec => ({ kind: 'missing-key', container })) },
    { weight: 1, arbitrary: pickArb().map((container): EndingSpec => ({ kind: 'index-out-of-range', container })) },
    { weight: 1, arbitrary: slotArb().map((slot): EndingSpec => ({ kind: 'unbound-name', slot })) },
    { weight: 1, arbitrary: fc.constantFrom(...callees).map((callee): EndingSpec => ({ kind: 'wrong-arity', callee })) },
    { weight: 1, arbitrary: pickArb().map((source): EndingSpec => ({ kind: 'zero-division', source })) },
    { weight: 1, arbitrary: pickArb().map((obj): EndingSpec => ({ kind: 'slot-violation', obj })), needs: 'classes' },
  ]);
}
