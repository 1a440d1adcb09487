// Loading a build: what is refused before anything loads, and what the build's memory holds of
// the process that loaded it (each load in a process of its own: a process holds one build).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { buildStatus, findBuild } from './pyodide-builds.ts';
import { checkExecutable, DEFAULT_EXECUTABLE, loadBuild } from './pyodide-load.ts';

it('names a missing package file, and refuses a second build in the same process', async () => {
  await expect(loadBuild('/nonexistent/pyodide-0.27', '0.27.7')).rejects.toThrow('/nonexistent/pyodide-0.27/pyodide.mjs is missing: reinstall the package');
  await expect(loadBuild('/nonexistent/pyodide-314', '314.0.7')).rejects.toThrow(
    'this process already loaded (or tried to load) the build in /nonexistent/pyodide-0.27: one process holds one build',
  );
});

it('takes only an absolute program name of printable ASCII without spaces', () => {
  expect(checkExecutable('/cmm/pythonxxxx')).toBe('/cmm/pythonxxxx');
  for (const bad of ['', 'python', '/cmm/my python', '/cmm/pyth\non', '/cmm/pythön', `/${'x'.repeat(201)}`]) {
    expect(() => checkExecutable(bad), JSON.stringify(bad)).toThrow("an embedded build's program name is an absolute path");
  }
});

// Pyodide 0.25 names the program after process.argv[1] only; 0.27 also takes _sysExecutable.
describe.each(['wasm-3.11', 'wasm-3.12'])('a loaded build (%s)', (name) => {
  const status = buildStatus(findBuild(name)!);

  /**
   * Loads the build in a new process whose script lives in a directory named `dirName`, and
   * answers its program name and where three fresh objects land: a fingerprint of the heap's layout.
   */
  async function fingerprint(dirName: string, executable?: string): Promise<string> {
    const dir = mkdtempSync(join(tmpdir(), dirName));
    try {
      const script = join(dir, 'load.mts');
      writeFileSync(
        script,
        [
          `import { loadBuild } from ${JSON.stringify(new URL('./pyodide-load.ts', import.meta.url).href)};`,
          `const py = await loadBuild(${JSON.stringify(status.dir)}, ${JSON.stringify(status.installedVersion)}${executable === undefined ? '' : `, ${JSON.stringify(executable)}`});`,
          `console.log(py.runPython("import sys; repr((sys.executable, sys.orig_argv, id(object()), id(bytes(1000)), id(bytes(100000))))"));`,
        ].join('\n'),
      );
      const r = await execa(process.execPath, ['--import', 'tsx', script, 'an-argument'], { cwd: new URL('..', import.meta.url), reject: false });
      expect(r.exitCode, r.stderr).toBe(0);
      return r.stdout.trim();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }

  it.skipIf(!status.installed)("lays its heap out the same whatever the loading script's path and arguments, and by the program name it is given", async () => {
    const short = await fingerprint('l-');
    const long = await fingerprint('a-much-longer-directory-for-the-loading-script-');
    expect(short).toMatch(new RegExp(`^\\('${DEFAULT_EXECUTABLE}', \\['${DEFAULT_EXECUTABLE}'\\], \\d+, \\d+, \\d+\\)$`));
    expect(long).toBe(short);
    // The fingerprint does see a longer name: a name is all it takes to move the heap.
    const renamed = await fingerprint('l-', `${DEFAULT_EXECUTABLE}x`);
    expect(renamed.startsWith(`('${DEFAULT_EXECUTABLE}x', ['${DEFAULT_EXECUTABLE}x'], `)).toBe(true);
    expect(renamed.replace(/^.*\], /, '')).not.toBe(short.replace(/^.*\], /, ''));
  });
});
