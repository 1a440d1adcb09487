// A running code object: where its names live while it runs.
import type { CodeUnit } from '../compile/code-unit.ts';
import type { PyObj } from '../objects.ts';

export interface Frame {
  unit: CodeUnit;
  /** Fast locals of a function (each holds one reference). */
  fast: Map<string, PyObj>;
  /** Cell objects of a function: its cell variables and the free variables it closes over. */
  cells: Map<string, PyObj>;
  /** The namespace of a class body while it runs. */
  classNs: Map<string, PyObj> | null;
  /**
   * Fast locals that hold a borrowed reference (3.14: an argument the caller loaded with
   * LOAD_FAST_BORROW moves into the callee's frame still borrowed). The model counts them in `rc`
   * for lifetimes, and sys.getrefcount leaves them out.
   */
  borrowed?: Set<string>;
  /** The __qualname__ of the function or class whose code runs here; none for the module. */
  qualname?: string;
}

/**
 * The __qualname__ of a function or class defined in this frame (Python/compile.c
 * compiler_set_qualname): its name at module level or where the name is declared global,
 * `f.<locals>.name` inside a function f, `C.name` inside the body of a class C.
 */
export function qualnameIn(frame: Frame, name: string): string {
  if (frame.qualname === undefined || frame.unit.scope.declaredGlobal.has(name)) return name;
  return frame.classNs ? `${frame.qualname}.${name}` : `${frame.qualname}.<locals>.${name}`;
}
