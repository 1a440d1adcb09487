// `cmm diff` between two versions' models (no interpreter needed): each kind of difference once,
// shrunk, replayable by its seed and path.
import { describe, expect, it } from 'vitest';
import { cmm } from './spawn-cmm.ts';

interface Group {
  kind: string;
  path: string;
  source: string;
  replay: string;
}

describe('cmm diff', () => {
  it('reports each kind of difference between 3.11 and 3.14 once, shrunk, and replays one by its path', async () => {
    const r = await cmm(['diff', '--python-version', '3.11', '--python-version', '3.14', '--runs', '2000', '--seed', '5', '--json']);
    expect(r.stderr).toBe('');
    expect(r.exitCode).toBe(1);
    const out = JSON.parse(r.stdout) as { seed: number; groups: Group[] };
    const kinds = out.groups.map((g) => g.kind);
    expect(new Set(kinds).size).toBe(kinds.length);
    // Known changes from 3.11 to 3.14: borrowed locals change counts, every dict is tracked, instance
    // dicts, the incremental collector's counts.
    expect(kinds).toEqual(expect.arrayContaining(['reference count', 'gc.is_tracked', 'instance __dict__', 'gc.collect() result']));
    for (const g of out.groups) expect(g.source.trim().split('\n').length).toBeLessThanOrEqual(12);

    const first = out.groups[0]!;
    const again = await cmm(['diff', '--python-version', '3.11', '--python-version', '3.14', '--seed', '5', '--path', first.path, '--json']);
    const replayed = JSON.parse(again.stdout) as { groups: Group[] };
    expect(replayed.groups.map((g) => g.source)).toEqual([first.source]);

    // A later kind replays exactly with the kind its replay line names.
    const last = out.groups.at(-1)!;
    const only = /--only "([^"]+)"$/.exec(last.replay)?.[1];
    expect(last.replay).toBe(`cmm diff --python-version 3.11 --python-version 3.14 --seed 5 --path "${last.path}" --only "${only}"`);
    const exact = await cmm(['diff', '--python-version', '3.11', '--python-version', '3.14', '--seed', '5', '--path', last.path, '--only', only!, '--json']);
    expect((JSON.parse(exact.stdout) as { groups: Group[] }).groups.map((g) => g.source)).toEqual([last.source]);
  }, 120_000);

  it('finds nothing between a version and itself', async () => {
    const r = await cmm(['diff', '--python-version', '3.12', '--python-version', '3.12', '--runs', '200', '--seed', '1']);
    expect(r.stdout).toMatch(/^no difference · the model of CPython 3\.12\.0 \(64-bit\) against the model of CPython 3\.12\.0 \(64-bit\) · seed 1$/m);
    expect(r.exitCode).toBe(0);
  });

  it.each([
    [['diff', '--runs', '1'], /diff needs two sides/],
    [['diff', '--python-version', '3.11', '--oracle', '3.12'], /not both/],
    [['diff', '--python-version', '3.11', '--python-version', '2.7'], /no profile for CPython 2\.7/],
    [['diff', '--python-version', '3.11', '--python-version', '3.12', '--path', '1:2'], /--path replays a difference only together with its --seed/],
  ])('refuses %j in one line', async (args, pattern) => {
    const r = await cmm(args);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toMatch(/^cmm: [^\n]+\n$/);
    expect(r.stderr).toMatch(pattern);
  });
});
