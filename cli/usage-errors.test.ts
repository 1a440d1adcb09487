import { describe, expect, it } from 'vitest';
import { cmm, tempFiles } from './spawn-cmm.ts';

/** Exit 2, nothing on stdout, and exactly one line on stderr that starts with `cmm:`. */
function expectOneLineUsageError(r: { exitCode: number; stdout: string; stderr: string }, pattern: RegExp): void {
  expect(r.exitCode).toBe(2);
  expect(r.stdout).toBe('');
  expect(r.stderr).toMatch(/^cmm: [^\n]+\n$/);
  expect(r.stderr).toMatch(pattern);
}

describe('user errors: one line on stderr, exit code 2', () => {
  const { paths } = tempFiles({ 'ok.py': 'a = 1\na\n' });
  const file = paths[0]!;

  it('an unknown flag', async () => {
    expectOneLineUsageError(await cmm(['predict', '--frobnicate', file]), /Unknown option '--frobnicate'/);
  });

  it('an unknown command', async () => {
    expectOneLineUsageError(await cmm(['frobnicate']), /unknown command 'frobnicate'/);
  });

  it('a missing file', async () => {
    expectOneLineUsageError(await cmm(['predict', '/nonexistent/x.py']), /\/nonexistent\/x\.py: no such file/);
  });

  it('an unsupported pointer width', async () => {
    expectOneLineUsageError(await cmm(['predict', '--bits', '16', file]), /--bits expects 64 or 32, not '16'/);
  });

  it('an unsupported version', async () => {
    expectOneLineUsageError(await cmm(['predict', '--python-version', '2.7', file]), /no profile for CPython 2\.7/);
  });

  it('a malformed case file given to explain or replay', async () => {
    const { paths: [bad] } = tempFiles({ 'bad.yaml': "name: bad\nclaim: c\nsource_of_claim: s\ndescription: d\ntags: [Not A Tag]\nmode: module\nsource: |\n  1\nexpect: []\n" });
    for (const command of ['explain', 'replay']) {
      expectOneLineUsageError(await cmm([command, bad!]), /bad\.yaml:5:\d+: tags\[0\] 'Not A Tag' is not a kebab-case tag/);
    }
  });

  it('cases --write-declines with a path or with --record', async () => {
    expectOneLineUsageError(await cmm(['cases', '--write-declines', file]), /covers the project's whole cases\/ folder and takes no PATH/);
    expectOneLineUsageError(await cmm(['cases', '--write-declines', '--record']), /record first, then write the declines/);
  });

  it('a bad number', async () => {
    expectOneLineUsageError(await cmm(['check', '--runs', 'ten']), /--runs expects an integer, not 'ten'/);
    expectOneLineUsageError(await cmm(['check', '--runs', '0']), /--runs expects an integer of at least 1/);
  });

  it('an interpreter that does not exist', async () => {
    expectOneLineUsageError(await cmm(['run', '--python', '/nonexistent', file]), /\/nonexistent/);
    expectOneLineUsageError(await cmm(['check', '--python', '/nonexistent', '--runs', '1']), /\/nonexistent/);
  });
});

describe('help', () => {
  it('cmm --help lists the commands; cmm <command> --help shows its usage', async () => {
    const top = await cmm(['--help']);
    expect(top.exitCode).toBe(0);
    for (const c of ['check', 'predict', 'run', 'cases', 'oracles']) expect(top.stdout).toContain(`  ${c} `);
    const predict = await cmm(['predict', '--help']);
    expect(predict.exitCode).toBe(0);
    expect(predict.stdout).toMatch(/^usage: cmm predict /);
  });

  it('cmm with no command prints the usage on stderr and exits 2', async () => {
    const r = await cmm([]);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toMatch(/^usage: cmm /);
  });
});
