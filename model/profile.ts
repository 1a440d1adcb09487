// A profile is everything about an interpreter that changes what a program observes: the CPython
// version (down to the patch release, which matters: 3.12.0-3.12.x changed string immortality)
// and the pointer width (64 for native builds, 32 for the WebAssembly ones).
// Rules of the model ask the profile questions; they never look at the version string themselves.

export interface Profile {
  major: number;
  minor: number;
  patch: number;
  bits: 32 | 64;
  /**
   * How the build hashes str and bytes (sys.hash_info.algorithm): SipHash on the native builds,
   * FNV on the WebAssembly ones (measured: every Pyodide build reports 'fnv'); unknown when only
   * a version and a width were given for a 32-bit build.
   */
  strHash: 'siphash' | 'fnv' | 'unknown';
  /**
   * What serves small objects: pymalloc on the native builds; the C library's malloc (emscripten's
   * dlmalloc) on the WebAssembly ones, which Pyodide configures without pymalloc (measured: every
   * build's sysconfig says WITH_PYMALLOC 0); unknown for a 32-bit build of unknown kind.
   */
  allocator: 'pymalloc' | 'malloc' | 'unknown';
}

/** Where an interpreter comes from: a native executable or an embedded (WebAssembly) build. */
export type BuildKind = 'native' | 'embedded';

/** Versions the model has rules for. Outside this range `profileFor` refuses. */
export const OLDEST: readonly [number, number] = [3, 8];
export const NEWEST: readonly [number, number] = [3, 15];

export class ProfileError extends Error {
  override name = 'ProfileError';
}

/** Parses `3.11`, `3.11.7`, `3.15.0a2`, `3.12.0rc1` into a profile; patch defaults to 0. */
export function profileFor(version: string, bits: 32 | 64 = 64, build?: BuildKind): Profile {
  const m = /^(\d+)\.(\d+)(?:\.(\d+))?(?:(?:a|b|rc)\d+)?\+?$/.exec(version.trim());
  if (!m) throw new ProfileError(`'${version}' is not a CPython version (expected X.Y or X.Y.Z)`);
  const major = Number(m[1]);
  const minor = Number(m[2]);
  const patch = m[3] === undefined ? 0 : Number(m[3]);
  if (major !== 3 || minor < OLDEST[1] || minor > NEWEST[1]) {
    throw new ProfileError(`the model has no profile for CPython ${version} (it knows 3.${OLDEST[1]} to 3.${NEWEST[1]})`);
  }
  const strHash = build === 'embedded' ? 'fnv' : build === 'native' || bits === 64 ? 'siphash' : 'unknown';
  const allocator = build === 'embedded' ? 'malloc' : build === 'native' || bits === 64 ? 'pymalloc' : 'unknown';
  return { major, minor, patch, bits, strHash, allocator };
}

/** True when the profile's version is at least major.minor(.patch). */
export function atLeast(p: Profile, major: number, minor: number, patch = 0): boolean {
  if (p.major !== major) return p.major > major;
  if (p.minor !== minor) return p.minor > minor;
  return p.patch >= patch;
}

export function describeProfile(p: Profile): string {
  return `CPython ${p.major}.${p.minor}.${p.patch} (${p.bits}-bit)`;
}
