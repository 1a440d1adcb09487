// What sys.getrefcount(x) reports: every reference to x, including the one its own argument holds
// on the caller's stack (Python/sysmodule.c sys_getrefcount returns Py_REFCNT(arg)).
// - Objects the interpreter shares (small ints, None, interned strings, types...) have counts
//   that depend on the whole interpreter: declined. Up to 3.11 statically allocated objects
//   start near 10**9 (3.11: _PyObject_IMMORTAL_INIT uses 999999999), which is no more knowable.
// - Immortal objects (3.12+, PEP 683) report a fixed count: _Py_IMMORTAL_REFCNT, which is
//   UINT_MAX on 64-bit builds and UINT_MAX >> 2 on 32-bit ones in 3.12 and 3.13
//   (Include/object.h); 3.14 changed the representation (see immortalRefcount).
// - 3.14 loads a local variable as a borrowed reference where it can (LOAD_FAST_BORROW,
//   Python/flowgraph.c optimize_load_fast): the argument then adds nothing, and a parameter that
//   received a borrowed argument holds no reference of its own (exec/calls.ts borrowedLoad).
import type { Expr } from '../language/ast.ts';
import type { Frame } from './exec/frame.ts';
import type { PyObj } from './objects.ts';
import { atLeast } from './profile.ts';
import type { Runtime } from './runtime.ts';

export function immortalRefcount(rt: Runtime): bigint | null {
  const p = rt.profile;
  if (!atLeast(p, 3, 12)) return null;
  if (!atLeast(p, 3, 14)) return p.bits === 64 ? 4294967295n : 1073741823n;
  // 3.14 (Include/refcount.h): the statically allocated singletons start at
  // _Py_IMMORTAL_INITIAL_REFCNT (3 << 30) in the 32-bit count of a 64-bit build (the flags live
  // apart), and at _Py_STATIC_IMMORTAL_INITIAL_REFCNT (7 << 28) on 32-bit builds.
  return p.bits === 64 ? 3n << 30n : 7n << 28n;
}

/** The count sys.getrefcount(x) returns for `arg` (already counting the argument), or null. */
export function getrefcount(rt: Runtime, frame: Frame | null, arg: PyObj, argExpr: Expr | null): bigint | null {
  if (arg.immortal) {
    rt.fire('immortal-count');
    return immortalRefcount(rt);
  }
  if (!arg.rcExact) {
    rt.fire('shared-count-unknown');
    return null;
  }
  rt.fire('getrefcount-argument');
  return knownCount(rt, frame, arg);
}

/** The references to `arg` the model follows, less the borrowed ones sys.getrefcount leaves out. */
export function knownCount(rt: Runtime, frame: Frame | null, arg: PyObj): bigint {
  let borrowed = rt.borrowedTemps.get(arg) ?? 0;
  for (const f of rt.frames) for (const name of f.borrowed ?? []) if (f.fast.get(name) === arg) borrowed++;
  if (frame && !rt.frames.includes(frame)) for (const name of frame.borrowed ?? []) if (frame.fast.get(name) === arg) borrowed++;
  return BigInt(arg.rc - borrowed);
}
