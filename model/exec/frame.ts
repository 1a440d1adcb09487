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
}
