import { chmodSync, existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cmm, tempFiles } from './spawn-cmm.ts';

const HAS_3_12_1 = existsSync(join(process.env.PYENV_ROOT || join(homedir(), '.pyenv'), 'versions/3.12.1/bin/python3'));

interface OracleRow {
  name: string;
  kind: 'native' | 'embedded';
  version: string;
  bits: number;
  executable: string | null;
  package: string | null;
  packageVersion: string | null;
  available: boolean;
  reason: string | null;
}

async function oracleRows(): Promise<OracleRow[]> {
  const r = await cmm(['oracles', '--json']);
  expect(r.exitCode).toBe(0);
  return JSON.parse(r.stdout) as OracleRow[];
}

describe('cmm oracles', () => {
  it('--json lists every interpreter with its name, version, width, kind and where it is; missing ones with why', async () => {
    const rows = await oracleRows();
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      expect(Object.keys(row).sort()).toEqual(['available', 'bits', 'executable', 'kind', 'name', 'package', 'packageVersion', 'reason', 'version']);
      expect([32, 64]).toContain(row.bits);
      if (row.available) {
        expect(row.reason).toBeNull();
        expect(row.version).toMatch(/^3\.\d+\.\d+/);
        expect(row.kind === 'native' ? row.executable : row.package).toEqual(expect.any(String));
      } else {
        expect(row.reason).toEqual(expect.any(String));
      }
    }
    expect(rows.filter((r) => r.available && r.kind === 'native').length).toBeGreaterThan(0);
  });

  it('prints a table of the available ones and a list of the missing ones', async () => {
    const rows = await oracleRows();
    const r = await cmm(['oracles']);
    expect(r.stdout).toMatch(/^name\s+version\s+bits\s+kind\s+executable \/ package\n/);
    for (const row of rows.filter((x) => x.available)) expect(r.stdout).toMatch(new RegExp(`^${row.name.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}\\s+${row.version.replace(/\./g, '\\.')}\\s+${row.bits}\\s+${row.kind}\\s`, 'm'));
    for (const row of rows.filter((x) => !x.available)) expect(r.stdout).toContain(`${row.name}  `);
  });
});

describe('--oracle', () => {
  const { paths } = tempFiles({ 'p.py': 'x = [1]\ny = x\nx is y\nlen(x) + 1\n' });

  it.skipIf(!HAS_3_12_1)('--oracle 3.12 runs on CPython 3.12.1', async () => {
    const r = await cmm(['check', '--oracle', '3.12', '--runs', '1', '--seed', '1', '--json']);
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout).interpreter).toMatchObject({ name: '3.12.1', version: '3.12.1', bits: 64 });
  });

  it('--oracle 3.99 is a one-line usage error that lists the versions there are', async () => {
    const rows = await oracleRows();
    const r = await cmm(['run', '--oracle', '3.99', paths[0]!]);
    expect(r.exitCode).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^cmm: no native CPython 3\.99 here \(available: [^\n]+\)\n$/);
    for (const row of rows.filter((x) => x.available && x.kind === 'native')) expect(r.stderr).toContain(row.version);
  });

  it('run with several interpreters: interpreter name -> file -> observations', async () => {
    // A native and an embedded one: loading every embedded build is the check test's cost, not this one's.
    const rows = (await oracleRows()).filter((x) => x.available);
    const chosen = [rows.find((x) => x.kind === 'native')!, ...rows.filter((x) => x.kind === 'embedded').slice(0, 1)];
    const r = await cmm(['run', ...chosen.flatMap((x) => ['--oracle', x.name]), '--json', paths[0]!]);
    const json = JSON.parse(r.stdout) as Record<string, Record<string, string[]>>;
    expect(Object.keys(json)).toEqual(chosen.map((x) => x.name));
    for (const row of chosen) expect(json[row.name]).toEqual({ [paths[0]!]: ['True', '2'] });
    expect(r.exitCode).toBe(0);
  });

  it('run --oracle native prints a block per native interpreter', async () => {
    const natives = (await oracleRows()).filter((x) => x.available && x.kind === 'native');
    const r = await cmm(['run', '--oracle', 'native', paths[0]!]);
    expect(r.stdout.match(/^=== .+: CPython 3\.\d+\.\d+, 64-bit ===\nTrue\n2\n/gm)).toHaveLength(natives.length);
  });

  it('check --oracle all --runs 20 --json: one row per available interpreter, with its own profile', async () => {
    const rows = (await oracleRows()).filter((x) => x.available);
    const r = await cmm(['check', '--oracle', 'all', '--runs', '20', '--seed', '7', '--json']);
    const json = JSON.parse(r.stdout) as { interpreter: { name: string; version: string; bits: number }; profile?: string; seed?: number; programs?: number; error: string | null; failure?: unknown }[];
    expect(json.map((x) => x.interpreter.name)).toEqual(rows.map((x) => x.name));
    for (const [i, row] of json.entries()) {
      expect(row.interpreter).toMatchObject({ version: rows[i]!.version, bits: rows[i]!.bits });
      if (row.error !== null) continue; // an interpreter the model has no profile for says so
      expect(row.seed).toBe(7);
      expect(row.profile).toBe(row.interpreter.version.replace(/^(\d+\.\d+\.\d+).*$/, '$1'));
      expect(row.programs).toBeGreaterThan(0);
    }
    expect(r.exitCode).toBe(json.some((x) => x.failure != null) ? 1 : 0);
  });

  it('check with several interpreters prints one row each', async () => {
    const r = await cmm(['check', '--oracle', 'python3', '--python', 'python3', '--oracle', 'native', '--runs', '3', '--seed', '1']);
    expect(r.stdout).toMatch(/^seed 1\n\ninterpreter\s+version\s+bits\s+programs\s+compared\s+agreed\s+declined\s+divergences\s+flaky\n/);
    // python3 is also one of the native interpreters: it runs once, under the first name given.
    expect(r.stdout).toMatch(/^python3\s+3\.\d+\.\d+\s+64\s+3\s/m);
  });

  it('cases with several interpreters: one column each, embedded ones too', async () => {
    const rows = (await oracleRows()).filter((x) => x.available);
    const chosen = [...rows.filter((x) => x.kind === 'native'), ...rows.filter((x) => x.kind === 'embedded').slice(0, 1)];
    const r = await cmm(['cases', '--oracle', 'native', ...chosen.filter((x) => x.kind === 'embedded').flatMap((x) => ['--oracle', x.name])]);
    const [header, cached] = [r.stdout.split('\n')[0]!, r.stdout.split('\n').find((l) => l.startsWith('cached-range '))!];
    expect(header.split(/\s{2,}/)).toEqual(['case', 'mode', 'model', ...chosen.map((x) => x.name)]);
    expect(cached.split(/\s{2,}/).slice(3)).toHaveLength(chosen.length);
    for (const cell of cached.split(/\s{2,}/).slice(3)) expect(cell).toMatch(/^(pass|FAIL.*|no expectation)$/);
  });

  it('an interpreter that fails to start is a row saying so among several, and a usage error alone', async () => {
    // Answers discovery's question as CPython 3.12.0 would, then fails to run the worker.
    const { paths: [fake] } = tempFiles({
      'fakepython': '#!/bin/sh\nif [ "$1" = "-S" ] && [ "$2" = "-c" ]; then echo \'{"version": "3.12.0", "bits": 64, "implementation": "cpython", "executable": "\'"$0"\'"}\'; exit 0; fi\necho "no worker here" >&2\nexit 1\n',
    });
    chmodSync(fake!, 0o755);
    const several = await cmm(['check', '--oracle', 'python3', '--oracle', fake!, '--runs', '2', '--seed', '1', '--json']);
    const rows = JSON.parse(several.stdout) as { interpreter: { name: string; version: string }; error: string | null }[];
    expect(rows.map((r) => r.interpreter.name)).toEqual(['python3', fake]);
    expect(rows[0]!.error).toBeNull();
    expect(rows[1]).toMatchObject({ interpreter: { version: '3.12.0' }, error: expect.stringMatching(/^could not start: .*no worker here/) });
    const text = await cmm(['check', '--oracle', 'python3', '--oracle', fake!, '--runs', '2', '--seed', '1']);
    expect(text.stdout).toMatch(new RegExp(`^${fake!.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}\\s+3\\.12\\.0\\s+64\\s+could not start: `, 'm'));
    const alone = await cmm(['check', '--oracle', fake!, '--runs', '2']);
    expect(alone.exitCode).toBe(2);
    expect(alone.stderr).toMatch(/^cmm: .*no worker here.*\n$/);
  });
});
