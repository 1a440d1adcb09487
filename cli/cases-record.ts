// `cmm cases --record`: runs every case on the chosen interpreters and rewrites each case's
// `expect:` list from what they observed (cases/record.ts merges the observations into version
// ranges and keeps the entries no interpreter here covers). Only observations are ever written:
// the model plays no part. Each interpreter is started once and runs every case, then closed,
// because an embedded build is costly to load and only one can be loaded at a time. An embedded
// build also runs every case under the program names of cases/layout-probes.ts: a case that
// observes anything differently there depends on the heap's layout, and is not rewritten.
import type { Case, CaseFileError } from '../cases/load.ts';
import { recordExpectations, writeExpectations, type ExpectChange, type ExpectEntry } from '../cases/record.ts';
import { parseVersionRange } from '../cases/versions.ts';
import { LAYOUT_PROBES, layoutDifferences } from '../cases/layout-probes.ts';
import type { InterpreterEntry } from '../oracle/discover.ts';
import type { InterpreterInfo, Oracle, OracleRequest, RunResult } from '../oracle/types.ts';
import { oneLine } from './errors.ts';
import type { Io } from './io.ts';
import { tryOracle, type Selection } from './oracle.ts';

interface Observed {
  info: InterpreterInfo;
  /** One per case, in the order of the cases. */
  results: RunResult[];
}

export async function recordCases(cases: readonly Case[], errors: readonly CaseFileError[], selection: Selection, io: Io): Promise<number> {
  const observed: Observed[] = [];
  const problems: string[] = [];
  /** By case index: how its observations moved with the heap's layout. */
  const unsettled = new Map<number, string[]>();
  const requests = cases.map((c) => ({ source: c.source, mode: c.mode }));
  for (const entry of selection.entries) {
    const outcome = await tryOracle(entry, async (oracle, info) => ({ info, results: await oracle.run(requests) }));
    if (!outcome.ok) {
      problems.push(`${entry.name}: could not start: ${outcome.error}`);
      continue;
    }
    observed.push(outcome.value);
    if (entry.kind === 'embedded') problems.push(...(await probeLayouts(cases, entry, requests, outcome.value.results, unsettled)));
  }
  const used = observed.map((o) => `${o.info.name} (${o.info.version}, ${o.info.bits}-bit)`);
  io.out(`recording on ${used.length} interpreter${used.length === 1 ? '' : 's'}: ${used.join(', ') || 'none'}\n`);

  const recordedMinors = new Set(observed.map((o) => minorOf(o.info.version)));
  let unchanged = 0;
  for (const [index, c] of cases.entries()) {
    const moved = unsettled.get(index);
    if (moved !== undefined) {
      problems.push(...moved, `${c.file}: not rewritten: what it observes on the same CPython depends on the heap's layout, so no expectation of it holds`);
      continue;
    }
    const recording = await recordExpectations(c, observed.map((o) => replay(o.info, o.results[index]!)));
    problems.push(...recording.problems.map((p) => `${c.file}: ${p}`));
    try {
      const change = writeExpectations(c.file, recording.expect);
      if (change.changed) io.out(describeChange(change, recordedMinors));
      else unchanged++;
    } catch (e) {
      problems.push(`${c.file}: not rewritten: ${oneLine(e)}`);
    }
  }
  if (unchanged > 0) io.out(`${unchanged} case file${unchanged === 1 ? '' : 's'} unchanged\n`);
  if (problems.length > 0) io.out(`\nproblems:\n${problems.map((p) => `  ${p}`).join('\n')}\n`);
  if (errors.length > 0) io.out(`\nbad case files (not recorded):\n${errors.map((e) => `  ${e.message}`).join('\n')}\n`);
  return problems.length > 0 || errors.length > 0 ? 1 : 0;
}

/**
 * Runs the cases on `entry` started under each layout probe, and notes in `unsettled` every case
 * that observes anything other than `base`; answers the probes that could not start.
 */
async function probeLayouts(
  cases: readonly Case[],
  entry: InterpreterEntry,
  requests: readonly OracleRequest[],
  base: readonly RunResult[],
  unsettled: Map<number, string[]>,
): Promise<string[]> {
  const problems: string[] = [];
  for (const probe of LAYOUT_PROBES) {
    const outcome = await tryOracle(entry, (oracle) => oracle.run(requests), { executable: probe });
    if (!outcome.ok) {
      problems.push(`${entry.name} started as ${probe}: could not start: ${outcome.error}`);
      continue;
    }
    for (const [index, c] of cases.entries()) {
      const lines = layoutDifferences(c, entry.name, base[index]!, outcome.value[index]!, probe);
      if (lines.length > 0) unsettled.set(index, [...(unsettled.get(index) ?? []), ...lines]);
    }
  }
  return problems;
}

/** An oracle that answers with what one interpreter already observed for one case. */
function replay(info: InterpreterInfo, result: RunResult): Oracle {
  return { info: async () => info, run: async () => [result], close: async () => {} };
}

function minorOf(version: string): string {
  return /^\d+\.\d+/.exec(version)?.[0] ?? version;
}

/**
 * The minor versions an entry this recording replaced covered, yet no interpreter here ran: what
 * they observed is gone from the file (record.ts replaces every entry a recording overlaps).
 */
function droppedMinors(entry: ExpectEntry, recorded: ReadonlySet<string>): string[] {
  const range = parseVersionRange(entry.python);
  if (range.high === null) return [];
  const dropped: string[] = [];
  for (let minor = range.low.minor; minor <= range.high.minor; minor++) {
    if (!recorded.has(`${range.low.major}.${minor}`)) dropped.push(`${range.low.major}.${minor}`);
  }
  return dropped;
}

/**
 * `file:` then one line per entry: `+` added, `~` changed (same range and width), `-` removed; and
 * `!` where a replaced entry covered versions this recording did not run.
 */
function describeChange(change: ExpectChange, recordedMinors: ReadonlySet<string>): string {
  const key = (e: ExpectEntry): string => `${e.python}${e.bits === undefined ? '' : ` (${e.bits}-bit)`}`;
  const list = (e: ExpectEntry): string => `[${e.observations.join(', ')}]`;
  const changed = change.added.filter((a) => change.removed.some((r) => key(r) === key(a)));
  const lines: string[] = [];
  for (const a of change.added) {
    const before = change.removed.find((r) => key(r) === key(a));
    lines.push(before === undefined ? `  + ${key(a)}: ${list(a)}` : `  ~ ${key(a)}: ${list(before)} -> ${list(a)}`);
  }
  for (const r of change.removed) if (!changed.some((a) => key(a) === key(r))) lines.push(`  - ${key(r)}: ${list(r)}`);
  for (const r of change.removed) {
    const dropped = droppedMinors(r, recordedMinors);
    if (dropped.length > 0) lines.push(`  ! ${key(r)} also held CPython ${dropped.join(', ')}, not run here: record on those too to keep them`);
  }
  const removed = change.removed.length - changed.length;
  const counts = `${change.added.length - changed.length} added, ${changed.length} changed, ${removed} removed`;
  return `${change.file}: ${counts}\n${lines.join('\n')}\n`;
}
