// Identifiers (attribute and variable names) are interned strings: the same object wherever the
// name appears (Parser/pegen.c interns every NAME token; attribute keys reuse them).
import type { PyObj } from '../objects.ts';
import type { Runtime } from '../runtime.ts';
import { sharedStr } from '../singletons.ts';
import { internIdentifier } from '../compile/code-unit.ts';

/** The interned str for an identifier (a borrowed reference: the interpreter keeps it alive). */
export function internedName(rt: Runtime, name: string): PyObj {
  const one = sharedStr(rt, name);
  if (one) {
    rt.decref(one);
    return one;
  }
  internIdentifier(rt, name);
  const o = rt.interned.get(name);
  if (!o) throw new Error(`identifier ${name} not interned`);
  return o;
}
