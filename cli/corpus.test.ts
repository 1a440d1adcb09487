import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cmm, tempFiles } from './spawn-cmm.ts';

const corpus = (observed: string): string =>
  JSON.stringify({
    generator: { seed: 1, runs: 1 },
    interpreters: { x: { version: '3.12.1', bits: 64, kind: 'native' } },
    programs: [{ mode: 'module', source: 'import sys\na = []\nsys.getrefcount(a)\n', observed: [{ on: ['x'], observations: [observed] }] }],
  });

describe('cmm corpus', () => {
  it('exits 0 when the model agrees with every recorded observation, 1 with the program when not', async () => {
    const { paths } = tempFiles({ 'good.json': corpus('2'), 'bad.json': corpus('5') });
    const good = await cmm(['corpus', paths[0]!]);
    expect(good.stdout).toContain('1 compared, 1 agreed, 0 declined, no divergence');
    expect(good.exitCode).toBe(0);
    const bad = await cmm(['corpus', paths[1]!]);
    expect(bad.stdout).toContain(`${paths[1]}: programs[0] (module mode), recorded on x:\n  observation 1: model 2, CPython 5\n    import sys`);
    expect(bad.exitCode).toBe(1);
  });

  it('a decline the list beside the corpus does not allow fails; --write-declines allows what the model declines now', async () => {
    const declined = JSON.stringify({
      generator: { seed: 1, runs: 1 },
      interpreters: { x: { version: '3.11.7', bits: 64, kind: 'native' } },
      // The absolute count of None on 3.11 is the whole interpreter's: the model declines it.
      programs: [{ mode: 'module', source: 'import sys\nsys.getrefcount(None)\n', observed: [{ on: ['x'], observations: ['4321'] }] }],
    });
    const { paths } = tempFiles({ 'c.json': declined, 'c.declined.json': '{"declined": {}}' });
    const strict = await cmm(['corpus', paths[0]!]);
    expect(strict.stdout).toContain('1 observations declined that');
    expect(strict.stdout).toContain('programs[0] on x: observation 1 is declined, which the model used to predict');
    expect(strict.exitCode).toBe(1);
    expect((await cmm(['corpus', '--write-declines', paths[0]!])).exitCode).toBe(0);
    expect(JSON.parse(readFileSync(paths[1]!, 'utf8')).declined).toEqual({ '0': { x: [0] } });
    expect((await cmm(['corpus', paths[0]!])).exitCode).toBe(0);
  });

  it('a malformed corpus is a usage error naming the entry', async () => {
    const { paths } = tempFiles({ 'm.json': corpus('2').replace('"module"', '"script"') });
    const r = await cmm(['corpus', paths[0]!]);
    expect(r.stderr).toContain(`${paths[0]}: programs[0].mode: must be one of module, function, repl`);
    expect(r.exitCode).toBe(2);
  });

  it('--record writes what the interpreter observed for each generated program', async () => {
    const { dir } = tempFiles({});
    const file = join(dir, 'c.json');
    const r = await cmm(['corpus', '--record', '--runs', '20', '--seed', '7', '--oracle', 'python3', file]);
    expect(r.exitCode).toBe(0);
    const written = JSON.parse(readFileSync(file, 'utf8')) as { generator: unknown; programs: { observed: { on: string[] }[] }[] };
    expect(written.generator).toEqual({ seed: 7, runs: 20 });
    expect(written.programs.length).toBeGreaterThan(15);
    expect(written.programs.every((p) => p.observed.length === 1 && p.observed[0]!.on[0] === 'python3')).toBe(true);
    // The model agrees with what was just recorded.
    expect((await cmm(['corpus', file])).exitCode).toBe(0);
  });
});
