// The rules behind each observation, as a group's key reads them. The model reports, for each
// observation, the rules that decided something since the one before (`because`); in module and
// function mode the program is compiled before it runs, so the first observation also carries what
// the compiler decided for the whole program (folding, merging constants). Another program with
// the same bug would not repeat those: they are left out, by asking the model once more with an
// observation before everything, which takes them (REPL inputs compile one at a time, when their
// turn comes: there each observation's rules are its input's).
import type { Program, Stmt } from '../../language/ast.ts';
import { predictDetailed } from '../../model/predict.ts';
import type { Profile } from '../../model/profile.ts';

const FIRST: Stmt = { kind: 'ExprStmt', value: { kind: 'Int', value: 0n } };

export function observationRules(program: Program, profile: Profile, because: readonly (readonly string[])[] | undefined): readonly (readonly string[])[] {
  if (because === undefined || because.length === 0 || program.mode === 'repl') return because ?? [];
  let first: readonly string[] | undefined;
  try {
    first = predictDetailed({ ...program, body: [FIRST, ...program.body] }, profile).because?.[1];
  } catch {
    // The same program with one more observation: it should not throw; if it does, keep what there is.
  }
  return first === undefined ? because : [first, ...because.slice(1)];
}
