// Strings: identifier-like literals (which the compiler interns) and others, one character, empty,
// non-ASCII, folded concatenations, and strings made at run time (which it does not intern).
import fc from 'fast-check';
import type { FStringFieldSpec, StrMethod, StrSpec } from '../build/extendedPlan.ts';
import { choose, isOn, type Enabled } from './extensions.ts';
import { pickArb } from './picks.ts';

export const IDENTIFIER_LIKE: readonly string[] = ['abc', 'hello_world', 'a', 'x1', 'spam'];
export const NOT_IDENTIFIER_LIKE: readonly string[] = ['hello world', 'a-b', '', 'é', '!', 'a b c', 'naïve'];

const fragment = (): fc.Arbitrary<string> => fc.constantFrom('a', 'b', 'ab', 'hello', '_', ' ', 'é');

const fieldArb = (enabled: Enabled): fc.Arbitrary<FStringFieldSpec> =>
  fc.record({ source: pickArb(), conversion: fc.constantFrom<FStringFieldSpec['conversion']>(null, 'r', ...(isOn(enabled, 'fstring-s') ? ['s' as const] : [])) });

export function strSpecArb(enabled: Enabled): fc.Arbitrary<StrSpec> {
  return choose<StrSpec>(enabled, [
    { weight: 3, arbitrary: fc.constantFrom(...IDENTIFIER_LIKE, ...NOT_IDENTIFIER_LIKE).map((value): StrSpec => ({ kind: 'str-literal', value })) },
    { weight: 1, arbitrary: fc.record({ left: fragment(), right: fragment() }).map(({ left, right }): StrSpec => ({ kind: 'str-folded', left, right })) },
    { weight: 3, arbitrary: fc.record({ prefix: fc.constantFrom('ab', 'x', ''), source: pickArb() }).map((r): StrSpec => ({ kind: 'str-concat', ...r })) },
    { weight: 2, arbitrary: fc.array(fragment(), { maxLength: 3 }).map((parts): StrSpec => ({ kind: 'str-join', parts })) },
    { weight: 3, arbitrary: fc.record({ source: pickArb(), times: fc.nat({ max: 3 }) }).map((r): StrSpec => ({ kind: 'str-repeat', ...r })) },
    { weight: 2, arbitrary: fc.constantFrom(5n, 257n, -5n, 10n ** 20n).map((value): StrSpec => ({ kind: 'str-of-int', value })) },
    { weight: 1, arbitrary: pickArb().map((source): StrSpec => ({ kind: 'str-of-name', source })) },
    { weight: 3, arbitrary: pickArb().map((source): StrSpec => ({ kind: 'str-upper', source })) },
    { weight: 3, arbitrary: pickArb().map((source): StrSpec => ({ kind: 'str-fstring', source })) },
    { weight: 3, arbitrary: fc.array(fragment(), { minLength: 1, maxLength: 3 }).map((parts): StrSpec => ({ kind: 'str-intern', parts })) },
    { weight: 2, needs: 'fstrings', arbitrary: fc.array(fieldArb(enabled), { minLength: 1, maxLength: 3 }).map((fields): StrSpec => ({ kind: 'str-fstring-fields', fields })) },
    {
      weight: 5,
      needs: 'str-methods',
      arbitrary: fc.record({ method: fc.constantFrom<StrMethod>('lower', 'strip', 'replace', 'split', 'join'), source: pickArb() })
        .map((r): StrSpec => ({ kind: 'str-method', ...r })),
    },
  ]);
}
