// Whether two objects had the same address, which is what id(a) == id(b) compares.
// - The same object, or two objects alive at the same time: known.
// - An object freed, and the very next allocation an object of the same kind: CPython hands it
//   the block just freed — a list from the list free list (Objects/listobject.c), a dict from the
//   dict free list (Objects/dictobject.c), any other small object from the block pymalloc has just
//   put back at the head of its pool's free list (Objects/obmalloc.c). Measured deterministic on
//   3.8-3.12, native and WebAssembly alike (2000 generated programs each on wasm-3.10, 3.11 and
//   3.12 with this rule: no divergence), and from 3.13 for lists, dicts and object(). An instance
//   of a class from 3.13 may get another block (id(D()) == id(D()) is True, then False a line
//   later, on wasm-3.13 to 3.15, and always False on native 3.13.0): the model declines it.
// - Anything allocated or freed in between: declined; so is a str that CPython may have grown in
//   place out of another (Python/ceval.c unicode_concatenate).
import type { PyObj } from './objects.ts';
import { atLeast, type Profile } from './profile.ts';

/** Which freed blocks the model knows the next allocation reuses. */
export type ReuseRule = 'all' | 'not-instances';

export function addressReuse(profile: Profile): ReuseRule {
  return atLeast(profile, 3, 13) ? 'not-instances' : 'all';
}

function reusedAddress(a: PyObj, b: PyObj, rule: ReuseRule): boolean | null {
  const [first, second] = a.allocatedAt < b.allocatedAt ? [a, b] : [b, a];
  if (first.alive || second.allocatedAt !== first.freedAt + 1) return false;
  const p = first.payload;
  const q = second.payload;
  if (p.kind !== q.kind) return false;
  if (p.kind === 'instance' && q.kind === 'instance') return p.cls !== q.cls ? false : rule === 'all' ? true : null;
  return p.kind === 'list' || p.kind === 'object' || p.kind === 'dict';
}

/** Whether `later` may live in `earlier`'s block, through a chain of in-place concatenations. */
function mayBeResizedFrom(later: PyObj, earlier: PyObj): boolean {
  for (let o = later.mayHaveAddressOf; o; o = o.mayHaveAddressOf) if (o === earlier) return true;
  return false;
}

/** id(a) == id(b); null where the model cannot know. */
export function sameAddress(a: PyObj, b: PyObj, rule: ReuseRule): boolean | null {
  if (a === b) return true;
  if (a.identityUnknown || b.identityUnknown) return null;
  if (mayBeResizedFrom(a, b) || mayBeResizedFrom(b, a)) return null;
  const aEnd = a.alive ? Infinity : a.freedAt;
  const bEnd = b.alive ? Infinity : b.freedAt;
  if (a.allocatedAt < bEnd && b.allocatedAt < aEnd) return false;
  return reusedAddress(a, b, rule) === true ? true : null;
}
