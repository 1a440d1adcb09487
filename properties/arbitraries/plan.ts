// A whole plan: the mode, the shape of the classes, the steps, and an ending that may raise.
import fc from 'fast-check';
import { MODES, type Mode } from '../../language/ast.ts';
import type { ClassShapes, EndingSpec, Plan } from '../build/extendedPlan.ts';
import { endingSpecArb } from './endingSpec.ts';
import { DEFAULT_EXTENSIONS, enabledSet, type Enabled, type Extension } from './extensions.ts';
import { setupValueArb } from './setupValue.ts';
import { stepArb } from './step.ts';

export interface PlanOptions {
  /** One mode only; all three by default. */
  mode?: Mode;
  /** The most steps a plan has (default 12); the prelude comes on top of them. */
  maxSteps?: number;
  /** The parts of the language beyond the core to generate (default `DEFAULT_EXTENSIONS`). */
  extensions?: readonly Extension[];
  /** Extensions (among those on) whose constructs are made far more often: a campaign about them. */
  focus?: readonly Extension[];
}

export const DEFAULT_MAX_STEPS = 12;

export function planArb(options: PlanOptions = {}): fc.Arbitrary<Plan> {
  const enabled = enabledSet(options.extensions ?? DEFAULT_EXTENSIONS, options.focus);
  return fc.record({
    mode: options.mode === undefined ? fc.constantFrom(...MODES) : fc.constant(options.mode),
    classes: fc.record({ finalizer: fc.constantFrom<ClassShapes['finalizer']>('constant', 'tag') }),
    setup: fc.array(setupValueArb(enabled), { minLength: 1, maxLength: 3 }),
    steps: fc.array(stepArb(enabled), { minLength: 1, maxLength: options.maxSteps ?? DEFAULT_MAX_STEPS }),
    ending: enabled.has('endings') ? endingArb(enabled) : fc.constant(null),
  });
}

/** Most programs run to their end: one in ten raises on purpose; shrinking drops the ending first. */
function endingArb(enabled: Enabled): fc.Arbitrary<EndingSpec | null> {
  return fc.oneof({ withCrossShrink: true }, { weight: 9, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: endingSpecArb(enabled) });
}
