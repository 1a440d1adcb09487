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
}
