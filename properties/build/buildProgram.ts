// The pure builder: a plan in, a valid Program out. Steps are followed in order against a symbolic
// heap; a step whose precondition fails is skipped; the plan's ending, if any, raises on purpose
// last; the prelude provides exactly what was used.
import type { Program, Stmt } from '../../language/ast.ts';
import type { Plan } from './extendedPlan.ts';
import { Heap } from './heap.ts';
import { buildEnding } from './endings.ts';
import { prelude } from './prelude.ts';
import { buildStep } from './steps.ts';

export function buildProgram(plan: Plan): Program {
  const heap = new Heap(plan.classes.finalizer === 'tag');
  const body: Stmt[] = [];
  plan.setup.forEach((value, slot) => {
    if (value !== null) body.push(...buildStep({ kind: 'assign', target: slot, value }, heap, plan.mode));
  });
  for (const step of plan.steps) body.push(...buildStep(step, heap, plan.mode));
  if (plan.ending !== null) body.push(...buildEnding(plan.ending, heap));
  const all = [...prelude(heap.uses, plan.classes), ...body];
  // A function body cannot be empty: `pass` keeps a fully skipped plan valid in every mode.
  return { mode: plan.mode, body: all.length > 0 ? all : [{ kind: 'Pass' }] };
}
