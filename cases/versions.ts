// CPython version ranges as case files write them: `3.12`, `3.12.1`, `3.12+`, `3.8-3.11`,
// `3.8.0-3.12.0`. Bounds are inclusive; a bound without a patch level covers every patch release of
// that minor version (`3.8-3.11` is 3.8.0 up to the last 3.11.x).

export interface Version {
  major: number;
  minor: number;
  patch: number;
}

export interface VersionRange {
  /** The range as written. */
  text: string;
  low: Version;
  /** Inclusive; `patch` is Infinity for a minor-level bound; null for `X.Y+` (no upper bound). */
  high: Version | null;
}

/** The syntax of a range; case.schema.json carries the same pattern for editors. */
export const VERSION_RANGE_PATTERN = '^\\d+\\.\\d+(\\.\\d+)?(\\+|-\\d+\\.\\d+(\\.\\d+)?)?$';

const BOUND = /^(\d+)\.(\d+)(?:\.(\d+))?$/;

export class VersionRangeError extends Error {
  override name = 'VersionRangeError';
}

function parseBound(text: string, end: 'low' | 'high'): Version {
  const m = BOUND.exec(text);
  if (!m) throw new VersionRangeError(`'${text}' is not a version (expected X.Y or X.Y.Z)`);
  const patch = m[3] !== undefined ? Number(m[3]) : end === 'low' ? 0 : Infinity;
  return { major: Number(m[1]), minor: Number(m[2]), patch };
}

export function parseVersionRange(text: string): VersionRange {
  if (!new RegExp(VERSION_RANGE_PATTERN).test(text)) {
    throw new VersionRangeError(`'${text}' is not a version range (3.12, 3.12.1, 3.12+, 3.8-3.11, 3.8.0-3.12.0)`);
  }
  if (text.endsWith('+')) return { text, low: parseBound(text.slice(0, -1), 'low'), high: null };
  const dash = text.indexOf('-');
  if (dash < 0) return { text, low: parseBound(text, 'low'), high: parseBound(text, 'high') };
  const lowText = text.slice(0, dash);
  const highText = text.slice(dash + 1);
  const range = { text, low: parseBound(lowText, 'low'), high: parseBound(highText, 'high') };
  if (compareVersions(range.low, range.high) > 0) {
    throw new VersionRangeError(`'${text}' is an empty version range: ${lowText} comes after ${highText}`);
  }
  return range;
}

/**
 * The version an interpreter reports (`3.11.7`, `3.12.0rc1`, `3.15.0a2`, `3.13.0+`). A pre-release
 * counts as its release: a case recorded on 3.15.0a2 is filed under 3.15.0.
 */
export function parseInterpreterVersion(text: string): Version {
  const m = /^(\d+)\.(\d+)(?:\.(\d+))?(?:(?:a|b|rc)\d+)?\+?$/.exec(text.trim());
  if (!m) throw new VersionRangeError(`'${text}' is not a CPython version`);
  return { major: Number(m[1]), minor: Number(m[2]), patch: m[3] === undefined ? 0 : Number(m[3]) };
}

export function compareVersions(a: Version, b: Version): number {
  return a.major - b.major || a.minor - b.minor || (a.patch === b.patch ? 0 : a.patch < b.patch ? -1 : 1);
}

export function formatVersion(v: Version): string {
  return Number.isFinite(v.patch) ? `${v.major}.${v.minor}.${v.patch}` : `${v.major}.${v.minor}`;
}

export function rangeContains(range: VersionRange, v: Version): boolean {
  return compareVersions(range.low, v) <= 0 && (range.high === null || compareVersions(v, range.high) <= 0);
}

export function rangesOverlap(a: VersionRange, b: VersionRange): boolean {
  const aBeforeB = a.high !== null && compareVersions(a.high, b.low) < 0;
  const bBeforeA = b.high !== null && compareVersions(b.high, a.low) < 0;
  return !aBeforeB && !bBeforeA;
}

/** True when `b` starts right where `a` ends, so that the two cover one unbroken range. */
export function rangesAdjacent(a: VersionRange, b: VersionRange): boolean {
  if (a.high === null || a.high.major !== b.low.major) return false;
  if (!Number.isFinite(a.high.patch)) return b.low.minor === a.high.minor + 1 && b.low.patch === 0;
  return b.low.minor === a.high.minor && b.low.patch === a.high.patch + 1;
}

/** The text of the range from `low` to `high` (either may be minor-level: patch Infinity / 0). */
export function formatRange(low: Version, high: Version | null, lowAtMinorLevel: boolean): string {
  const lowText = lowAtMinorLevel ? `${low.major}.${low.minor}` : formatVersion(low);
  if (high === null) return `${lowText}+`;
  const highText = formatVersion(high);
  return lowText === highText ? lowText : `${lowText}-${highText}`;
}

/** The union of two adjacent ranges (`a` first). */
export function joinRanges(a: VersionRange, b: VersionRange): VersionRange {
  const lowAtMinorLevel = !/^\d+\.\d+\.\d+/.test(a.text);
  const text = formatRange(a.low, b.high, lowAtMinorLevel);
  return { text, low: a.low, high: b.high };
}

/** The version just before `v` within its major version (minor-level when `v` opens a minor), or null. */
function versionBefore(v: Version): Version | null {
  if (v.patch > 0 && Number.isFinite(v.patch)) return { ...v, patch: v.patch - 1 };
  if (v.patch === 0) return v.minor === 0 ? null : { major: v.major, minor: v.minor - 1, patch: Infinity };
  return null;
}

/** The version just after `v` (the next minor when `v` closes a minor at minor level). */
function versionAfter(v: Version): Version {
  return Number.isFinite(v.patch) ? { ...v, patch: v.patch + 1 } : { major: v.major, minor: v.minor + 1, patch: 0 };
}

function rangeOf(low: Version, high: Version | null): VersionRange {
  return { text: formatRange(low, high, low.patch === 0), low, high };
}

/** What is left of `a` once the versions of `b` are taken out: none, one or two ranges. */
export function subtractRange(a: VersionRange, b: VersionRange): VersionRange[] {
  if (!rangesOverlap(a, b)) return [a];
  const out: VersionRange[] = [];
  if (compareVersions(a.low, b.low) < 0) {
    const end = versionBefore(b.low);
    if (end && compareVersions(a.low, end) <= 0) out.push(rangeOf(a.low, end));
  }
  if (b.high !== null && (a.high === null || compareVersions(b.high, a.high) < 0)) out.push(rangeOf(versionAfter(b.high), a.high));
  return out;
}
