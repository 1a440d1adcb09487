// A function defined and called where the step stands: its parameters, a constant default, a body
// of a few steps on its own names, and what it returns. Small, so that shrinking stays quick.
import fc from 'fast-check';
import type { DefaultConst, FunctionSpec, Step } from '../build/extendedPlan.ts';
import { pickArb } from './picks.ts';

const DEFAULTS: readonly DefaultConst[] = ['int', 'str', 'tuple', 'none', 'float', 'bytes', 'large-int', 'negative'];

export function functionSpecArb(bodyStep: fc.Arbitrary<Step>): fc.Arbitrary<FunctionSpec> {
  return fc.record({
    params: fc.constantFrom<1 | 2>(1, 2),
    defaultValue: fc.option(fc.constantFrom(...DEFAULTS), { freq: 2 }),
    body: fc.array(bodyStep, { minLength: 1, maxLength: 4 }),
    // Most return one of their names: what comes back out of the frame is the point.
    returns: fc.option(pickArb(), { freq: 4 }),
    // One in four returns a closure over one of its names instead.
    closure: fc.oneof({ weight: 3, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: pickArb() }),
    args: fc.tuple(pickArb(), pickArb()),
  });
}
