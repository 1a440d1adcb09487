// Recording what real CPythons observe for a case: run it on every interpreter at hand, merge
// equal observation lists into version ranges, and (with writeExpectations) put them in the file.
import type { InterpreterInfo, Oracle, RunResult } from '../oracle/types.ts';
import type { Case } from './case.ts';
import { entryOf, mergePoints, mergeWithExisting, type ExpectEntry, type RecordedPoint } from './merge-ranges.ts';
import { parseInterpreterVersion } from './versions.ts';

export { writeExpectations, rewriteExpectText, type ExpectChange } from './rewrite-expect.ts';
export type { ExpectEntry } from './merge-ranges.ts';

export interface RecordedRun {
  info: InterpreterInfo;
  result: RunResult;
}

export interface Recording {
  case: Case;
  runs: RecordedRun[];
  /** The case's new `expect:` entries: the recorded ones, and existing ones no interpreter here covered. */
  expect: ExpectEntry[];
  /** Interpreters that could not start or run the case, and versions observed two ways: one line each. */
  problems: string[];
}

/** Runs the case on every oracle in turn (an oracle holds one interpreter) and merges what they observed. */
export async function recordExpectations(c: Case, oracles: readonly Oracle[]): Promise<Recording> {
  const runs: RecordedRun[] = [];
  const problems: string[] = [];
  const points: RecordedPoint[] = [];
  for (const oracle of oracles) {
    let info: InterpreterInfo;
    let result: RunResult;
    try {
      info = await oracle.info();
      [result] = await oracle.run([{ source: c.source, mode: c.mode }]);
    } catch (e) {
      problems.push(`an interpreter could not run ${c.file}: ${(e instanceof Error ? e.message : String(e)).split('\n')[0]}`);
      continue;
    }
    runs.push({ info, result });
    if (result.status !== 'ok') {
      problems.push(`${info.name} (CPython ${info.version}): ${result.status}: ${result.detail ?? 'no detail'}`);
      continue;
    }
    points.push({ version: parseInterpreterVersion(info.version), bits: info.bits, observations: result.observations, name: info.name });
  }
  const merged = mergePoints(points);
  problems.push(...merged.problems);
  const expect = mergeWithExisting(c.expect.map(entryOf), merged.entries, points);
  return { case: c, runs, expect, problems };
}
