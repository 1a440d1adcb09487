// `cmm check --python-version X.Y`: the model of one CPython checked against another interpreter,
// which finds what changed between the two (here 3.11's model against CPython 3.12); each group
// of divergences is shrunk on its own and saved under .cmm/failures/, replays, and becomes a case
// with cmm promote.
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCaseFile } from '../cases/load.ts';
import { cmm } from './spawn-cmm.ts';

describe('check --python-version', () => {
  it('refuses a version the model has no profile for, in one line, before anything runs', async () => {
    const r = await cmm(['check', '--python-version', '2.7', '--runs', '1']);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toMatch(/^cmm: [^\n]*no profile for CPython 2\.7[^\n]*\n$/);
  });

  it("finds a difference between 3.11's model and CPython 3.12, where 3.12's own model agrees", async () => {
    const args = ['check', '--oracle', 'wasm-3.12', '--runs', '400', '--seed', '1', '--jobs', '1'];
    const own = await cmm(args);
    expect(own.stderr).toBe('');
    expect(own.stdout).toMatch(/^no divergence · CPython 3\.12\.\d+ \(32-bit\)/m);
    expect(own.exitCode).toBe(0);

    const dir = mkdtempSync(join(tmpdir(), 'cmm-failures-'));
    const assumed = await cmm([...args, '--python-version', '3.11'], dir);
    expect(assumed.stdout).toMatch(/^model: the profile of CPython 3\.11 \(--python-version\), not the interpreter's own$/m);
    expect(assumed.stdout).toMatch(/^DIVERGENCE · CPython 3\.11\.0 \(32-bit\) \(wasm-3\.12\)/m);
    // Each group shrunk on its own, to a handful of lines (the prelude's import included).
    const sections = assumed.stdout.split(/\n(?=── )/).slice(1);
    expect(sections.length).toBeGreaterThan(0);
    const statements = (section: string): string[] => section.slice(section.indexOf('# mode:'), section.indexOf('\nwritten to')).trim().split('\n').slice(1);
    // The immortality difference (PEP 683): two new references change a shared int's count by 2
    // up to 3.11 and not at all from 3.12, shrunk to three statements.
    const immortal = sections.find((s) => s.includes('reference count delta') && s.includes('model 2, CPython 0'));
    expect(immortal).toBeDefined();
    expect(statements(immortal!).length).toBeLessThanOrEqual(3);
    for (const section of sections) {
      expect(statements(section).length).toBeLessThanOrEqual(7);
      expect(section).toMatch(/replay: cmm check --oracle wasm-3\.12 --python-version 3\.11 --seed 1 --path "[\d:]+" --only "[^"]+"/);
    }
    expect(assumed.exitCode).toBe(1);

    // One case file per group, each saying how it was found.
    const saved = readdirSync(join(dir, '.cmm', 'failures'));
    expect(saved).toHaveLength(sections.length);
    const written = /^written to (.*)$/m.exec(sections[0]!)?.[1];
    expect(written).toMatch(/^\.cmm\/failures\/divergence-wasm-3-12-[0-9a-f]{8}\.yaml$/);
    const file = join(dir, written!);
    const name = basename(file);
    const text = readFileSync(file, 'utf8');
    expect(text).toMatch(/^# interpreter: wasm-3\.12, CPython 3\.12\.\d+, 32-bit$/m);
    expect(text).toMatch(/^# model: the profile of CPython 3\.11\.0$/m);
    expect(text).toMatch(/^# seed 1, path "[\d:]+", group "[^"]+"$/m);
    const failure = loadCaseFile(file);
    expect(failure.expect.map((e) => e.range.text)).toEqual([expect.stringMatching(/^3\.12\.\d+$/)]);

    // It replays on the interpreter and profile it names, and still diverges.
    const replayed = await cmm(['replay', file], dir);
    expect(replayed.stdout).toMatch(/on wasm-3\.12 \(CPython 3\.12\.\d+, 32-bit\): DIVERGES/);
    expect(replayed.exitCode).toBe(1);
    // Against 3.12's own model it agrees.
    const own12 = await cmm(['replay', '--python-version', '3.12', file], dir);
    expect(own12.stdout).toMatch(/: agrees now$/m);
    expect(own12.exitCode).toBe(0);

    // Promoted: a case of its own, with what CPython 3.12 observed as its expectation.
    const promoted = await cmm(['promote', '--oracle', 'wasm-3.12', '--to', join(dir, 'cases'), file], dir);
    expect(promoted.exitCode).toBe(0);
    const c = loadCaseFile(join(dir, 'cases', name));
    expect(c.expect.map((e) => [e.range.text, e.bits, e.observations])).toEqual([['3.12', 32, failure.expect[0]!.observations]]);
    expect(readFileSync(join(dir, 'cases', name), 'utf8')).not.toMatch(/^# interpreter:/m);
  }, 180_000);
});
