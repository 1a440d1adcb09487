// Name references in a plan are small numbers: a slot of the name pool to bind, or a pick among
// the names bound at that point. Both shrink toward 0, the first name.
import fc from 'fast-check';
import { NAME_POOL } from '../build/heap.ts';
import type { Pick, Slot } from '../build/extendedPlan.ts';

export function slotArb(): fc.Arbitrary<Slot> {
  return fc.nat({ max: NAME_POOL.length - 1 });
}

export function pickArb(): fc.Arbitrary<Pick> {
  return fc.nat({ max: 7 });
}
