// From observations recorded on individual interpreters to the `expect:` entries of a case file:
// consecutive versions that observed the same list become one range.
import type { Expectation } from './case.ts';
import {
  compareVersions,
  formatVersion,
  joinRanges,
  parseVersionRange,
  rangesAdjacent,
  rangesOverlap,
  subtractRange,
  type Version,
} from './versions.ts';

/** An `expect:` entry as the file writes it. */
export interface ExpectEntry {
  python: string;
  bits?: 32 | 64;
  observations: string[];
}

/** What one interpreter observed. */
export interface RecordedPoint {
  version: Version;
  bits: 32 | 64;
  observations: string[];
  /** The interpreter, for messages. */
  name: string;
}

export function entryOf(e: Expectation): ExpectEntry {
  const entry: ExpectEntry = { python: e.range.text, observations: [...e.observations] };
  if (e.bits !== undefined) entry.bits = e.bits;
  return entry;
}

export function sameEntry(a: ExpectEntry, b: ExpectEntry): boolean {
  return a.python === b.python && a.bits === b.bits && sameList(a.observations, b.observations);
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/**
 * Entries for the recorded points, per pointer width. A range bound is written at the minor level
 * (`3.11`) unless another entry needs part of that minor version, then at the patch level
 * (`3.12.1`). Two interpreters of one exact version that observed different lists are a problem:
 * that version is left out.
 */
export function mergePoints(points: readonly RecordedPoint[]): { entries: ExpectEntry[]; problems: string[] } {
  const problems: string[] = [];
  const entries: ExpectEntry[] = [];
  for (const bits of [64, 32] as const) {
    const byVersion = new Map<string, RecordedPoint>();
    const conflicting = new Set<string>();
    for (const p of points.filter((q) => q.bits === bits)) {
      const key = formatVersion(p.version);
      const seen = byVersion.get(key);
      if (seen && !sameList(seen.observations, p.observations)) {
        conflicting.add(key);
        problems.push(`CPython ${key} (${bits}-bit) observed differently on ${seen.name} and ${p.name}: [${seen.observations.join(', ')}] vs [${p.observations.join(', ')}]`);
      }
      if (!seen) byVersion.set(key, p);
    }
    const sorted = [...byVersion.entries()]
      .filter(([key]) => !conflicting.has(key))
      .map(([, p]) => p)
      .sort((a, b) => compareVersions(a.version, b.version));
    const groups: RecordedPoint[][] = [];
    for (const p of sorted) {
      const last = groups[groups.length - 1];
      if (last && sameList(last[0].observations, p.observations)) last.push(p);
      else groups.push([p]);
    }
    for (const group of groups) {
      const others = groups.filter((g) => g !== group).flat();
      const low = group[0].version;
      const high = group[group.length - 1].version;
      const sharesMinor = (v: Version) => others.some((o) => o.version.major === v.major && o.version.minor === v.minor);
      const lowText = sharesMinor(low) ? formatVersion(low) : `${low.major}.${low.minor}`;
      const highText = sharesMinor(high) ? formatVersion(high) : `${high.major}.${high.minor}`;
      const python = lowText === highText ? lowText : `${lowText}-${highText}`;
      entries.push({ python, bits, observations: [...group[0].observations] });
    }
  }
  return { entries: collapseWidths(entries), problems };
}

/** When both widths recorded the very same entries, one set without `bits` says it once. */
function collapseWidths(entries: ExpectEntry[]): ExpectEntry[] {
  if (entries.some((e) => e.bits === undefined)) return entries;
  const of = (bits: number) => entries.filter((e) => e.bits === bits);
  const [wide, narrow] = [of(64), of(32)];
  if (wide.length === 0 || wide.length !== narrow.length) return entries;
  const same = wide.every((e, i) => e.python === narrow[i].python && sameList(e.observations, narrow[i].observations));
  return same ? wide.map((e) => ({ python: e.python, observations: e.observations })) : entries;
}

/**
 * The case's entries after a recording: the recorded entries take the versions they cover (and
 * each recorded interpreter's own version) out of the existing entries; what is left of those
 * stays (recorded elsewhere, on interpreters not at hand). An existing entry for both widths is
 * split per width where a recording for one width cuts into it. Sorted by version; adjacent
 * entries that observed the same list are joined.
 */
export function mergeWithExisting(existing: readonly ExpectEntry[], recorded: readonly ExpectEntry[], points: readonly RecordedPoint[]): ExpectEntry[] {
  const cuts = [
    ...recorded.map((r) => ({ bits: r.bits, range: parseVersionRange(r.python) })),
    ...points.map((p) => ({ bits: p.bits as 32 | 64 | undefined, range: parseVersionRange(formatVersion(p.version)) })),
  ];
  const kept: ExpectEntry[] = [];
  for (const e of existing) {
    const range = parseVersionRange(e.python);
    const overlapping = cuts.filter((c) => rangesOverlap(range, c.range) && (e.bits === undefined || c.bits === undefined || c.bits === e.bits));
    if (overlapping.length === 0) {
      kept.push(e);
      continue;
    }
    const oneWidthCut = e.bits === undefined && overlapping.some((c) => c.bits !== undefined);
    const widths: Array<32 | 64 | undefined> = oneWidthCut ? [64, 32] : [e.bits];
    for (const bits of widths) {
      let left = [range];
      for (const c of overlapping.filter((x) => bits === undefined || x.bits === undefined || x.bits === bits)) left = left.flatMap((l) => subtractRange(l, c.range));
      for (const l of left) kept.push(bits === undefined ? { python: l.text, observations: [...e.observations] } : { python: l.text, bits, observations: [...e.observations] });
    }
  }
  const all = [...kept, ...recorded].sort(
    (a, b) => compareVersions(parseVersionRange(a.python).low, parseVersionRange(b.python).low) || (a.bits ?? 0) - (b.bits ?? 0),
  );
  const joined: ExpectEntry[] = [];
  for (const entry of all) {
    const previous = [...joined].reverse().find((j) => j.bits === entry.bits);
    if (previous && sameList(previous.observations, entry.observations)) {
      const a = parseVersionRange(previous.python);
      const b = parseVersionRange(entry.python);
      if (rangesAdjacent(a, b)) {
        previous.python = joinRanges(a, b).text;
        continue;
      }
    }
    joined.push({ ...entry, observations: [...entry.observations] });
  }
  return collapseWidths(joined);
}
