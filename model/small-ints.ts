// The small-int cache: every int from -5 to 256 (to 1024 from 3.15), however it is produced (a
// literal, arithmetic, int(), len(), ...), is one preallocated object shared by the whole
// interpreter. Source: Include/internal/pycore_global_objects.h (_PY_NSMALLNEGINTS 5,
// _PY_NSMALLPOSINTS 257; 1025 from 3.15 in Include/internal/pycore_runtime_structs.h, gh-133059)
// and Objects/longobject.c (get_small_int, maybe_small_long); immortal since 3.12 (PEP 683).
import type { PyObj } from './objects.ts';
import { atLeast, type Profile } from './profile.ts';
import type { Runtime } from './runtime.ts';
import { addressReuse } from './memory-reuse.ts';

const SMALL_INT_MIN = -5n;

/** The largest cached int on this version. */
export function smallIntMax(profile: Profile): bigint {
  return atLeast(profile, 3, 15) ? 1024n : 256n;
}

export function isSmallInt(profile: Profile, v: bigint): boolean {
  return v >= SMALL_INT_MIN && v <= smallIntMax(profile);
}

/** An int object for `value`: the cached one when small, else a new object. */
export function newInt(rt: Runtime, value: bigint): PyObj {
  if (isSmallInt(rt.profile, value)) {
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

/** An int whose value the model cannot know (an address, a str hash): never a small int. */
export function unknownInt(rt: Runtime): PyObj {
  // Its value may be a small int, so the object may be the shared one: identity and count unknown.
  const o = rt.alloc({ kind: 'int', value: 0n, unknown: true });
  o.identityUnknown = true;
  o.rcExact = false;
  return o;
}

/** id(o): an address the model does not know, remembered so that two ids can be compared. */
export function addressOf(rt: Runtime, o: PyObj): PyObj {
  return rt.alloc({ kind: 'int', value: 0n, unknown: true, idOf: o, reuse: addressReuse(rt.profile), heap: rt.heap, compileMarks: rt.compileMarks });
}
