// The statements the extensions add, as weighted branches of `stepArb` (each only with its extension on).
import fc from 'fast-check';
import type { AttrName, CallbackChoice, ChainInto, DictKey, MoreCycleShape, Step, ValueSpec } from '../build/extendedPlan.ts';
import type { Branch } from './extensions.ts';
import { functionSpecArb } from './functionSpec.ts';
import { itemSpecArb } from './itemSpec.ts';
import { pickArb, slotArb } from './picks.ts';

const key = () => fc.constantFrom<DictKey>('k', 'j');
const op = () => fc.constantFrom('+' as const, '-' as const, '*' as const);

const chainIntoArb = (): fc.Arbitrary<ChainInto> =>
  fc.oneof(
    fc.record({ obj: pickArb(), attr: fc.constantFrom<AttrName>('other', 'me', 'items') }).map((r): ChainInto => ({ kind: 'attr', ...r })),
    fc.record({ container: pickArb(), key: key() }).map((r): ChainInto => ({ kind: 'item', ...r })),
  );

/**
 * `bodyStep` makes the steps of a function body (no function inside it); null inside such a body.
 * `value` makes the values a chain assigns.
 */
export function moreStepBranches(bodyStep: fc.Arbitrary<Step> | null, value: fc.Arbitrary<ValueSpec>): Branch<Step>[] {
  const cycles = (...shapes: MoreCycleShape[]) => fc.record({ shape: fc.constantFrom(...shapes), a: pickArb() }).map((r): Step => ({ kind: 'cycle-more', ...r }));
  const weakref = (...callbacks: CallbackChoice[]) =>
    fc.record({ slot: fc.constantFrom<0 | 1>(0, 1), target: pickArb(), callback: fc.constantFrom(...callbacks) }).map((r): Step => ({ kind: 'weakref-any', ...r }));
  return [
    ...(bodyStep === null ? [] : [{
      weight: 5,
      needs: 'function-bodies' as const,
      arbitrary: fc.record({ fn: functionSpecArb(bodyStep), target: slotArb() }).map((r): Step => ({ kind: 'def-call', ...r })),
    }]),
    { weight: 3, needs: 'memory-reuse', arbitrary: pickArb().map((source): Step => ({ kind: 'keep-id', source })) },
    {
      weight: 1,
      needs: 'slice-forms',
      arbitrary: fc.record({ list: pickArb(), form: fc.constantFrom('tail' as const, 'copy' as const, 'head' as const), item: itemSpecArb(), empty: fc.boolean() })
        .map((r): Step => ({ kind: 'slice-assign', ...r })),
    },
    { weight: 1, needs: 'slice-forms', arbitrary: fc.record({ list: pickArb(), form: fc.constantFrom('first' as const, 'step' as const) }).map((r): Step => ({ kind: 'slice-del', ...r })) },
    { weight: 3, needs: 'finalizer-reach', arbitrary: fc.record({ obj: pickArb(), item: itemSpecArb() }).map((r): Step => ({ kind: 'attr-append', ...r })) },
    { weight: 1, needs: 'resurrection', arbitrary: fc.constant<Step>({ kind: 'keep-clear' }) },
    { weight: 3, needs: 'more-cycles', arbitrary: cycles('dict-self', 'method', 'closure', 'tuple-list') },
    { weight: 1, needs: 'more-cycles', arbitrary: cycles('dropped') },
    { weight: 1, needs: 'instance-dicts', arbitrary: cycles('own-dict') },
    { weight: 1, needs: 'instance-dicts', arbitrary: fc.record({ obj: pickArb(), key: key(), item: itemSpecArb() }).map((r): Step => ({ kind: 'dict-setitem', ...r })) },
    { weight: 2, needs: 'chain-targets', arbitrary: fc.record({ into: chainIntoArb(), target: slotArb(), value }).map((r): Step => ({ kind: 'chain-into', ...r })) },
    { weight: 4, needs: 'weakref-kinds', arbitrary: weakref('none', 'shared', 'own') },
    {
      weight: 1,
      needs: 'more-methods',
      arbitrary: fc.record({ method: fc.constantFrom('sort' as const, 'set-clear' as const), target: pickArb(), seed: slotArb() }).map((r): Step => ({ kind: 'mutate-more', ...r })),
    },
    { weight: 2, needs: 'arithmetic', arbitrary: fc.record({ source: pickArb(), op: op() }).map((r): Step => ({ kind: 'aug-wide', ...r })) },
    { weight: 1, needs: 'class-variety', arbitrary: fc.record({ obj: pickArb(), value: pickArb() }).map((r): Step => ({ kind: 'method-put', ...r })) },
    {
      weight: 1,
      needs: 'init-calls',
      arbitrary: fc.record({ targets: fc.tuple(slotArb(), slotArb()), args: fc.tuple(pickArb(), pickArb()) }).map((r): Step => ({ kind: 'make', ...r })),
    },
    {
      weight: 2,
      needs: 'classes',
      arbitrary: fc.record({ obj: pickArb(), values: fc.tuple(pickArb(), pickArb()), fresh: slotArb() }).map((r): Step => ({ kind: 'fill-slots', ...r })),
    },
  ];
}
