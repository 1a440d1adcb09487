// Finding the native CPythons on this machine: the places to look, and asking each interpreter
// once what it is. Nothing here keeps a process running: every probe is one short `-c` run.
import { existsSync, readdirSync, realpathSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { basename, delimiter, dirname, join } from 'node:path';
import { execa } from 'execa';

/** What an interpreter says about itself (the same facts as the worker's hello). */
export interface Probe {
  version: string;
  bits: 32 | 64;
  implementation: string;
  /** `sys.executable`, resolved to the real file. */
  executable: string;
}

export type ProbeOutcome = { probe: Probe; error?: undefined } | { probe?: undefined; error: string };

const PROBE_TIMEOUT_MS = 10_000;

// The worker's `_version()` in one expression: 3.11.7, 3.13.0rc1, 3.15.0a2.
const PROBE_SCRIPT = [
  'import sys, json',
  'v = sys.version_info',
  "level = {'alpha': 'a', 'beta': 'b', 'candidate': 'rc'}.get(v.releaselevel, '')",
  "print(json.dumps({'version': '%d.%d.%d' % v[:3] + (level and '%s%d' % (level, v.serial)),",
  "  'bits': sys.maxsize.bit_length() + 1, 'implementation': sys.implementation.name, 'executable': sys.executable}))",
].join('\n');

/** The environment the worker would run in, minus what could make the probe print anything else. */
function probeEnv(): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (value !== undefined && (!key.startsWith('PYTHON') || key === 'PYTHONHOME')) env[key] = value;
  }
  return env;
}

/** Runs the interpreter once (a name on PATH or a path) and reads what it says; never throws. */
export async function probeInterpreter(python: string): Promise<ProbeOutcome> {
  const r = await execa(python, ['-S', '-c', PROBE_SCRIPT], {
    env: probeEnv(),
    extendEnv: false,
    reject: false,
    timeout: PROBE_TIMEOUT_MS,
    stdin: 'ignore',
  });
  if (r.timedOut) return { error: `${python} did not answer within ${PROBE_TIMEOUT_MS / 1000} s` };
  if ('code' in r && (r.code === 'ENOENT' || r.code === 'EACCES')) {
    return { error: `${python}: ${r.code === 'ENOENT' ? 'no such file or command' : 'not executable'}` };
  }
  if (r.exitCode !== 0) {
    const firstLine = String(r.stderr).trim().split('\n')[0] ?? '';
    const how = r.signal ? `signal ${r.signal}` : `status ${r.exitCode ?? 'unknown'}`;
    return { error: `${python} exited with ${how}${firstLine === '' ? '' : `: ${firstLine}`}` };
  }
  try {
    const o = JSON.parse(String(r.stdout)) as Record<string, unknown>;
    const { version, bits, implementation, executable } = o;
    if (typeof version !== 'string' || (bits !== 32 && bits !== 64) || typeof implementation !== 'string' || typeof executable !== 'string') {
      throw new Error('unexpected answer');
    }
    return { probe: { version, bits, implementation, executable: realExecutable(executable) ?? executable } };
  } catch {
    return { error: `${python} did not answer as a Python 3 interpreter does` };
  }
}

/** The real file behind a path (symbolic links resolved), or undefined when there is none. */
export function realExecutable(path: string): string | undefined {
  try {
    const real = realpathSync(path);
    return statSync(real).isFile() ? real : undefined;
  } catch {
    return undefined;
  }
}

export const PATH_NAMES: readonly string[] = ['python3', ...Array.from({ length: 8 }, (_, i) => `python3.${8 + i}`)];

/** Where pyenv keeps its interpreters: $PYENV_ROOT, or ~/.pyenv. */
export function pyenvRoot(): string {
  return process.env.PYENV_ROOT || join(homedir(), '.pyenv');
}

/** A pyenv shim runs whichever version pyenv selects, and fails for the others: not an interpreter of its own. */
export function isPyenvShim(path: string): boolean {
  return basename(dirname(path)) === 'shims';
}

/**
 * Every file on PATH with one of the names, not only the first: a pyenv shim early on PATH may hide
 * a system interpreter further on. A `python3.X` shim is left out: it runs a version from pyenv's
 * folder or one further on PATH, both found without it (and, for a version pyenv has not
 * selected, it fails slowly). The `python3` shim is kept and asked once which file it runs.
 */
function onPath(names: readonly string[]): string[] {
  const dirs = (process.env.PATH ?? '').split(delimiter).filter((d) => d !== '');
  const found: string[] = [];
  for (const name of names) {
    for (const path of dirs.map((d) => join(d, name))) {
      const real = realExecutable(path);
      if (real !== undefined && (name === 'python3' || !isPyenvShim(real))) found.push(path);
    }
  }
  return found;
}

function pyenvInterpreters(): string[] {
  const versions = join(pyenvRoot(), 'versions');
  let dirs: string[];
  try {
    dirs = readdirSync(versions).sort();
  } catch {
    return [];
  }
  // Version folders named 2.x or 3.0-3.7 hold interpreters the worker refuses: not worth a process.
  return dirs
    .filter((d) => !/^(?:[0-2]\.|3\.[0-7]\.)/.test(d))
    .map((d) => join(versions, d, 'bin', 'python3'))
    .filter((p) => existsSync(p));
}

function systemInterpreters(): string[] {
  try {
    return readdirSync('/usr/bin')
      .filter((f) => /^python3(?:\.\d+)?$/.test(f))
      .sort()
      .map((f) => join('/usr/bin', f));
  } catch {
    return [];
  }
}

/** Every place a native CPython may be, in order of preference (PATH first), unresolved. */
export function nativeCandidates(): string[] {
  return [...onPath(PATH_NAMES), ...pyenvInterpreters(), ...systemInterpreters()];
}

/** Where discovery looked, for the message about a version it did not find. */
export function placesLooked(): string {
  return `on PATH, in ${join(pyenvRoot(), 'versions')} or in /usr/bin`;
}
