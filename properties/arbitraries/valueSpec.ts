// Any value a name may be bound to.
import fc from 'fast-check';
import type { ConstSpec, ValueSpec } from '../build/extendedPlan.ts';
import { bytesSpecArb } from './bytesSpec.ts';
import { callSpecArb } from './callSpec.ts';
import { containerSpecArb } from './containerSpec.ts';
import { derivedSpecArb } from './derivedSpec.ts';
import { choose, type Enabled } from './extensions.ts';
import { floatSpecArb } from './floatSpec.ts';
import { intSpecArb } from './intSpec.ts';
import { moreValueBranches } from './moreValueSpec.ts';
import { strSpecArb } from './strSpec.ts';

export function valueSpecArb(enabled: Enabled): fc.Arbitrary<ValueSpec> {
  const derived = derivedSpecArb(enabled);
  return choose<ValueSpec>(enabled, [
    { weight: 5, arbitrary: intSpecArb() },
    { weight: 8, arbitrary: strSpecArb(enabled) },
    { weight: 6, arbitrary: callSpecArb(enabled) },
    { weight: 4, arbitrary: containerSpecArb(enabled) },
    { weight: 2, arbitrary: floatSpecArb() },
    { weight: 1, arbitrary: bytesSpecArb() },
    { weight: 3, arbitrary: fc.constantFrom<ConstSpec['value']>('True', 'False', 'None', 'Ellipsis').map((value): ConstSpec => ({ kind: 'const', value })) },
    ...(derived === null ? [] : [{ weight: 5, arbitrary: derived }]),
    ...moreValueBranches(enabled),
  ]);
}
