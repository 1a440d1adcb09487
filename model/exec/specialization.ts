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

function initTakes(rt: Runtime, cls: ClassInfo, nargs: number): boolean {
  const init = classLookup(cls, '__init__');
  if (!init || init.payload.kind !== 'function') return false;
  // 3.13 (specialize.c get_init_for_simple_managed_python_class) asks for Py_TPFLAGS_INLINE_VALUES,
  // which a class with __slots__ anywhere in its chain lacks; 3.14 dropped that condition
  // (measured on wasm 3.14 and 3.15: a slotted class's call site counts 4, then 2).
  if (!atLeast(rt.profile, 3, 14) && slotsInChain(cls)) return false;
  return init.payload.def.params.length === nargs + 1;
}

function slotsInChain(cls: ClassInfo): boolean {
  if (allSlots(cls) !== null) return true;
  for (let c: ClassInfo | null = cls; c; c = c.base) {
    if (c.slots === null) continue;
    // A base's empty __slots__ adds no field: whether its subclass keeps inline values is not measured.
    if (c.slots.length === 0) giveUp('a call site instantiating a subclass of a class with empty __slots__ (3.13)');
    return true;
  }
  return false;
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
  if (before !== cls || !initTakes(rt, cls, nargs)) {
    if (initTakes(rt, cls, nargs) || initTakes(rt, before, nargs)) giveUp('a specialized call site seeing another class');
    return false;
  }
  if (cls.modified) giveUp('a specialized call site whose class changed (type version)');
  return true;
}
