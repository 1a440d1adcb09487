// Programs of the case language, built from typed pieces: a plan is generated (and shrunk), the
// pure builder turns it into a Program that is valid by construction.
import fc from 'fast-check';
import type { Program } from '../../language/ast.ts';
import { buildProgram } from '../build/buildProgram.ts';
import { readable } from '../readable.ts';
import { planArb, type PlanOptions } from './plan.ts';

export type ProgramOptions = PlanOptions;

export function programArb(options: ProgramOptions = {}): fc.Arbitrary<Program> {
  return planArb(options).map((plan) => readable(buildProgram(plan)));
}
