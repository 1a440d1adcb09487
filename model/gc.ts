// The cyclic collector (Modules/gcmodule.c gc_collect_main, 3.8-3.13). gc.collect(gen) looks at
// the tracked objects of generations 0..gen: an object is unreachable when every reference to
// it comes from other objects being looked at (update_refs, subtract_refs, move_unreachable).
// Then, in this order: tuples and (in a full collection) dicts that can hold nothing tracked are
// untracked; weak references to unreachable objects are cleared and the callbacks of those that
// are themselves reachable run (handle_weakrefs); the unreachable objects are counted — that
// count is gc.collect()'s result; __del__ runs once for each, in the collector's list order
// (finalize_garbage); objects a finalizer made reachable again survive (handle_resurrected_objects);
// the rest are cleared one by one (delete_garbage, tp_clear), and reference counting frees them.
import {
  callFinalizer, dropAttributes, dropCallback, dropCellContent, dropEntries, dropFunctionReferences,
  dropItemsLastFirst, dropSetItems,
} from './dealloc.ts';
import type { PyObj } from './objects.ts';
import { atLeast } from './profile.ts';
import { giveUp, type Runtime } from './runtime.ts';
import { maybeUntrackDict, maybeUntrackTuple, mayBeTracked } from './tracking.ts';
import { clearWeakrefs, runWeakrefCallbacks, type WeakrefCall } from './weakrefs.ts';

/** What tp_traverse visits: the objects `o` holds references to. */
export function referents(o: PyObj): PyObj[] {
  const p = o.payload;
  switch (p.kind) {
    case 'tuple': case 'list': return p.items;
    case 'dict': return p.embedded ? p.keys : [...p.keys, ...p.values];
    case 'set': return p.items;
    case 'instance': {
      // With values inline (3.13, 3.14) the object visits them and not its dict, which the
      // collector then takes for referenced from outside: never counted, and it keeps what it
      // holds alive (Objects/dictobject.c _PyObject_VisitManagedDict).
      if (p.dict && p.dict.payload.kind === 'dict' && p.dict.payload.embedded) return [...p.attrs.values(), ...p.dict.payload.values, p.cls.obj];
      return [...p.attrs.values(), ...(p.dict ? [p.dict] : []), p.cls.obj];
    }
    case 'function': return [...(p.defaults ? [p.defaults] : []), ...(p.closureTuple ? [p.closureTuple] : [])];
    case 'method': return [p.func, p.self];
    case 'builtin': return p.self ? [p.self] : [];
    case 'weakref': return p.callback ? [p.callback] : [];
    case 'cell': return p.content ? [p.content] : [];
    case 'class': return [...p.cls.attrs.values()];
    case 'view': return [p.dict];
    default: return [];
  }
}

/**
 * The references to `o` the collector may count as coming from outside the candidates. A class is
 * referenced besides the program only by its own cycles (its MRO tuple, its __dict__'s
 * descriptors: Objects/typeobject.c), which are garbage with it, so the references the model
 * counts for it (names, attributes, items; not its instances' and subclasses', see
 * countedReferents) are all that keep it, though its exact count is unknown. Other objects of
 * unknown count are taken as always reachable.
 */
function knownFromOutside(o: PyObj): number {
  if (o.immortal) return Infinity;
  return o.rcExact || o.payload.kind === 'class' ? o.rc : Infinity;
}

/** referents(o) less an instance's reference to its class, which the model does not count. */
function countedReferents(o: PyObj): PyObj[] {
  const rs = referents(o);
  if (o.payload.kind === 'instance') rs.splice(rs.lastIndexOf(o.payload.cls.obj), 1);
  return rs;
}

/** A class's base, kept by its __bases__ and __mro__ (not counted by the model either). */
function baseOf(o: PyObj): PyObj[] {
  return o.payload.kind === 'class' && o.payload.cls.base ? [o.payload.cls.base.obj] : [];
}

/** The objects of `candidates` that nothing outside them references, in list order. */
export function unreachableAmong(candidates: PyObj[]): PyObj[] {
  const inSet = new Set(candidates);
  const gcRefs = new Map<PyObj, number>();
  for (const o of candidates) gcRefs.set(o, knownFromOutside(o));
  for (const o of candidates) {
    for (const r of countedReferents(o)) if (inSet.has(r)) gcRefs.set(r, (gcRefs.get(r) ?? 0) - 1);
  }
  const reachable = new Set<PyObj>();
  const stack = candidates.filter((o) => (gcRefs.get(o) ?? 0) > 0);
  while (stack.length) {
    const o = stack.pop() as PyObj;
    if (reachable.has(o)) continue;
    reachable.add(o);
    for (const r of [...referents(o), ...baseOf(o)]) if (inSet.has(r) && !reachable.has(r)) stack.push(r);
  }
  return candidates.filter((o) => !reachable.has(o));
}

/**
 * Only 3.14 has the incremental collector: measured on 3.15.0rc1, gc.collect(1) collects
 * generations 0 and 1 again, as up to 3.13.
 */
function incrementalCollector(rt: Runtime): boolean {
  return atLeast(rt.profile, 3, 14) && !atLeast(rt.profile, 3, 15);
}

/** gc.collect(generation): the number of unreachable objects found, or null if unknowable. */
export function collect(rt: Runtime, generation: number): number | null {
  // 3.14's collector is incremental (Python/gc.c): gc.collect(0) collects the young objects and
  // gc.collect() everything, as before, but gc.collect(1) is one increment over part of the old
  // objects, which the model does not follow.
  if (incrementalCollector(rt) && generation === 1) return incrementalStep(rt);
  // A young collection after an increment: which objects are still young is unknown.
  if (generation === 0 && [...rt.increment.young].some((o) => o.alive && o.tracked)) giveUp('a young collection after an increment of the incremental collector (3.14)');
  rt.fire('gc-unreachable-count');
  const gens = rt.generations;
  // 3.14 (Python/gc.c gc_collect_young, gc_collect_full) untracks the young tuples that can hold
  // nothing tracked before it looks for garbage, not after: such a tuple in a dead cycle is then
  // no garbage of the collector's (not counted), only freed when the cycle is cleared. Up to 3.13
  // (Modules/gcmodule.c gc_collect_main) and again in 3.15, untrack_tuples runs on the survivors.
  if (incrementalCollector(rt)) for (const o of [...gens[0]]) maybeUntrackTuple(rt, o);
  // gc_list_merge appends each younger generation to the one being collected.
  const young: PyObj[] = [...gens[generation]];
  for (let i = 0; i < generation; i++) young.push(...gens[i]);
  for (let i = 0; i <= generation; i++) gens[i] = [];
  const unreachable = unreachableAmong(young);
  const dead = new Set(unreachable);
  const survivors = young.filter((o) => !dead.has(o));
  for (const o of survivors) maybeUntrackTuple(rt, o);
  const older = Math.min(generation + 1, 2);
  gens[older].push(...survivors.filter((o) => o.tracked));
  if (generation === 2) for (const o of survivors) maybeUntrackDict(rt, o);
  // A full collection untracks what an increment may have left tracked: known again, except a
  // tuple holding a tuple, which depends on the order the two were looked at.
  if (generation === 2) {
    rt.increment.young.clear();
    for (const o of [...rt.increment.tuples]) if (!holdsTuple(o)) rt.increment.tuples.delete(o);
  }
  let unknowable = false;
  for (const o of unreachable) {
    if (o.payload.kind === 'class' || o.payload.kind === 'module') unknowable = true;
  }
  // handle_weakrefs: clear every weak reference to garbage; only reachable references call back.
  // Each reference kept to call back is held (Py_INCREF(wr)) until its callback has run; every
  // callback stays on its weak reference, a dead one's until the garbage is cleared.
  const callbacks: WeakrefCall[] = [];
  for (const o of unreachable) {
    for (const c of clearWeakrefs(rt, o, false, true)) {
      if (!dead.has(c.ref)) callbacks.push({ ...c, ref: rt.incref(c.ref), held: true });
    }
  }
  runWeakrefCallbacks(rt, callbacks, true);
  if (unreachable.length > 0) rt.fire('gc-finalize-garbage');
  // Until cleared, the garbage sits in the collector's own list, not in a generation.
  for (const o of unreachable) removeFromGenerations(rt, o);
  for (const o of unreachable) if (o.alive) callFinalizer(rt, o, false);
  // What the finalizers left: objects they freed (by breaking a cycle) are gone; objects they made
  // reachable again survive. The count is what is still garbage then (3.9+, bpo-38379:
  // handle_resurrected_objects; the count is final_unreachable's). 3.8 revives the whole garbage
  // if a single object was resurrected (check_garbage, revive_garbage) and then counts nothing.
  const left = unreachable.filter((o) => o.alive);
  const stillDead = new Set(unreachableAmong(left));
  if (!atLeast(rt.profile, 3, 9) && left.some((o) => !stillDead.has(o))) {
    gens[older].push(...left.filter((o) => o.tracked));
    return unknowable ? null : 0;
  }
  for (const o of left) {
    // Clearing one object may free others by reference counting.
    if (!o.alive) continue;
    if (!stillDead.has(o)) {
      gens[older].push(o);
      continue;
    }
    clearObject(rt, o);
    if (o.alive && o.tracked) gens[older].push(o);
  }
  return unknowable ? null : stillDead.size;
}

const holdsTuple = (o: PyObj): boolean => o.payload.kind === 'tuple' && o.payload.items.some((i) => i.payload.kind === 'tuple');

/**
 * gc.collect(1) on 3.14 (Python/gc.c gc_collect_increment): one increment over the young objects
 * and as much of the old ones as its work budget allows, a budget that follows the whole heap
 * (assess_work_to_do), and nothing at all when the budget is spent or the collector is still
 * marking. The model knows the result only when no object anywhere is garbage: then it is 0, and
 * what the increment may have done besides is left unknown: untracking the young tuples that can
 * hold nothing tracked (untrack_tuples), and moving the young objects to the old space.
 */
function incrementalStep(rt: Runtime): number {
  rt.fire('gc-incremental');
  const tracked = rt.generations.flat();
  if (unreachableAmong(tracked).length > 0) giveUp('an increment of the incremental collector (3.14) with garbage about');
  for (const o of rt.generations[0]) {
    rt.increment.young.add(o);
    if (o.payload.kind === 'tuple' && o.payload.items.every((i) => !mayBeTracked(i) || trackingUnknown(rt, i))) rt.increment.tuples.add(o);
  }
  return 0;
}

/** gc.is_tracked(o) after an increment that may have untracked it; also for a tuple holding one. */
export function trackingUnknown(rt: Runtime, o: PyObj): boolean {
  return rt.increment.tuples.has(o);
}

function removeFromGenerations(rt: Runtime, o: PyObj): void {
  for (const gen of rt.generations) {
    const i = gen.indexOf(o);
    if (i >= 0) gen.splice(i, 1);
  }
}

/** tp_clear: drop the references that may form a cycle (tuples have none: they cannot). */
function clearObject(rt: Runtime, o: PyObj): void {
  const p = o.payload;
  rt.incref(o);
  switch (p.kind) {
    case 'instance': dropAttributes(rt, p); break;
    case 'list': dropItemsLastFirst(rt, p.items); break;
    case 'dict': dropEntries(rt, p); break;
    case 'set': dropSetItems(rt, p); break;
    case 'function': dropFunctionReferences(rt, p); break;
    case 'cell': dropCellContent(rt, p); break;
    case 'weakref': dropCallback(rt, p); break;
    case 'tuple':
    case 'method':
    case 'view':
      // No tp_clear: a view is freed when clearing the dict it refers to breaks the cycle.
      break;
    default:
      giveUp(`the collector clearing a ${p.kind}`);
  }
  rt.decref(o);
}
