// Plans written by hand for the builder's example tests, and the Python text they build.
import { renderProgram } from '../../language/render.ts';
import type { Plan, Step, ValueSpec } from './extendedPlan.ts';
import { buildProgram } from './buildProgram.ts';

export const plan = (setup: (ValueSpec | null)[], steps: Step[], extra: Partial<Plan> = {}): Plan => ({
  mode: 'module',
  classes: { finalizer: 'constant' },
  setup,
  steps,
  ending: null,
  ...extra,
});

export const text = (p: Plan): string => renderProgram(buildProgram(p));

export const observe = (what: Extract<Step, { kind: 'observe' }>['what']): Step => ({ kind: 'observe', what });
