// Copies of the model's rules, each with one decision wrong: the planted bugs the harness must
// catch. The model itself is not edited; planted-bugs.test.ts puts each copy in place of the
// function it copies (vi.mock), behind bug-switch.ts. A copy is handed the real module when it
// needs one of its helpers: importing a mocked module from here would load it inside its own mock
// factory.
import type { Expr } from '../../language/ast.ts';
import type * as Dealloc from '../../model/dealloc.ts';
import type { Frame } from '../../model/exec/frame.ts';
import type { PyObj } from '../../model/objects.ts';
import type { Profile } from '../../model/profile.ts';
import type * as Refcount from '../../model/refcount.ts';
import type { Runtime } from '../../model/runtime.ts';
import type * as Tracking from '../../model/tracking.ts';

// ------------------------------------------------------------- small-ints.ts: the small-int cache

/** small-ints.ts smallIntMax without its version check: 3.15's 1024 (gh-133059) on every version. */
export function smallIntMaxAlways1024(_profile: Profile): bigint {
  return 1024n;
}

/** small-ints.ts isSmallInt, with the wrong end of the cache. */
export function isSmallIntTo1024(profile: Profile, v: bigint): boolean {
  return v >= -5n && v <= smallIntMaxAlways1024(profile);
}

/** small-ints.ts newInt, with the wrong end of the cache. */
export function newIntTo1024(rt: Runtime, value: bigint): PyObj {
  if (isSmallIntTo1024(rt.profile, value)) {
    rt.fire('small-int-cache');
    const key = `int:${value}`;
    let o = rt.shared.get(key);
    if (!o) {
      o = rt.allocShared({ kind: 'int', value });
      rt.shared.set(key, o);
      return o;
    }
    return rt.incref(o);
  }
  return rt.alloc({ kind: 'int', value });
}

// ------------------------------------------------------------------- refcount.ts: reference counts

/** refcount.ts getrefcount, believing the call's own argument is not counted. */
export function getrefcountWithoutItsArgument(real: typeof Refcount, rt: Runtime, frame: Frame | null, arg: PyObj, _argExpr: Expr | null): bigint | null {
  if (arg.immortal) {
    rt.fire('immortal-count');
    return real.immortalRefcount(rt);
  }
  if (!arg.rcExact) {
    rt.fire('shared-count-unknown');
    return null;
  }
  rt.fire('getrefcount-argument');
  // The bug: sys_getrefcount returns Py_REFCNT(arg), which counts the reference the call holds.
  return real.knownCount(rt, frame, arg) - 1n;
}

// ------------------------------------------------------------- tracking.ts: the collector's tracking

/** tracking.ts trackedAtCreation, tracking every new dict as 3.14 does, on every version. */
export function trackedAtCreationEveryDict(real: typeof Tracking, rt: Runtime, o: PyObj, untrackedIfAtomic = false): boolean {
  if (o.payload.kind === 'dict') {
    rt.fire('gc-dict-tracking');
    // The bug: before 3.14 a new dict is untracked until something trackable is put in it.
    return true;
  }
  return real.trackedAtCreation(rt, o, untrackedIfAtomic);
}

// -------------------------------------------------------------------------- dealloc.ts: finalizers

/**
 * dealloc.ts callFinalizer as the collector calls it (finalize_garbage, PEP 442), doing nothing:
 * the garbage is counted and cleared unfinalized, and a __del__ runs only once clearing frees its
 * object (dealloc.ts calls its own callFinalizer, which is not replaced): too late for an object
 * it makes reachable again to be left out of the count.
 */
export function callFinalizerNotFromCollector(real: typeof Dealloc, rt: Runtime, o: PyObj, fromDealloc: boolean): boolean {
  // The bug: the collector calls tp_finalize of every unreachable object before clearing any.
  if (!fromDealloc) return false;
  return real.callFinalizer(rt, o, fromDealloc);
}
