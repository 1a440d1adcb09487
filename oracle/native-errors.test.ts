// What the user sees when the chosen python cannot be an oracle: one line, naming it.
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { existsSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NativeOracle } from './native.ts';
import { OracleError } from './types.ts';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'cmm-oracle-'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

function script(name: string, body: string): string {
  const path = join(dir, name);
  writeFileSync(path, `#!/bin/sh\n${body}\n`);
  chmodSync(path, 0o755);
  return path;
}

async function startError(python: string): Promise<OracleError> {
  const oracle = new NativeOracle({ python });
  try {
    const error: unknown = await oracle.info().then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(OracleError);
    const message = (error as OracleError).message;
    expect(message).not.toContain('\n');
    // run() fails the same way, with a new attempt rather than a remembered failure.
    await expect(oracle.run([{ source: '1', mode: 'module' }])).rejects.toThrow(OracleError);
    return error as OracleError;
  } finally {
    await oracle.close();
    expect(oracle.pid).toBeUndefined();
  }
}

describe('a python that cannot be an oracle', () => {
  it('is missing', async () => {
    const error = await startError('python3-that-does-not-exist');
    expect(error.message).toBe('cannot start python3-that-does-not-exist: not found (choose another with --python PATH)');
  });

  it('is not executable', async () => {
    const path = join(dir, 'not-executable');
    writeFileSync(path, 'data\n');
    const error = await startError(path);
    expect(error.message).toBe(`cannot start ${path}: permission denied (choose another with --python PATH)`);
  });

  it('prints something else than the hello', async () => {
    const path = script('junk-python', "echo 'junk output'\necho 'first complaint' >&2\necho 'fatal: broken interpreter' >&2\nexit 1");
    const error = await startError(path);
    expect(error.message).toBe(
      `${path} is not a usable CPython: it printed 'junk output' instead of the worker's hello (stderr: fatal: broken interpreter)`,
    );
  });

  it('exits without a word on stdout', async () => {
    const path = script('failing-python', "echo 'Fatal Python error: no stdlib' >&2\nexit 3");
    const error = await startError(path);
    expect(error.message).toBe(
      `${path} is not a usable CPython: it exited with status 3 before the worker started (stderr: Fatal Python error: no stdlib)`,
    );
  });

  it('answers with a hello from another implementation', async () => {
    const hello = JSON.stringify({ type: 'hello', version: '3.10.14', bits: 64, executable: '/x/pypy3', implementation: 'pypy' });
    const path = script('pypy-like', `echo '${hello}'\nexec sleep 5`);
    const error = await startError(path);
    expect(error.message).toBe(`${path} is pypy 3.10.14, not CPython`);
  });

  const old = join(homedir(), '.pyenv/versions/3.7.16/bin/python3');
  it.skipIf(!existsSync(old))(`is a CPython older than 3.8 (${old}${existsSync(old) ? '' : ', absent on this machine'})`, async () => {
    const error = await startError(old);
    expect(error.message).toBe(
      `${old} is not a usable CPython: it exited with status 2 before the worker started (stderr: CPython 3.7.16 is too old for the oracle: it needs 3.8 or newer)`,
    );
  });
});
