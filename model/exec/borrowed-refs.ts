// Stack references that own no count. CPython's value stack holds tagged references
// (Include/internal/pycore_stackref.h); a borrowed one is not counted in ob_refcnt, and it stays
// borrowed when it is copied (PyStackRef_DUP keeps the tag) or moved into a callee's frame or a
// local (STORE_FAST stores the stack reference as it is). It becomes a counted reference only when
// it is stored into a heap object (a list, a dict, an attribute, a global: PyStackRef_AsPyObjectSteal
// takes a new reference) or returned (PyStackRef_MakeHeapSafe).
// - 3.14 loads a fast local as a borrowed reference where the compiler can prove the local
//   outlives it (Python/flowgraph.c optimize_load_fast, LOAD_FAST_BORROW): a call's arguments,
//   a display's items.
// - 3.15 loads every constant as a borrowed reference: the code object keeps it alive
//   (Python/bytecodes.c LOAD_CONST and LOAD_SMALL_INT, PyStackRef_FromPyObjectBorrow).
import type { Expr } from '../../language/ast.ts';
import { nameKind } from '../compile/scope.ts';
import { atLeast } from '../profile.ts';
import type { Runtime } from '../runtime.ts';
import type { Frame } from './frame.ts';

/** 3.14+: `e` is a fast local that a call loads with LOAD_FAST_BORROW. */
function fastLocalBorrowedByCall(rt: Runtime, frame: Frame, e: Expr): boolean {
  const borrowed = atLeast(rt.profile, 3, 14) && e.kind === 'Name' && nameKind(frame.unit.scope, e.id) === 'fast';
  if (borrowed) rt.fire('borrowed-local-arguments');
  return borrowed;
}

/** 3.15+: `e` compiles to LOAD_CONST (or LOAD_SMALL_INT), which pushes a borrowed reference. */
export function loadsBorrowedConstant(rt: Runtime, frame: Frame, e: Expr): boolean {
  const borrowed = atLeast(rt.profile, 3, 15) && frame.unit.constOf.has(e);
  if (borrowed) rt.fire('borrowed-constants');
  return borrowed;
}

/** A fast local that holds a borrowed reference; loading it with LOAD_FAST copies the tag. */
function borrowedLocal(frame: Frame, e: Expr): boolean {
  return e.kind === 'Name' && nameKind(frame.unit.scope, e.id) === 'fast' && (frame.borrowed?.has(e.id) ?? false);
}

/** Whether the reference `e` leaves on the stack (a call's argument, a display's item) is borrowed. */
export function stackRefBorrowed(rt: Runtime, frame: Frame, e: Expr | null): boolean {
  if (e === null) return false;
  return fastLocalBorrowedByCall(rt, frame, e) || loadsBorrowedConstant(rt, frame, e);
}

/** Whether assigning `e` to a fast local stores a borrowed reference there. */
export function storesBorrowed(rt: Runtime, frame: Frame, e: Expr): boolean {
  return loadsBorrowedConstant(rt, frame, e) || borrowedLocal(frame, e);
}
