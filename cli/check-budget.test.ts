// `cmm check`'s budget and splitting options: --time, --shard, --jobs (and --coverage), their
// usage errors, and the progress line that shows the rate and the time left (never in CI).
import { describe, expect, it } from 'vitest';
import type { Io } from './io.ts';
import { durationOption, shardOption } from './options.ts';
import { inCi, progressLine } from './progress.ts';
import { cmm } from './spawn-cmm.ts';

describe('the budget options', () => {
  it('read durations and shards', () => {
    expect(durationOption({ time: '90s' }, 'time')).toBe(90_000);
    expect(durationOption({ time: '2m' }, 'time')).toBe(120_000);
    expect(durationOption({ time: '500ms' }, 'time')).toBe(500);
    expect(durationOption({ time: '1.5' }, 'time')).toBe(1500);
    expect(durationOption({}, 'time')).toBeUndefined();
    expect(shardOption({ shard: '2/5' })).toEqual({ index: 2, count: 5 });
  });

  it.each([
    [['--time', '1 minute'], /--time expects a duration such as 60s, 5m or 1h, not '1 minute'/],
    [['--time', '0s'], /--time expects a duration/],
    [['--shard', '0/3'], /--shard expects i\/n with 1 <= i <= n/],
    [['--shard', '3'], /--shard expects i\/n/],
    [['--jobs', '0'], /--jobs expects an integer of at least 1/],
    [['--shard', '1/2', '--seed', '1', '--path', '3:1'], /--path replays one program: give the shard's own seed/],
    [['--max-groups', '0'], /--max-groups expects an integer of at least 1/],
    [['--only', 'nonsense'], /--only: 'nonsense' is not a kind of observation \(kinds: exception, /],
    [['--only', 'reference count: no-such-rule'], /--only: 'no-such-rule' is not a rule of the model/],
    [['--format', 'xml'], /--format expects one of text, markdown, json, not 'xml'/],
    [['--json', '--markdown'], /choose one format: --json or --markdown/],
  ])('refuse %j with one line', async (args, pattern) => {
    const r = await cmm(['check', ...args]);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toMatch(/^cmm: [^\n]+\n$/);
    expect(r.stderr).toMatch(pattern);
  });

  it('run a shard: its share of the programs, with a seed of its own that it prints', async () => {
    const r = await cmm(['check', '--runs', '41', '--seed', '7', '--shard', '2/2', '--jobs', '1', '--coverage']);
    expect(r.stderr).toBe('');
    const seed = /^shard 2\/2: seed (-?\d+) \(replay a failure with this seed alone\)$/m.exec(r.stdout)?.[1];
    expect(seed).toBeDefined();
    expect(seed).not.toBe('7');
    expect(r.stdout).toMatch(new RegExp(`· 20 programs · seed ${seed}\\n`));
    expect(r.stdout).toMatch(/^rule coverage over \d+ predictions: \d+ of \d+ rules fired$/m);
  }, 60_000);

  it('run until the time is up; the times are printed only with --timings', async () => {
    const started = Date.now();
    const r = await cmm(['check', '--time', '2s', '--seed', '3', '--timings']);
    expect(Date.now() - started).toBeGreaterThanOrEqual(2000);
    expect(r.stdout).toMatch(/· \d+ programs · seed 3\n/);
    expect(r.stdout).toMatch(/^time: \d+\.\d s, \d+ programs\/s/m);
    const untimed = await cmm(['check', '--runs', '5', '--seed', '3']);
    expect(untimed.stdout).not.toMatch(/^time:/m);
  }, 60_000);
});

describe('the progress line', () => {
  // The environment of a terminal outside CI, whatever the environment these tests run in.
  const NOT_CI = {};
  const terminal = (): Io & { text: string } => {
    const io = { text: '', errIsTTY: true, out: () => {}, err: (t: string) => void (io.text += t) };
    return io;
  };

  it('shows programs of a run count, and the rate', () => {
    const io = terminal();
    let now = 0;
    const progress = progressLine(io, { runs: 100 }, 'checking', () => now, NOT_CI);
    now = 2000;
    progress.update(50);
    expect(io.text).toBe('\r\x1b[Kchecking: 50/100 programs · 25/s');
  });

  it('shows the time left of a time limit, redrawn at most five times a second', () => {
    const io = terminal();
    let now = 0;
    const progress = progressLine(io, { timeLimitMs: 10_000 }, 'checking', () => now, NOT_CI);
    now = 4000;
    progress.update(400);
    now = 4100;
    progress.update(410);
    expect(io.text).toBe('\r\x1b[Kchecking: 400 programs · 100/s · 6 s left');
    progress.clear();
    expect(io.text.endsWith('\r\x1b[K')).toBe(true);
  });

  it('says how many groups a campaign that runs again has found', () => {
    const io = terminal();
    const progress = progressLine(io, { runs: 100 }, 'checking', () => 0, NOT_CI);
    progress.update(10, 2);
    expect(io.text).toBe('\r\x1b[Kchecking: 10/100 programs · 2 groups found, searching on');
  });

  it('stays quiet in CI, even on a terminal', () => {
    const io = terminal();
    const progress = progressLine(io, { runs: 100 }, 'checking', () => 0, { CI: 'true' });
    progress.update(50);
    progress.clear();
    expect(io.text).toBe('');
    expect(inCi({ CI: 'false' })).toBe(false);
    expect(inCi({ CI: '1' })).toBe(true);
    expect(inCi({})).toBe(false);
  });
});
