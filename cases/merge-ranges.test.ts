import { describe, expect, test } from 'vitest';
import { mergePoints, mergeWithExisting, type RecordedPoint } from './merge-ranges.ts';
import { parseInterpreterVersion } from './versions.ts';

function point(version: string, observations: string[], bits: 32 | 64 = 64, name = `python${version}`): RecordedPoint {
  return { version: parseInterpreterVersion(version), bits, observations, name };
}

describe('merging recorded observations into ranges', () => {
  test('equal neighbours become one minor-level range, sorted by version', () => {
    const { entries, problems } = mergePoints([
      point('3.12.1', ['0']),
      point('3.8.18', ['1']),
      point('3.13.0', ['0']),
      point('3.11.7', ['1']),
      point('3.11.2', ['1']),
    ]);
    expect(problems).toEqual([]);
    expect(entries).toEqual([
      { python: '3.8-3.11', bits: 64, observations: ['1'] },
      { python: '3.12-3.13', bits: 64, observations: ['0'] },
    ]);
  });

  test('a minor version split between two entries is written at the patch level', () => {
    const { entries } = mergePoints([point('3.11.2', ['a']), point('3.11.7', ['b']), point('3.12.1', ['b']), point('3.10.13', ['a'])]);
    expect(entries.map((e) => e.python)).toEqual(['3.10-3.11.2', '3.11.7-3.12']);
  });

  test('the same list on both widths is written once, without bits', () => {
    const { entries } = mergePoints([point('3.12.1', ['x'], 64), point('3.12.1', ['x'], 32)]);
    expect(entries).toEqual([{ python: '3.12', observations: ['x'] }]);
  });

  test('widths that differ keep their own entries', () => {
    const { entries } = mergePoints([point('3.12.1', ['x'], 64), point('3.12.1', ['y'], 32)]);
    expect(entries).toEqual([
      { python: '3.12', bits: 64, observations: ['x'] },
      { python: '3.12', bits: 32, observations: ['y'] },
    ]);
  });

  test('one version observed two ways is a problem and is left out', () => {
    const { entries, problems } = mergePoints([point('3.11.7', ['1'], 64, 'a'), point('3.11.7', ['2'], 64, 'b'), point('3.12.1', ['2'])]);
    expect(problems).toEqual(['CPython 3.11.7 (64-bit) observed differently on a and b: [1] vs [2]']);
    expect(entries).toEqual([{ python: '3.12', bits: 64, observations: ['2'] }]);
  });

  test('existing entries keep the versions no interpreter here covered; the rest is replaced', () => {
    const existing = [
      { python: '3.8-3.9', bits: 64 as const, observations: ['old'] },
      { python: '3.10-3.11', bits: 64 as const, observations: ['stale'] },
      { python: '3.13', bits: 32 as const, observations: ['wasm'] },
      { python: '3.14', bits: 64 as const, observations: ['new'] },
    ];
    const points = [point('3.11.7', ['1']), point('3.12.1', ['new']), point('3.13.0', ['new'])];
    const { entries } = mergePoints(points);
    expect(mergeWithExisting(existing, entries, points)).toEqual([
      { python: '3.8-3.9', bits: 64, observations: ['old'] },
      { python: '3.10', bits: 64, observations: ['stale'] },
      { python: '3.11', bits: 64, observations: ['1'] },
      { python: '3.12-3.14', bits: 64, observations: ['new'] },
      { python: '3.13', bits: 32, observations: ['wasm'] },
    ]);
  });

  test('recording on one interpreter that agrees keeps the whole history', () => {
    const existing = [{ python: '3.8-3.13', observations: ['x'] }];
    const points = [point('3.11.7', ['x'])];
    const { entries } = mergePoints(points);
    expect(mergeWithExisting(existing, entries, points)).toEqual([{ python: '3.8-3.13', observations: ['x'] }]);
  });

  test('a recording on one width that disagrees splits an entry for both widths', () => {
    const existing = [{ python: '3.8-3.13', observations: ['x'] }];
    const points = [point('3.11.3', ['y'], 32)];
    const { entries } = mergePoints(points);
    expect(mergeWithExisting(existing, entries, points)).toEqual([
      { python: '3.8-3.10', bits: 32, observations: ['x'] },
      { python: '3.8-3.13', bits: 64, observations: ['x'] },
      { python: '3.11', bits: 32, observations: ['y'] },
      { python: '3.12-3.13', bits: 32, observations: ['x'] },
    ]);
  });
});
