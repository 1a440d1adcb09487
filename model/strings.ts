// Which str objects are shared, and interning.
// - Strings made at run time (concatenation of variables, join, str(), f-strings, methods) are new
//   objects, except '' and one-character latin-1 strings, which are shared singletons
//   (Objects/unicodeobject.c: unicode_result, get_latin1_char).
// - String constants made only of ASCII letters, digits and '_' are interned when their code
//   object is made (Objects/codeobject.c: intern_string_constants, all_name_chars), so equal
//   ones are one object across code objects.
// - sys.intern(s) returns the interned string equal to s, interning s itself if there is none.
//   Whether the interpreter already interned an equal string is unknowable, so the model knows
//   only the interned strings the program itself produced.
import { sharedStr } from './singletons.ts';
import type { PyObj } from './objects.ts';
import type { Runtime } from './runtime.ts';
import { atLeast } from './profile.ts';

/** A str made at run time. */
export function newStr(rt: Runtime, value: string): PyObj {
  const shared = sharedStr(rt, value);
  if (shared) return shared;
  rt.fire('runtime-str-new');
  return rt.alloc({ kind: 'str', value, interned: false });
}

export function isIdentifierLike(value: string): boolean {
  return /^[A-Za-z0-9_]*$/.test(value);
}

/**
 * Makes `o` (a str constant of a code object) interned, or returns the interned equal string
 * (the caller then drops `o`). Interned strings are shared with the interpreter: their counts are
 * not knowable — except where interning made them immortal: 3.12.0 to 3.12.5
 * (Objects/unicodeobject.c PyUnicode_InternInPlace immortalized every interned string; gh-113993
 * made them mortal again in 3.13.0 and, backported, in 3.12.6).
 */
export function internConstant(rt: Runtime, o: PyObj): PyObj {
  if (o.payload.kind !== 'str') return o;
  const value = o.payload.value;
  if (value.length === 1 && value.charCodeAt(0) < 256 && deepFrozenCopiesInterned(rt)) return maybeDeepFrozen(rt, o, value);
  if (value.length <= 1 && (value.length === 0 || value.charCodeAt(0) < 256)) return o;
  const existing = rt.interned.get(value);
  rt.fire('string-interning');
  if (existing) {
    rt.incref(existing);
    rt.decref(o);
    return existing;
  }
  markInterned(rt, o);
  return o;
}

/**
 * 3.11 and 3.12 up to at least 3.12.1: the stdlib's deep-frozen code objects carried their own
 * one-character strs (Tools/build/deepfreeze.py; gh-103875 made it reuse the latin-1 singletons),
 * interned at startup, so interning a one-character constant may give that copy instead of the
 * singleton chr() returns: measured 'a' is chr(97) False on 3.11.2, 3.11.7, 3.12.1 and wasm 3.11.3,
 * True on wasm 3.12.7 and from 3.13 (likely with gh-113993's rewrite of interning, backported in
 * 3.12.6). Which characters have a copy is unknowable, so its identity with the
 * singleton is unknown (objects.ts mayBe); it is still one object, and no other.
 */
function deepFrozenCopiesInterned(rt: Runtime): boolean {
  return atLeast(rt.profile, 3, 11) && !atLeast(rt.profile, 3, 12, 7);
}

/** The interned one-character str: the singleton or a deep-frozen copy, one object per character. */
function maybeDeepFrozen(rt: Runtime, o: PyObj, value: string): PyObj {
  rt.fire('string-interning');
  let interned = rt.shared.get(`interned-str:${value}`);
  if (!interned) {
    interned = rt.allocShared({ kind: 'str', value, interned: true });
    interned.mayBe = o;
    rt.shared.set(`interned-str:${value}`, interned);
  }
  rt.incref(interned);
  rt.decref(o);
  return interned;
}

export function markInterned(rt: Runtime, o: PyObj): void {
  if (o.payload.kind !== 'str') return;
  o.payload.interned = true;
  o.rcExact = false;
  if (internedAreImmortal(rt)) {
    rt.fire('interned-immortal');
    o.immortal = true;
  }
  rt.interned.set(o.payload.value, o);
}

export function internedAreImmortal(rt: Runtime): boolean {
  return atLeast(rt.profile, 3, 12) && !atLeast(rt.profile, 3, 12, 6);
}
