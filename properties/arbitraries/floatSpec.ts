// Floats: zero and negative zero, ordinary values, one past exact integers (1e16), and floats
// made at run time.
import fc from 'fast-check';
import type { FloatSpec } from '../build/extendedPlan.ts';

export function floatSpecArb(): fc.Arbitrary<FloatSpec> {
  return fc.oneof(
    { weight: 2, arbitrary: fc.constantFrom(0.0, -0.0).map((value): FloatSpec => ({ kind: 'float-literal', value })) },
    { weight: 2, arbitrary: fc.constantFrom(1.5, 1e16, 2.5, -1.5).map((value): FloatSpec => ({ kind: 'float-literal', value })) },
    { weight: 1, arbitrary: fc.constantFrom('1.5', '0.0', '1e16').map((text): FloatSpec => ({ kind: 'float-of-str', text })) },
  );
}
