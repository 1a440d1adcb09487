// What the converter carries while it walks the tree: the source, the mode, what the whole program
// defines, and the scope the current statement runs in (for the rules on `global`).
import type { Mode } from './ast.ts';
import type { SourceText } from './source-text.ts';

export const USE = 1;
export const ASSIGN = 2;
export const PARAM = 4;
export const GLOBAL = 8;

/** One symbol table, as CPython's symtable keeps it: what each name has been so far. */
export class Scope {
  private readonly flags = new Map<string, number>();
  constructor(readonly kind: 'module' | 'function' | 'class') {}

  mark(name: string, flag: number): void {
    this.flags.set(name, (this.flags.get(name) ?? 0) | flag);
  }

  get(name: string): number {
    return this.flags.get(name) ?? 0;
  }
}

export interface Ctx {
  src: SourceText;
  mode: Mode;
  /** Method and attribute names the program defines anywhere: `x.m(...)` may call these. */
  programAttributes: ReadonlySet<string>;
  /** Classes defined by the `class` statements seen so far (the possible bases). */
  classNames: Set<string>;
  scope: Scope;
  /** Shared by every context of one parse: how deep the walk is. */
  depth: { expr: number; block: number; fstring: number };
}

export const MAX_EXPR_DEPTH = 100;
export const MAX_BLOCK_DEPTH = 50;
