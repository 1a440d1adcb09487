// Discovery on this machine: what it must find is computed from the machine itself (pyenv's
// folder, python3 on PATH), so that the test says which interpreter is missing, never passes
// silently on a machine without them.
import { existsSync, readdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { NEWEST, OLDEST } from '../model/profile.ts';
import { discoverInterpreters, openOracle, resolveOracleSpec } from './discover.ts';
import { PYODIDE_BUILDS } from './pyodide.ts';

const PYENV = join(process.env.PYENV_ROOT || join(homedir(), '.pyenv'), 'versions');
/** pyenv's CPython folders from 3.8 on (`3.12.1`), each with its bin/python3. */
const pyenvVersions = (existsSync(PYENV) ? readdirSync(PYENV) : []).filter(
  (d) => /^3\.\d+\.\d+$/.test(d) && Number(d.split('.')[1]) >= OLDEST[1] && existsSync(join(PYENV, d, 'bin/python3')),
);

async function python3Version(): Promise<string> {
  const r = await execa('python3', ['-S', '-c', 'import sys; print("%d.%d.%d" % sys.version_info[:3])']);
  return String(r.stdout).trim();
}

describe('discoverInterpreters', () => {
  it('finds python3 and every pyenv CPython from 3.8 on, each once, by a unique name', async () => {
    const entries = await discoverInterpreters();
    const available = entries.filter((e) => e.available);
    const versions = available.filter((e) => e.kind === 'native').map((e) => e.version);
    expect(versions).toContain(await python3Version());
    for (const v of pyenvVersions) expect(versions, `pyenv's ${v}`).toContain(v);
    const names = entries.map((e) => e.name);
    expect(new Set(names).size).toBe(names.length);
    const executables = available.flatMap((e) => (e.executable === undefined ? [] : [e.executable]));
    expect(new Set(executables).size).toBe(executables.length);
    for (const e of available.filter((x) => x.kind === 'native')) {
      // The version when it is unique, else the path: either way something --oracle takes back.
      expect(e.name === e.version || e.name === e.executable).toBe(true);
      expect(e.bits).toBe(64);
    }
  });

  it('leaves out interpreters older than 3.8, which the worker refuses', async () => {
    const entries = await discoverInterpreters();
    expect(entries.filter((e) => e.available && /^3\.[0-7]\./.test(e.version))).toEqual([]);
  });

  it('names each minor version the model knows that no native interpreter here has, with why', async () => {
    const entries = await discoverInterpreters();
    for (let minor = OLDEST[1]; minor <= NEWEST[1]; minor++) {
      const found = entries.some((e) => e.kind === 'native' && e.available && e.version.startsWith(`3.${minor}.`));
      const absent = entries.find((e) => e.name === `python3.${minor}`);
      if (found) expect(absent).toBeUndefined();
      else expect(absent).toMatchObject({ kind: 'native', available: false, reason: expect.stringContaining(`no CPython 3.${minor}`) });
    }
  });
});

describe('embedded builds', () => {
  it('lists every known build, installed ones by their exact version from the package metadata, the others with why', async () => {
    const entries = (await discoverInterpreters()).filter((e) => e.kind === 'embedded');
    expect(entries.map((e) => e.name)).toEqual(PYODIDE_BUILDS.map((b) => b.name));
    for (const [i, e] of entries.entries()) {
      const build = PYODIDE_BUILDS[i]!;
      expect(e).toMatchObject({ bits: 32, package: build.alias });
      if (e.available) expect(e.version).toMatch(new RegExp(`^${build.python.replace('.', '\\.')}\\.\\d+`));
      else expect(e.reason).toContain(build.alias);
    }
  });

  it('wasm-3.X names a build; an unknown one is an error listing the known ones', async () => {
    const entries = await discoverInterpreters();
    const installed = entries.find((e) => e.kind === 'embedded' && e.available);
    if (installed !== undefined) expect(await resolveOracleSpec(installed.name)).toMatchObject({ ok: true, entries: [installed] });
    const r = await resolveOracleSpec('wasm-3.99');
    expect(r).toEqual({ ok: false, spec: 'wasm-3.99', error: `no embedded build named wasm-3.99 (known: ${PYODIDE_BUILDS.map((b) => b.name).join(', ')})` });
  });
});

describe('resolveOracleSpec', () => {
  it('python3 is the one on PATH, named as typed', async () => {
    const r = await resolveOracleSpec('python3');
    expect(r).toMatchObject({ ok: true, group: false, entries: [{ name: 'python3', kind: 'native', version: await python3Version() }] });
  });

  it.skipIf(!pyenvVersions.includes('3.12.1'))('3.12 and 3.12.1 are the native CPython 3.12.1', async () => {
    for (const spec of ['3.12', '3.12.1']) {
      const r = await resolveOracleSpec(spec);
      expect(r).toMatchObject({ ok: true, entries: [{ name: '3.12.1', version: '3.12.1' }] });
    }
  });

  it('a version nobody has is an error that lists the versions there are', async () => {
    const r = await resolveOracleSpec('3.99');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error).toMatch(/^no native CPython 3\.99 here \(available: .+\)$/);
    expect(r.error).toContain(await python3Version());
  });

  it('a path that does not exist is an error naming it', async () => {
    const r = await resolveOracleSpec('/nonexistent/python3');
    expect(r).toEqual({ ok: false, spec: '/nonexistent/python3', error: '/nonexistent/python3: no such file or command' });
  });

  it('all, native and embedded stand for the available interpreters of that kind', async () => {
    const entries = await discoverInterpreters();
    const all = await resolveOracleSpec('all');
    expect(all).toMatchObject({ ok: true, group: true });
    if (!all.ok) return;
    expect(all.entries).toEqual(entries.filter((e) => e.available));
    const native = await resolveOracleSpec('native');
    expect(native.ok && native.entries.every((e) => e.kind === 'native')).toBe(true);
  });
});

describe('openOracle', () => {
  it('runs a program on the entry and reports the entry name', async () => {
    const [entry] = (await discoverInterpreters()).filter((e) => e.available && e.kind === 'native');
    const oracle = openOracle(entry!);
    try {
      expect(await oracle.info()).toMatchObject({ name: entry!.name, version: entry!.version, kind: 'native' });
      expect(await oracle.run([{ source: 'x = 1\nx + 1\n', mode: 'module' }])).toEqual([{ status: 'ok', observations: ['2'] }]);
    } finally {
      await oracle.close();
    }
  });
});
