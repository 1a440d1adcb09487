// Whether two objects had the same address, which is what id(a) == id(b) compares.
// - The same object, or two objects alive at the same time: known.
// - An object freed, and the very next allocation an object of the same kind: CPython hands it
//   the block just freed — a list from the list free list (Objects/listobject.c), a dict from the
//   dict free list (Objects/dictobject.c), any other small object from the block its allocator
//   has just put back at the head of the free list of its size (pymalloc natively,
//   Objects/obmalloc.c; dlmalloc's small bins in the WebAssembly builds), so an object of another
//   length may get it if it rounds up to the same block size. Measured deterministic on
//   3.8-3.12, native and WebAssembly alike (2000 generated programs each on wasm-3.10, 3.11 and
//   3.12 with this rule: no divergence), and from 3.13 for lists, dicts and object(). An instance
//   of a class from 3.13 may get another block (id(D()) == id(D()) is True, then False a line
//   later, on wasm-3.13 to 3.15, and always False on native 3.13.0): the model declines it.
// - Anything allocated or freed in between: declined; so is a str that CPython may have grown in
//   place out of another (Python/ceval.c unicode_concatenate).
import type { PyObj } from './objects.ts';
import { mayBeSame } from './objects.ts';
import { atLeast, type Profile } from './profile.ts';

/** Which freed blocks the model knows the next allocation reuses, and the build's pointer width. */
export interface ReuseRule {
  instances: boolean;
  bits: 32 | 64;
  allocator: Profile['allocator'];
}

export function addressReuse(profile: Profile): ReuseRule {
  return { instances: !atLeast(profile, 3, 13), bits: profile.bits, allocator: profile.allocator };
}

/** What two id() results of one run allow, or null when either was not taken by id(). */
export function reuseOf(a: ReuseRule | undefined, b: ReuseRule | undefined): ReuseRule | null {
  return a && b ? { ...a, instances: a.instances && b.instances } : null;
}

/**
 * The free list a freed object goes to, if its type keeps one: floats, lists, dicts and tuples of
 * each length below 20 (Objects/floatobject.c, listobject.c, dictobject.c, tupleobject.c;
 * Include/internal/pycore_freelist_state.h from 3.13). Such a list is last in, first out and only
 * its own type allocates from it.
 */
function freeListOf(o: PyObj): string | null {
  const p = o.payload;
  switch (p.kind) {
    case 'float': case 'list': case 'dict': return p.kind;
    case 'tuple': {
      const size = p.freedSize ?? p.items.length;
      return size > 0 && size < 20 ? `tuple/${size}` : null;
    }
    default: return null;
  }
}

/** `second` is the first allocation from `first`'s free list after `first` went on top of it. */
function fromFreeList(first: PyObj, second: PyObj, heap: readonly PyObj[]): boolean {
  const key = freeListOf(first);
  if (key === null || key !== freeListOf(second)) return false;
  for (const o of heap) {
    if (o === first || o === second || freeListOf(o) !== key) continue;
    if (o.allocatedAt > first.freedAt && o.allocatedAt < second.allocatedAt) return false;
    if (!o.alive && o.freedAt > first.freedAt && o.freedAt < second.allocatedAt) return false;
  }
  return true;
}

/** Whether `b` got `a`'s block or the other way round; sameAddress has ruled out overlapping lives. */
function reusedAddress(a: PyObj, b: PyObj, rule: ReuseRule, heap: readonly PyObj[]): boolean | null {
  const [first, second] = a.allocatedAt < b.allocatedAt ? [a, b] : [b, a];
  if (fromFreeList(first, second, heap)) return true;
  if (second.allocatedAt !== first.freedAt + 1) return false;
  const p = first.payload;
  const q = second.payload;
  if (p.kind !== q.kind) return false;
  if (p.kind === 'instance' && q.kind === 'instance') return p.cls !== q.cls ? false : rule.instances ? true : null;
  // Types without a free list get the block pymalloc just put back, if nothing was allocated in
  // between and the new object is of the same size class: object(), sets, bytes (one byte or none
  // is a shared object, never freed), ints parsed from strs of as many digits. Not ints made by
  // arithmetic: it frees temporaries of their size on the way (5 ** 40 and 5 ** 41 get different
  // blocks).
  if (p.kind === 'bytes' && q.kind === 'bytes') return sameBlockSize(bytesSize(p.value.length, rule.bits), bytesSize(q.value.length, rule.bits), rule);
  if (p.kind === 'int' && q.kind === 'int') return p.parsedDigits !== undefined && p.parsedDigits === q.parsedDigits;
  return p.kind === 'object' || p.kind === 'set';
}

/** Objects/bytesobject.c PyBytesObject_SIZE: the header up to ob_sval, the bytes and a NUL. */
function bytesSize(length: number, bits: 32 | 64): number {
  return (bits === 64 ? 32 : 16) + length + 1;
}

/**
 * The block a request of `size` bytes gets, or null when the model does not know the allocator's
 * rounding. Objects/obmalloc.c: up to SMALL_REQUEST_THRESHOLD (512) bytes come from pools of one
 * size class, rounded up to ALIGNMENT (16 on 64-bit builds from 3.8, 8 on 32-bit ones); larger
 * ones from malloc. dlmalloc (emscripten's malloc, system/lib/dlmalloc.c): a chunk holds the
 * request and a 4-byte header, rounded up to 8 bytes, at least 16. Unknown allocators: no block
 * size, no prediction.
 */
function blockSize(size: number, rule: ReuseRule): number | null {
  if (rule.allocator === 'pymalloc') {
    if (size > 512) return null;
    const align = rule.bits === 64 ? 16 : 8;
    return Math.ceil(size / align) * align;
  }
  if (rule.allocator === 'malloc' && rule.bits === 32) {
    // Only chunks below MIN_LARGE_SIZE (256) live in exact-size small bins, last in, first out
    // (wasm-3.15 gives bytes(1000) and bytes(1001) different blocks, freed one after the other).
    const chunk = Math.max(16, Math.ceil((size + 4) / 8) * 8);
    return chunk < 256 ? chunk : null;
  }
  return null;
}

function sameBlockSize(a: number, b: number, rule: ReuseRule): boolean {
  const x = blockSize(a, rule);
  return x !== null && x === blockSize(b, rule);
}

/** Whether `later` may live in `earlier`'s block, through a chain of in-place concatenations. */
function mayBeResizedFrom(later: PyObj, earlier: PyObj): boolean {
  for (let o = later.mayHaveAddressOf; o; o = o.mayHaveAddressOf) if (o === earlier) return true;
  return false;
}

/** id(a) == id(b); null where the model cannot know. */
export function sameAddress(a: PyObj, b: PyObj, rule: ReuseRule, heap: readonly PyObj[], compileMarks: readonly number[] = []): boolean | null {
  if (a === b) return true;
  if (a.identityUnknown || b.identityUnknown || mayBeSame(a, b)) return null;
  if (mayBeResizedFrom(a, b) || mayBeResizedFrom(b, a)) return null;
  const aEnd = a.alive ? Infinity : a.freedAt;
  const bEnd = b.alive ? Infinity : b.freedAt;
  if (a.allocatedAt < bEnd && b.allocatedAt < aEnd) return false;
  // At the prompt, compiling the next input may take the freed block first (measured on 3.8-3.14:
  // id(D()) == i after del a of a D, id([]) == i after del of a list, across inputs, is False).
  const [first, second] = a.allocatedAt < b.allocatedAt ? [a, b] : [b, a];
  if (compileMarks.some((t) => t > first.freedAt && t < second.allocatedAt)) return null;
  return reusedAddress(a, b, rule, heap) === true ? true : null;
}
