// `cmm check --python-version X.Y`: the model of one CPython checked against another interpreter,
// which finds what changed between the two (here 3.11's model against CPython 3.12).
import { describe, expect, it } from 'vitest';
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

    const assumed = await cmm([...args, '--python-version', '3.11']);
    expect(assumed.stdout).toMatch(/^model: the profile of CPython 3\.11 \(--python-version\), not the interpreter's own$/m);
    expect(assumed.stdout).toMatch(/^DIVERGENCE · CPython 3\.11\.0 \(32-bit\) \(wasm-3\.12\)/m);
    // Shrunk: a handful of lines, the prelude's import included.
    const program = assumed.stdout.slice(assumed.stdout.indexOf('# mode:'));
    expect(program.trim().split('\n').length).toBeLessThanOrEqual(8);
    expect(assumed.exitCode).toBe(1);
  }, 120_000);
});
