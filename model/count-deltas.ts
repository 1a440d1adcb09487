// The count of an object the interpreter shares (a cached small int from 100 up, a one-character
// str, the empty tuple) counts references the model cannot know: every one the rest of the interpreter holds.
// Those stay put while a program runs, so the difference of two counts of the same object is the
// change in the references the program itself made, which the model follows (Python/sysmodule.c
// sys_getrefcount returns Py_REFCNT: base + the program's share, twice; the base cancels).
// Left out: None, the bools, Ellipsis and classes, which the interpreter references behind the
// program's back (a class's __doc__, a function's doc); and strs that look like identifiers, which
// name things: a class body's `abc = 1` keys its dict with the interned 'abc', `def abc()` holds it
// as the function's name and qualified name (measured on 3.8-3.11: the count of 'abc' moves by 1,
// then 3, where the program's own references did not move). In 3.12 and 3.13 such strs may also
// be immortal or not, which the model does not know.
import type { PyObj } from './objects.ts';
import { newInt } from './small-ints.ts';
import type { Runtime } from './runtime.ts';

/** Whether sys.getrefcount(o) - r, with r an earlier count of o, is the program's own change. */
export function countDeltaKnown(o: PyObj): boolean {
  const p = o.payload;
  if (o.immortal) return false;
  if (p.kind === 'str') return !/^[A-Za-z_][A-Za-z0-9_]*$/.test(p.value);
  // The small ints everything counts with (0, 1, -1...) move under the program: 3.8-3.11 drop a
  // reference to 0 across `type(a).__name__`, and at the prompt its count moves by 3 from one input
  // to the next, with nothing of the program's in between. Only the cached ints from 100 up, which
  // no counter reaches, are followed (measured across prompt inputs too, on 3.8-3.11).
  if (p.kind === 'int') return !p.unknown && p.value >= 100n;
  return p.kind === 'bytes' || (p.kind === 'tuple' && p.items.length === 0);
}

/** An unknown count of `o`: what the model knows of (`known`) plus what the interpreter holds. */
export function unknownCount(rt: Runtime, o: PyObj, known: bigint): PyObj {
  const r = rt.alloc({ kind: 'int', value: 0n, unknown: true, countOf: { obj: o, known } });
  r.identityUnknown = true;
  r.rcExact = false;
  return r;
}

/** `a - b` of two counts of the same shared object: known, or null when it is not that. */
export function countDelta(rt: Runtime, a: PyObj, b: PyObj): PyObj | null {
  const p = a.payload;
  const q = b.payload;
  if (p.kind !== 'int' || q.kind !== 'int' || !p.countOf || !q.countOf || p.countOf.obj !== q.countOf.obj) return null;

  rt.fire('shared-count-delta');
  return newInt(rt, p.countOf.known - q.countOf.known);
}
