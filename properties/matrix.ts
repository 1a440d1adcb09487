// Which interpreters a test file runs on, and how each appears in the test output: every entry of
// discovery is either run or reported as skipped by name with the reason, never dropped silently.
import type { InterpreterEntry } from '../oracle/discover.ts';

export interface Matrix {
  /** Available interpreters, in discovery order (oldest version first). */
  run: InterpreterEntry[];
  /** The ones not available here (not found, not installed, broken), each with its reason. */
  skipped: InterpreterEntry[];
}

/** The entries of one kind (all kinds when `kind` is absent), split into those to run and those to skip. */
export function matrixOf(entries: readonly InterpreterEntry[], kind?: InterpreterEntry['kind']): Matrix {
  const chosen = entries.filter((e) => kind === undefined || e.kind === kind);
  return { run: chosen.filter((e) => e.available), skipped: chosen.filter((e) => !e.available) };
}

/** `3.12.1 (CPython 3.12.1, 64-bit native)`, `wasm-3.12 (CPython 3.12.7, 32-bit embedded)`. */
export function interpreterTitle(entry: InterpreterEntry): string {
  return `${entry.name} (CPython ${entry.version}, ${entry.bits}-bit ${entry.kind})`;
}

/** `conformance on python3.14: no CPython 3.14 on PATH, ...`: what did not run, where, and why. */
export function skippedTitle(what: string, entry: InterpreterEntry): string {
  return `${what} on ${entry.name}: ${entry.reason ?? 'not available'}`;
}
