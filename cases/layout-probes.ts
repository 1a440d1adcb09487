// Whether a case's observations are facts of CPython or of one heap's layout. An embedded build
// lays its heap out by everything it allocated before the program, down to the length of the
// program name it starts under (oracle/pyodide-load.ts), and which block a freed object's memory
// goes to next can follow from that layout: a freed bytes(240) went to the next bytes(241) on
// wasm-3.12 under some names and not under others. A case must not pin such an observation, so
// the recorder and cases/heap-layout.test.ts also run the cases under these names.
//
// Their lengths are the fewest that, between them, moved that observation on every build where a
// name 1 to 8, 12, 16, 24, 32, 40 or 64 characters longer moved it (measured per build,
// 2026-11-25): +1 on wasm-3.12 and 3.14, +4 on 3.15, +5 on 3.12 and 3.13, +40 on 3.10, 3.12 and
// 3.14. On wasm-3.11 none did. Native interpreters are not probed: across four checkout paths of 2 to 46
// characters, no case observed anything different on any of them.
import { DEFAULT_EXECUTABLE } from '../oracle/pyodide-load.ts';
import type { RunResult } from '../oracle/types.ts';
import type { Case } from './case.ts';
import { compareObservations, observationSite, show } from './check.ts';

export const LAYOUT_PROBES: readonly string[] = [1, 4, 5, 40].map((longer) => `${DEFAULT_EXECUTABLE}${'x'.repeat(longer)}`);

/**
 * How what `name` observed for the case under the default program name (`base`) and under the
 * probe `probe` (`probed`) differ, one line each; none when they agree.
 */
export function layoutDifferences(c: Case, name: string, base: RunResult, probed: RunResult, probe: string): string[] {
  if (base.status !== probed.status) {
    return [`${c.file}: depends on the heap's layout: ${name} ended ${base.status} started as ${DEFAULT_EXECUTABLE} and ${probed.status} as ${probe}`];
  }
  return compareObservations(c, base.observations, probed.observations).map(
    (d) =>
      `${observationSite(c, d)} depends on the heap's layout: ${name} observed ${show(d.expected)} started as ${DEFAULT_EXECUTABLE} and ${show(d.actual)} as ${probe}`,
  );
}
