// The specializing interpreter (PEP 659) may change which references a call holds. One such
// change is visible to sys.getrefcount: from 3.13, a call site that made an instance of a class
// with a plain Python __init__ taking exactly the arguments given is rewritten, after its first
// run, into CALL_ALLOC_AND_ENTER_INIT (Python/specialize.c specialize_class_call,
// Python/bytecodes.c): the arguments then move straight into __init__'s frame, with no argument
// tuple in between. A change to the class afterwards (its type version) undoes it, which the model
// does not follow: it declines there.
import type { CallExpr } from '../../language/ast.ts';
import { allSlots, classLookup, type ClassInfo } from '../objects.ts';
import { atLeast } from '../profile.ts';
import { giveUp, type Runtime } from '../runtime.ts';

const seenAt = new WeakMap<Runtime, Map<CallExpr, ClassInfo>>();

function initTakes(cls: ClassInfo, nargs: number): boolean {
  const init = classLookup(cls, '__init__');
  if (!init || init.payload.kind !== 'function') return false;
  // Instances must keep their values inline (no __slots__ anywhere in the chain).
  if (allSlots(cls) !== null) return false;
  return init.payload.def.params.length === nargs + 1;
}

/** Whether this execution of `site`, instantiating `cls`, runs as CALL_ALLOC_AND_ENTER_INIT. */
export function initCallSpecialized(rt: Runtime, site: CallExpr, cls: ClassInfo, nargs: number): boolean {
  if (!atLeast(rt.profile, 3, 13)) return false;
  let sites = seenAt.get(rt);
  if (!sites) {
    sites = new Map();
    seenAt.set(rt, sites);
  }
  const before = sites.get(site);
  if (!before) {
    sites.set(site, cls);
    return false;
  }
  if (before !== cls || !initTakes(cls, nargs)) {
    if (initTakes(cls, nargs) || initTakes(before, nargs)) giveUp('a specialized call site seeing another class');
    return false;
  }
  if (cls.modified) giveUp('a specialized call site whose class changed (type version)');
  return true;
}
