// A whole plan: the mode, the shape of the classes, and the steps.
import fc from 'fast-check';
import { MODES, type Mode } from '../../language/ast.ts';
import type { ClassShapes, Plan } from '../plan.ts';
import { setupValueArb } from './setupValue.ts';
import { stepArb } from './step.ts';

export interface PlanOptions {
  /** One mode only; all three by default. */
  mode?: Mode;
  /** The most steps a plan has (default 12); the prelude comes on top of them. */
  maxSteps?: number;
}

export const DEFAULT_MAX_STEPS = 12;

export function planArb(options: PlanOptions = {}): fc.Arbitrary<Plan> {
  return fc.record({
    mode: options.mode === undefined ? fc.constantFrom(...MODES) : fc.constant(options.mode),
    classes: fc.record({ finalizer: fc.constantFrom<ClassShapes['finalizer']>('constant', 'tag') }),
    setup: fc.array(setupValueArb(), { minLength: 1, maxLength: 3 }),
    steps: fc.array(stepArb(), { minLength: 1, maxLength: options.maxSteps ?? DEFAULT_MAX_STEPS }),
  });
}
