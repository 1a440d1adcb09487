// The isolation property (issue 3): a program's observations do not depend on what ran before it
// in the same interpreter. Run it first in one oracle, and after a batch of other programs in
// another; the two lists must be equal. Any design of an oracle (a fork per program, a snapshot,
// a reset) is only acceptable if this holds.
import fc from 'fast-check';
import type { Program } from '../language/ast.ts';
import { renderProgram } from '../language/render.ts';
import type { Oracle, OracleRequest, RunResult } from '../oracle/types.ts';
import { programArb } from './arbitraries/program.ts';

export interface IsolationCase {
  program: Program;
  before: Program[];
}

export function isolationCaseArb(maxBefore = 6): fc.Arbitrary<IsolationCase> {
  return fc.record({ program: programArb(), before: fc.array(programArb(), { minLength: 1, maxLength: maxBefore }) });
}

const request = (p: Program): OracleRequest => ({ source: renderProgram(p), mode: p.mode });

export interface IsolationOutcome {
  alone: RunResult;
  afterOthers: RunResult;
  same: boolean;
}

/** Runs `c.program` first on `fresh`, and after `c.before` on `used`. */
export async function checkIsolation(c: IsolationCase, fresh: Oracle, used: Oracle): Promise<IsolationOutcome> {
  const [alone] = await fresh.run([request(c.program)]);
  const results = await used.run([...c.before.map(request), request(c.program)]);
  const afterOthers = results[results.length - 1];
  const same = alone.status === afterOthers.status && JSON.stringify(alone.observations) === JSON.stringify(afterOthers.observations);
  return { alone, afterOthers, same };
}
