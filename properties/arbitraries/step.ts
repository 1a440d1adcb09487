// One step of a plan: a statement to make, with name references left as picks.
import fc from 'fast-check';
import type { AttrName, CycleShape, DictKey, Step } from '../plan.ts';
import { itemSpecArb } from './itemSpec.ts';
import { observationSpecArb } from './observationSpec.ts';
import { pickArb, slotArb } from './picks.ts';
import { valueSpecArb } from './valueSpec.ts';

/**
 * fast-check shrinks an array by dropping items from its front only; a step the failure does not
 * need, wherever it stands, goes by shrinking to `skip` instead (an option shrinks to its nil first).
 */
export function stepArb(): fc.Arbitrary<Step> {
  return fc.option(anyStepArb(), { freq: 50, nil: SKIP });
}

const SKIP: Step = { kind: 'skip' };

function anyStepArb(): fc.Arbitrary<Step> {
  const op = fc.constantFrom('+' as const, '-' as const, '*' as const);
  return fc.oneof(
    { weight: 32, arbitrary: observationSpecArb().map((what): Step => ({ kind: 'observe', what })) },
    { weight: 8, arbitrary: fc.record({ target: slotArb(), value: valueSpecArb() }).map((r): Step => ({ kind: 'assign', ...r })) },
    { weight: 1, arbitrary: fc.record({ targets: fc.tuple(slotArb(), slotArb()), value: valueSpecArb() }).map((r): Step => ({ kind: 'chain', ...r })) },
    { weight: 3, arbitrary: fc.record({ target: slotArb(), source: pickArb() }).map((r): Step => ({ kind: 'alias', ...r })) },
    { weight: 3, arbitrary: pickArb().map((source): Step => ({ kind: 'del', source })) },
    { weight: 1, arbitrary: fc.record({ source: pickArb(), op }).map((r): Step => ({ kind: 'aug', ...r })) },
    { weight: 2, arbitrary: fc.record({ list: pickArb(), item: itemSpecArb() }).map((r): Step => ({ kind: 'append', ...r })) },
    { weight: 2, arbitrary: fc.record({ container: pickArb(), key: fc.constantFrom<DictKey>('k', 'j'), item: itemSpecArb() }).map((r): Step => ({ kind: 'setitem', ...r })) },
    { weight: 1, arbitrary: pickArb().map((container): Step => ({ kind: 'delitem', container })) },
    { weight: 1, arbitrary: pickArb().map((container): Step => ({ kind: 'clear', container })) },
    { weight: 2, arbitrary: fc.record({ obj: pickArb(), attr: fc.constantFrom<AttrName>('other', 'me', 'items'), value: pickArb() }).map((r): Step => ({ kind: 'setattr', ...r })) },
    { weight: 3, arbitrary: pickArb().map((obj): Step => ({ kind: 'delattr', obj })) },
    {
      weight: 4,
      arbitrary: fc.record({ shape: cycleShapeArb(), a: pickArb(), b: pickArb() })
        .map((r): Step => ({ kind: 'cycle', ...r })),
    },
    {
      weight: 4,
      arbitrary: fc.record({ slot: fc.constantFrom<0 | 1>(0, 1), target: pickArb(), callback: fc.boolean() })
        .map((r): Step => ({ kind: 'weakref', ...r })),
    },
    { weight: 4, arbitrary: pickArb().map((source): Step => ({ kind: 'baseline', source })) },
  );
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
