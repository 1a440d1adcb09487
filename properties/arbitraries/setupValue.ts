// The first values of a program, bound to `a`, `b`, `c` before any step: none of them needs a name
// bound before it, and they lean toward instances and lists, which finalizers, weak references and
// cycles need.
import fc from 'fast-check';
import type { CoreClassName, ItemSpec, ValueSpec } from '../build/extendedPlan.ts';
import { bytesSpecArb } from './bytesSpec.ts';
import { constantSetArb } from './containerSpec.ts';
import { choose, type Enabled } from './extensions.ts';
import { floatSpecArb } from './floatSpec.ts';
import { moreInstanceBranches } from './moreValueSpec.ts';
import { FOLDED_INTS, INT_VALUES } from './intSpec.ts';
import { IDENTIFIER_LIKE, NOT_IDENTIFIER_LIKE } from './strSpec.ts';

const literalItem = (): fc.Arbitrary<ItemSpec> =>
  fc.oneof(
    fc.constantFrom(1n, 257n, -5n).map((value): ItemSpec => ({ kind: 'item-int', value })),
    fc.constantFrom('a', 'hello world').map((value): ItemSpec => ({ kind: 'item-str', value })),
  );

const SETUP_CLASSES: readonly CoreClassName[] = ['C', 'D', 'E'];
const MORE_CLASSES: readonly CoreClassName[] = ['F', 'S'];

/** null (nothing bound) is rare in generation and is where shrinking goes first. */
export function setupValueArb(enabled: Enabled): fc.Arbitrary<ValueSpec | null> {
  return fc.option(anySetupValueArb(enabled), { freq: 50 });
}

/**
 * A list comes first: shrinking tries one in place of any other value, since a list is the
 * simplest object whose count and life the model follows (an int or str may be shared), so a
 * divergence about any such object shrinks to `a = []`.
 */
function anySetupValueArb(enabled: Enabled): fc.Arbitrary<ValueSpec> {
  return choose<ValueSpec>(enabled, [
    { weight: 3, arbitrary: fc.array(literalItem(), { maxLength: 2 }).map((items): ValueSpec => ({ kind: 'list', items })) },
    { weight: 3, arbitrary: fc.constantFrom(...INT_VALUES).map((value): ValueSpec => ({ kind: 'int-literal', value })) },
    { weight: 6, arbitrary: fc.constantFrom<CoreClassName>(...SETUP_CLASSES, ...(enabled.has('classes') ? [...SETUP_CLASSES, ...MORE_CLASSES] : [])).map((cls): ValueSpec => ({ kind: 'instance', cls })) },
    { weight: 1, arbitrary: fc.constantFrom(...FOLDED_INTS) },
    { weight: 3, arbitrary: fc.constantFrom(...IDENTIFIER_LIKE, ...NOT_IDENTIFIER_LIKE).map((value): ValueSpec => ({ kind: 'str-literal', value })) },
    { weight: 1, arbitrary: fc.array(literalItem(), { maxLength: 2 }).map((items): ValueSpec => ({ kind: 'tuple', items })) },
    {
      weight: 2,
      arbitrary: fc.constantFrom<ValueSpec>({ kind: 'dict', entries: [] }, { kind: 'dict', entries: [{ key: 'k', item: { kind: 'item-int', value: 257n } }] }),
    },
    { weight: 1, arbitrary: fc.constant<ValueSpec>({ kind: 'object' }) },
    { weight: 1, arbitrary: floatSpecArb() },
    { weight: 1, arbitrary: bytesSpecArb() },
    { weight: 2, needs: 'sets', arbitrary: fc.array(literalItem(), { maxLength: 2 }).map((items): ValueSpec => ({ kind: 'set', items })) },
    { weight: 1, needs: 'sets', arbitrary: constantSetArb() },
    ...moreInstanceBranches(),
  ], { crossShrink: true });
}
