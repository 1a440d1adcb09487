// Any value a name may be bound to.
import fc from 'fast-check';
import type { ConstSpec, ValueSpec } from '../plan.ts';
import { bytesSpecArb } from './bytesSpec.ts';
import { callSpecArb } from './callSpec.ts';
import { containerSpecArb } from './containerSpec.ts';
import { floatSpecArb } from './floatSpec.ts';
import { intSpecArb } from './intSpec.ts';
import { strSpecArb } from './strSpec.ts';

export function valueSpecArb(): fc.Arbitrary<ValueSpec> {
  return fc.oneof(
    { weight: 5, arbitrary: intSpecArb() },
    { weight: 8, arbitrary: strSpecArb() },
    { weight: 6, arbitrary: callSpecArb() },
    { weight: 4, arbitrary: containerSpecArb() },
    { weight: 2, arbitrary: floatSpecArb() },
    { weight: 1, arbitrary: bytesSpecArb() },
    { weight: 3, arbitrary: fc.constantFrom<ConstSpec['value']>('True', 'False', 'None', 'Ellipsis').map((value): ConstSpec => ({ kind: 'const', value })) },
  );
}
