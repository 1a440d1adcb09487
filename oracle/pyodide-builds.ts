// The embedded CPython builds the project knows (SPEC section 4): which CPython each Pyodide
// release embeds, the npm alias it is installed under (package.json pins each one exactly), and
// whether it is installed here.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';

export interface PyodideBuild {
  /** What the oracle reports as its name and what a user types to choose it: `wasm-3.12`. */
  name: string;
  /** The CPython minor version the build embeds: `3.12`. */
  python: string;
  /** The npm alias the build is installed under: `pyodide-0.27`. */
  alias: string;
  /** The Pyodide release package.json pins for the alias: `0.27.7`. */
  pyodide: string;
}

export interface BuildStatus extends PyodideBuild {
  installed: boolean;
  /** The installed package's directory and its own version, when installed. */
  dir?: string;
  installedVersion?: string;
}

export const PYODIDE_BUILDS: readonly PyodideBuild[] = [
  { name: 'wasm-3.10', python: '3.10', alias: 'pyodide-0.22', pyodide: '0.22.1' },
  { name: 'wasm-3.11', python: '3.11', alias: 'pyodide-0.25', pyodide: '0.25.1' },
  { name: 'wasm-3.12', python: '3.12', alias: 'pyodide-0.27', pyodide: '0.27.7' },
  { name: 'wasm-3.13', python: '3.13', alias: 'pyodide-0.29', pyodide: '0.29.3' },
  { name: 'wasm-3.14', python: '3.14', alias: 'pyodide-314', pyodide: '314.0.7' },
  // The 3.15 release candidate.
  { name: 'wasm-3.15', python: '3.15', alias: 'pyodide-315', pyodide: '315.0.0-alpha.2' },
];

const require = createRequire(import.meta.url);

/** The build a user means by its name (`wasm-3.12`), CPython version (`3.12`) or alias (`pyodide-0.27`). */
export function findBuild(choice: string): PyodideBuild | undefined {
  return PYODIDE_BUILDS.find((b) => choice === b.name || choice === b.python || choice === b.alias);
}

/** Where the build is installed, looked up as Node resolves the alias from this package. */
export function buildStatus(build: PyodideBuild): BuildStatus {
  let manifest: string;
  try {
    manifest = require.resolve(`${build.alias}/package.json`);
  } catch {
    return { ...build, installed: false };
  }
  try {
    const { version } = JSON.parse(readFileSync(manifest, 'utf8')) as { version?: unknown };
    if (typeof version !== 'string') return { ...build, installed: false };
    return { ...build, installed: true, dir: dirname(manifest), installedVersion: version };
  } catch {
    return { ...build, installed: false };
  }
}

/** Every known build, with whether it is installed. */
export function pyodideBuilds(): BuildStatus[] {
  return PYODIDE_BUILDS.map(buildStatus);
}
