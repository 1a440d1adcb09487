// Every interpreter the project can run on, by a name the user can type back: discovery of the
// native CPythons and embedded builds, the `--oracle` values, and opening an oracle for an entry.
import { NEWEST, OLDEST } from '../model/profile.ts';
import { isPyenvShim, nativeCandidates, placesLooked, probeInterpreter, realExecutable, type Probe } from './discover-native.ts';
import { embeddedEntries, openEmbedded } from './discover-embedded.ts';
import { NativeOracle } from './native.ts';
import type { InterpreterInfo, Oracle } from './types.ts';

export interface InterpreterEntry {
  /** Unique among the entries, and what `--oracle` accepts to choose this one again. */
  name: string;
  kind: 'native' | 'embedded';
  /** The exact version the interpreter reports (`3.12.1`); for a missing one, the minor version looked for. */
  version: string;
  bits: 32 | 64;
  /** Native: the real executable (symbolic links and pyenv shims resolved). */
  executable?: string;
  /** Embedded: the npm package (alias) that holds the build, and the Pyodide release installed under it. */
  package?: string;
  packageVersion?: string;
  available: boolean;
  /** Why it is not available. */
  reason?: string;
}

export type OracleSpecResolution =
  | { ok: true; spec: string; entries: InterpreterEntry[]; group: boolean }
  | { ok: false; spec: string; error: string };

const GROUPS = ['all', 'native', 'embedded'] as const;
const VERSION = /^3\.\d+(?:\.\d+)?$/;

const compareVersionText = (a: string, b: string): number => {
  const parts = (v: string) => v.split(/[^\d]+/).filter((p) => p !== '').map(Number);
  const [x, y] = [parts(a), parts(b)];
  for (let i = 0; i < Math.max(x.length, y.length); i++) if ((x[i] ?? -1) !== (y[i] ?? -1)) return (x[i] ?? -1) - (y[i] ?? -1);
  return 0;
};

let discovered: Promise<InterpreterEntry[]> | undefined;

/** Native CPythons (available ones, broken ones, and the minor versions not found), then embedded builds. */
export function discoverInterpreters(): Promise<InterpreterEntry[]> {
  // One command asks at most once: each probe is a process start.
  discovered ??= (async () => [...(await discoverNative()), ...(await embeddedEntries())])();
  return discovered;
}

async function discoverNative(): Promise<InterpreterEntry[]> {
  // Candidates that are one file are asked once; their answers are grouped again by the file
  // that actually runs (a shim says which one it ran).
  const byFile = new Map<string, string>();
  for (const candidate of nativeCandidates()) {
    const real = realExecutable(candidate);
    if (real !== undefined && !byFile.has(real)) byFile.set(real, candidate);
  }
  const probed = await Promise.all([...byFile.entries()].map(async ([real, candidate]) => ({ real, candidate, outcome: await probeInterpreter(real) })));

  const found = new Map<string, Probe>();
  const broken: InterpreterEntry[] = [];
  for (const { real, candidate, outcome } of probed) {
    if (outcome.probe === undefined) {
      // A shim fails for every version pyenv does not select; those versions are found in pyenv's folder.
      if (!isPyenvShim(real)) broken.push({ name: candidate, kind: 'native', version: 'unknown', bits: 64, executable: real, available: false, reason: outcome.error });
      continue;
    }
    const p = outcome.probe;
    if (p.implementation !== 'cpython' || compareVersionText(p.version, `${OLDEST[0]}.${OLDEST[1]}`) < 0) continue;
    if (!found.has(p.executable)) found.set(p.executable, p);
  }

  const probes = [...found.values()].sort((a, b) => compareVersionText(a.version, b.version) || (a.executable < b.executable ? -1 : 1));
  const available = probes.map((p): InterpreterEntry => {
    const unique = probes.filter((q) => q.version === p.version).length === 1;
    return { name: unique ? p.version : p.executable, kind: 'native', version: p.version, bits: p.bits, executable: p.executable, available: true };
  });
  const missing: InterpreterEntry[] = [];
  for (let minor = OLDEST[1]; minor <= NEWEST[1]; minor++) {
    const v = `3.${minor}`;
    if (available.some((e) => minorOf(e.version) === v)) continue;
    missing.push({ name: `python${v}`, kind: 'native', version: v, bits: 64, available: false, reason: `no CPython ${v} ${placesLooked()}` });
  }
  return [...available, ...broken, ...missing];
}

function minorOf(version: string): string {
  return /^\d+\.\d+/.exec(version)?.[0] ?? version;
}

/**
 * What one `--oracle` value stands for: `all`, `native`, `embedded` (the available ones of that
 * kind), an entry's name (`3.12.1`, `wasm-3.14`, a path when two interpreters share a version), a
 * version (`3.12`: the native interpreter of that version), or else a command or path to run.
 */
export async function resolveOracleSpec(spec: string): Promise<OracleSpecResolution> {
  if ((GROUPS as readonly string[]).includes(spec)) {
    const entries = (await discoverInterpreters()).filter((e) => e.available && (spec === 'all' || e.kind === spec));
    if (entries.length === 0) return { ok: false, spec, error: `no ${spec === 'all' ? '' : `${spec} `}interpreter is available (see cmm oracles)` };
    return { ok: true, spec, entries, group: true };
  }
  const looksDiscovered = VERSION.test(spec) || spec.startsWith('wasm-');
  if (looksDiscovered || spec.includes('/')) {
    const all = await discoverInterpreters();
    const named = all.find((e) => e.name === spec);
    if (named !== undefined) {
      if (!named.available) return { ok: false, spec, error: `${spec}: ${named.reason ?? 'not available'}` };
      return { ok: true, spec, entries: [named], group: false };
    }
    if (VERSION.test(spec)) return byVersion(spec, all);
    if (spec.startsWith('wasm-')) {
      const names = all.filter((e) => e.kind === 'embedded').map((e) => e.name);
      return { ok: false, spec, error: `no embedded build named ${spec} (known: ${names.join(', ') || 'none'})` };
    }
  }
  return byCommand(spec);
}

function byVersion(spec: string, all: readonly InterpreterEntry[]): OracleSpecResolution {
  const native = all.filter((e) => e.kind === 'native' && e.available);
  const matching = native.filter((e) => e.version === spec || (spec.split('.').length === 2 && minorOf(e.version) === spec));
  const list = native.map((e) => (e.name === e.version ? e.version : `${e.version} (${e.name})`)).join(', ');
  if (matching.length === 0) return { ok: false, spec, error: `no native CPython ${spec} here (available: ${list || 'none'})` };
  if (matching.length > 1) {
    return { ok: false, spec, error: `several interpreters are CPython ${spec}: ${matching.map((e) => e.name).join(', ')}; name one` };
  }
  return { ok: true, spec, entries: matching, group: false };
}

/** A command on PATH or a path: run as given, named as given. */
async function byCommand(spec: string): Promise<OracleSpecResolution> {
  const outcome = await probeInterpreter(spec);
  if (outcome.probe === undefined) {
    // `python3.12` may be a pyenv shim that refuses to run a version pyenv has not selected.
    const minor = /^python(3\.\d+)$/.exec(spec)?.[1];
    if (minor !== undefined) return byVersion(minor, await discoverInterpreters());
    return { ok: false, spec, error: outcome.error };
  }
  const p = outcome.probe;
  if (p.implementation !== 'cpython') return { ok: false, spec, error: `${spec} is ${p.implementation} ${p.version}, not CPython` };
  return { ok: true, spec, entries: [{ name: spec, kind: 'native', version: p.version, bits: p.bits, executable: p.executable, available: true }], group: false };
}

export interface OpenOptions {
  /** Programs run at the same time (workers, or children of an embedded build); default one per core. */
  jobs?: number;
  /** The program name an embedded build starts under (PyodideOracleOptions); native ones ignore it. */
  executable?: string;
}

let defaults: OpenOptions = {};

/** What every oracle opened afterwards uses unless told otherwise (a command sets it from its flags). */
export function setOracleDefaults(options: OpenOptions): void {
  defaults = { ...options };
}

/** An oracle for the entry, reporting the entry's name; nothing starts until it is first used. */
export function openOracle(entry: InterpreterEntry, given: OpenOptions = {}): Oracle {
  const options = { ...defaults, ...given };
  const inner =
    entry.kind === 'embedded'
      ? openEmbedded(entry, options)
      : new NativeOracle({ python: entry.executable ?? entry.name, ...(options.jobs !== undefined ? { jobs: options.jobs } : {}) });
  return {
    info: async (): Promise<InterpreterInfo> => ({ ...(await inner.info()), name: entry.name }),
    run: (requests) => inner.run(requests),
    close: () => inner.close(),
  };
}
