// One step of a plan: a statement to make, with name references left as picks.
import fc from 'fast-check';
import type { AttrName, CycleShape, DictKey, Step } from '../build/extendedPlan.ts';
import { choose, type Enabled } from './extensions.ts';
import { itemSpecArb, setItemSpecArb } from './itemSpec.ts';
import { moreStepBranches } from './moreStepSpec.ts';
import { observationSpecArb } from './observationSpec.ts';
import { pickArb, slotArb } from './picks.ts';
import { valueSpecArb } from './valueSpec.ts';

/**
 * fast-check shrinks an array by dropping items from its front only; a step the failure does not
 * need, wherever it stands, goes by shrinking to `skip` instead (an option shrinks to its nil first).
 */
export function stepArb(enabled: Enabled): fc.Arbitrary<Step> {
  return fc.option(anyStepArb(enabled, true), { freq: 50, nil: SKIP });
}

const SKIP: Step = { kind: 'skip' };

/** `outside`: a step of the program itself, which may define a function whose body is made of steps (not a step of such a body). */
function anyStepArb(enabled: Enabled, outside: boolean): fc.Arbitrary<Step> {
  const bodyStep = outside ? fc.option(anyStepArb(enabled, false), { freq: 50, nil: SKIP }) : null;
  const op = fc.constantFrom('+' as const, '-' as const, '*' as const);
  const key = fc.constantFrom<DictKey>('k', 'j');
  return choose<Step>(enabled, [
    { weight: 64, arbitrary: observationSpecArb(enabled).map((what): Step => ({ kind: 'observe', what })) },
    { weight: 16, arbitrary: fc.record({ target: slotArb(), value: valueSpecArb(enabled) }).map((r): Step => ({ kind: 'assign', ...r })) },
    { weight: 2, arbitrary: fc.record({ targets: fc.tuple(slotArb(), slotArb()), value: valueSpecArb(enabled) }).map((r): Step => ({ kind: 'chain', ...r })) },
    { weight: 6, arbitrary: fc.record({ target: slotArb(), source: pickArb() }).map((r): Step => ({ kind: 'alias', ...r })) },
    { weight: 6, arbitrary: pickArb().map((source): Step => ({ kind: 'del', source })) },
    { weight: 2, arbitrary: fc.record({ source: pickArb(), op }).map((r): Step => ({ kind: 'aug', ...r })) },
    { weight: 4, arbitrary: fc.record({ list: pickArb(), item: itemSpecArb() }).map((r): Step => ({ kind: 'append', ...r })) },
    { weight: 4, arbitrary: fc.record({ container: pickArb(), key, item: itemSpecArb() }).map((r): Step => ({ kind: 'setitem', ...r })) },
    { weight: 2, arbitrary: pickArb().map((container): Step => ({ kind: 'delitem', container })) },
    { weight: 2, arbitrary: pickArb().map((container): Step => ({ kind: 'clear', container })) },
    { weight: 4, arbitrary: fc.record({ obj: pickArb(), attr: fc.constantFrom<AttrName>('other', 'me', 'items'), value: pickArb() }).map((r): Step => ({ kind: 'setattr', ...r })) },
    { weight: 6, arbitrary: pickArb().map((obj): Step => ({ kind: 'delattr', obj })) },
    {
      weight: 8,
      arbitrary: fc.record({ shape: cycleShapeArb(), a: pickArb(), b: pickArb() })
        .map((r): Step => ({ kind: 'cycle', ...r })),
    },
    {
      weight: 8,
      arbitrary: fc.record({ slot: fc.constantFrom<0 | 1>(0, 1), target: pickArb(), callback: fc.boolean() })
        .map((r): Step => ({ kind: 'weakref', ...r })),
    },
    { weight: 8, arbitrary: pickArb().map((source): Step => ({ kind: 'baseline', source })) },
    {
      weight: 3,
      needs: 'sets',
      arbitrary: fc.record({ method: fc.constantFrom('add' as const, 'discard' as const), set: pickArb(), item: setItemSpecArb() })
        .map((r): Step => ({ kind: 'set-method', ...r })),
    },
    {
      weight: 4,
      needs: 'list-methods',
      arbitrary: fc.record({
        method: fc.constantFrom('insert' as const, 'extend' as const, 'remove' as const, 'reverse' as const),
        list: pickArb(),
        item: itemSpecArb(),
        arg: pickArb(),
      }).map((r): Step => ({ kind: 'list-mutate', ...r })),
    },
    { weight: 2, needs: 'dict-methods', arbitrary: fc.record({ dict: pickArb(), key, item: itemSpecArb() }).map((r): Step => ({ kind: 'dict-update', ...r })) },
    { weight: 1, needs: 'classes', arbitrary: fc.record({ obj: pickArb(), op }).map((r): Step => ({ kind: 'aug-attr', ...r })) },
    { weight: 2, needs: 'aug-items', arbitrary: fc.record({ container: pickArb(), op }).map((r): Step => ({ kind: 'aug-item', ...r })) },
    { weight: 2, needs: 'scopes', arbitrary: pickArb().map((source): Step => ({ kind: 'set-global', source })) },
    { weight: 1, needs: 'underscore', arbitrary: slotArb().map((target): Step => ({ kind: 'alias-underscore', target })) },
    ...moreStepBranches(bodyStep, valueSpecArb(enabled)),
  ]);
}

/** A pair of instances needs two of them bound, so it is asked for more often than it is made. */
function cycleShapeArb(): fc.Arbitrary<CycleShape> {
  return fc.oneof(
    { weight: 1, arbitrary: fc.constant<CycleShape>('self') },
    { weight: 3, arbitrary: fc.constant<CycleShape>('pair') },
    { weight: 1, arbitrary: fc.constant<CycleShape>('list-self') },
    { weight: 1, arbitrary: fc.constant<CycleShape>('instance-list') },
  );
}
