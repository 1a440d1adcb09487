import { describe, expect, it } from 'vitest';
import { cmm, tempFiles } from './spawn-cmm.ts';

describe('cmm check', () => {
  it('--json gives one object with the campaign counts', async () => {
    const r = await cmm(['check', '--runs', '20', '--seed', '1', '--json']);
    expect(r.stderr).toBe(''); // no progress line: stderr is not a terminal here
    const json = JSON.parse(r.stdout);
    expect(json.interpreter).toMatchObject({ name: 'python3', version: expect.stringMatching(/^3\.\d+\.\d+/), bits: 64 });
    expect(json.seed).toBe(1);
    expect(json.observations.compared).toBe(json.observations.agreed + json.observations.declined + json.observations.divergent);
    expect(typeof json.observations.declinedPercent).toBe('number');
    // The model is still being completed: a divergence may end the campaign early, and then is reported.
    if (json.failure === null) {
      expect(json.programs).toBe(20);
      expect(r.exitCode).toBe(0);
    } else {
      expect(json.programs).toBeLessThanOrEqual(20);
      expect(json.failure).toMatchObject({ seed: 1, path: expect.any(String), source: expect.any(String) });
      expect(r.exitCode).toBe(1);
    }
  });

  it('prints a text summary with the interpreter and the counts', async () => {
    const r = await cmm(['check', '--runs', '5', '--seed', '2']);
    expect(r.stdout).toMatch(/^interpreter: python3 .*CPython 3\.\d+\.\d+, 64-bit\n/);
    expect(r.stdout).toMatch(/observations: \d+ compared, \d+ agreed, \d+ declined \([\d.]+%\), \d+ divergent/);
    expect([0, 1]).toContain(r.exitCode);
  });
});

describe('cmm cases', () => {
  it('prints a table row for a case of the project, found from any working directory', async () => {
    const { dir } = tempFiles({});
    const r = await cmm(['cases'], dir);
    expect(r.stdout).toMatch(/^case\s+mode\s+model\s+cpython\n/);
    expect(r.stdout).toMatch(/^cached-range\s+repl\s+\S.*\s(pass|FAIL|no expectation)/m);
  });

  it('lists a bad case file with its one-line error and exits 1', async () => {
    const { paths } = tempFiles({ 'bad.yaml': 'name: bad\nmode: module\nsource: |\n  open("x")\nexpect: []\n' });
    const r = await cmm(['cases', paths[0]!]);
    expect(r.exitCode).toBe(1);
    expect(r.stdout).toContain('bad case files:');
    expect(r.stdout).toMatch(new RegExp(`${paths[0]!.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}:\\d+:\\d+: `));
  });
});
