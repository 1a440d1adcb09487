// Bytes: empty, one byte (cached singletons), a non-ASCII byte, and a folded concatenation.
import fc from 'fast-check';
import type { BytesSpec } from '../build/extendedPlan.ts';

export function bytesSpecArb(): fc.Arbitrary<BytesSpec> {
  return fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom('abc', '', 'a', '\xff', 'hello world').map((value): BytesSpec => ({ kind: 'bytes-literal', value })) },
    { weight: 1, arbitrary: fc.constant<BytesSpec>({ kind: 'bytes-folded', left: 'ab', right: 'c' }) },
  );
}
