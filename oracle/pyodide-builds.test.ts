// The list of embedded builds: how a user names one, and that it agrees with what package.json pins.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findBuild, PYODIDE_BUILDS, pyodideBuilds } from './pyodide-builds.ts';
import { PyodideOracle } from './pyodide.ts';
import { OracleError } from './types.ts';

describe('the known embedded builds', () => {
  it('are found by name, CPython version or alias, and nothing else', () => {
    expect(findBuild('wasm-3.12')?.alias).toBe('pyodide-0.27');
    expect(findBuild('3.10')?.pyodide).toBe('0.22.1');
    expect(findBuild('pyodide-315')?.name).toBe('wasm-3.15');
    expect(findBuild('3.9')).toBeUndefined();
    expect(findBuild('pyodide')).toBeUndefined();
    expect(() => new PyodideOracle('3.9')).toThrow(OracleError);
    expect(() => new PyodideOracle('3.9')).toThrow("'3.9' is no embedded build: choose one of wasm-3.10, wasm-3.11, wasm-3.12, wasm-3.13, wasm-3.14, wasm-3.15");
  });

  it('are the aliases package.json pins, each to one exact release', () => {
    const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { dependencies: Record<string, string> };
    const pinned = Object.entries(manifest.dependencies).filter(([, spec]) => spec.startsWith('npm:pyodide@'));
    expect(Object.fromEntries(pinned)).toEqual(Object.fromEntries(PYODIDE_BUILDS.map((b) => [b.alias, `npm:pyodide@${b.pyodide}`])));
  });

  it('say whether each is installed, and installed ones are the pinned release', () => {
    const builds = pyodideBuilds();
    expect(builds.map((b) => b.name)).toEqual(PYODIDE_BUILDS.map((b) => b.name));
    for (const build of builds) {
      if (!build.installed) continue;
      expect(build.installedVersion).toBe(build.pyodide);
      expect(build.dir).toMatch(new RegExp(`node_modules/${build.alias}$`));
    }
  });
});
