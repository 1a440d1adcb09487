// The embedded CPython builds (Pyodide under npm aliases, oracle/pyodide-builds.ts) as discovery
// entries. The exact CPython version comes from the package's own metadata, so that listing the
// builds loads none of them (loading one takes seconds).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { InterpreterEntry, OpenOptions } from './discover.ts';
import { PyodideOracle, pyodideBuilds, type BuildStatus } from './pyodide.ts';
import type { Oracle } from './types.ts';

export async function embeddedEntries(): Promise<InterpreterEntry[]> {
  return pyodideBuilds().map((b): InterpreterEntry => {
    const base = { name: b.name, kind: 'embedded' as const, bits: 32 as const, package: b.alias };
    if (!b.installed) {
      return { ...base, version: b.python, available: false, reason: `npm package ${b.alias} is not installed (npm install --save ${b.alias}@npm:pyodide@${b.pyodide})` };
    }
    return { ...base, packageVersion: b.installedVersion ?? b.pyodide, version: metadataVersion(b) ?? b.python, available: true };
  });
}

/** `info.python` of the build's package lock (repodata.json before Pyodide 0.23): `3.12.7`. */
function metadataVersion(b: BuildStatus): string | undefined {
  if (b.dir === undefined) return undefined;
  for (const file of ['pyodide-lock.json', 'repodata.json']) {
    try {
      const { info } = JSON.parse(readFileSync(join(b.dir, file), 'utf8')) as { info?: { python?: unknown } };
      if (typeof info?.python === 'string') return info.python;
    } catch {
      // not this file: try the next
    }
  }
  return undefined;
}

export function openEmbedded(entry: InterpreterEntry, options: OpenOptions = {}): Oracle {
  return new PyodideOracle(entry.name, options);
}
