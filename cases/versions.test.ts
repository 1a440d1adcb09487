import { describe, expect, test } from 'vitest';
import {
  joinRanges,
  parseInterpreterVersion,
  parseVersionRange,
  rangeContains,
  rangesAdjacent,
  rangesOverlap,
  subtractRange,
  VERSION_RANGE_PATTERN,
} from './versions.ts';
import { caseSchema } from './schema.ts';

const v = parseInterpreterVersion;
const r = parseVersionRange;

describe('version ranges', () => {
  test.each([
    ['3.12', '3.12.0', true],
    ['3.12', '3.12.9', true],
    ['3.12', '3.13.0', false],
    ['3.12.1', '3.12.0', false],
    ['3.12.1', '3.12.1', true],
    ['3.12+', '3.11.9', false],
    ['3.12+', '3.15.0', true],
    ['3.8-3.11', '3.8.0', true],
    ['3.8-3.11', '3.11.7', true],
    ['3.8-3.11', '3.12.0', false],
    ['3.8.0-3.12.0', '3.12.0', true],
    ['3.8.0-3.12.0', '3.12.1', false],
    ['3.15', '3.15.0a2', true],
    ['3.12', '3.12.0rc1', true],
  ])('%s contains %s: %s', (range, version, expected) => {
    expect(rangeContains(r(range), v(version))).toBe(expected);
  });

  test.each(['3', '3.', '3.8-', '3.8+3.9', '3.8 - 3.9', '3.8-3.9+', 'v3.8', '3.8.1.2'])('%s is not a range', (text) => {
    expect(() => r(text)).toThrow(`'${text}' is not a version range`);
  });

  test('a range that ends before it starts is refused', () => {
    expect(() => r('3.11-3.8')).toThrow("'3.11-3.8' is an empty version range: 3.11 comes after 3.8");
    expect(() => r('3.12.2-3.12.1')).toThrow('empty version range');
  });

  test.each([
    ['3.8-3.11', '3.11.7', true],
    ['3.8-3.11', '3.12', false],
    ['3.12+', '3.8-3.12.0', true],
    ['3.12.1+', '3.8-3.12.0', false],
    ['3.12', '3.12.1', true],
  ])('%s overlaps %s: %s', (a, b, expected) => {
    expect(rangesOverlap(r(a), r(b))).toBe(expected);
    expect(rangesOverlap(r(b), r(a))).toBe(expected);
  });

  test('adjacent ranges join into one', () => {
    expect(rangesAdjacent(r('3.8-3.11'), r('3.12'))).toBe(true);
    expect(rangesAdjacent(r('3.8-3.11'), r('3.12.1'))).toBe(false);
    expect(rangesAdjacent(r('3.12.0'), r('3.12.1-3.13'))).toBe(true);
    expect(rangesAdjacent(r('3.12+'), r('3.13'))).toBe(false);
    expect(joinRanges(r('3.8-3.11'), r('3.12-3.13')).text).toBe('3.8-3.13');
    expect(joinRanges(r('3.12.0'), r('3.12.1+')).text).toBe('3.12.0+');
  });

  test.each([
    ['3.8-3.11', '3.11', ['3.8-3.10']],
    ['3.8-3.11', '3.8', ['3.9-3.11']],
    ['3.8-3.13', '3.10-3.11', ['3.8-3.9', '3.12-3.13']],
    ['3.10-3.12', '3.11.7', ['3.10-3.11.6', '3.11.8-3.12']],
    ['3.11', '3.11.0', ['3.11.1-3.11']],
    ['3.12+', '3.13', ['3.12', '3.14+']],
    ['3.11', '3.8-3.12', []],
    ['3.8-3.9', '3.11', ['3.8-3.9']],
  ])('%s without %s leaves %j', (a, b, left) => {
    expect(subtractRange(r(a), r(b)).map((x) => x.text)).toEqual(left);
    // Every version that is left parses back to the same range, and none of them is in b.
    for (const x of subtractRange(r(a), r(b))) {
      expect(r(x.text)).toEqual(x);
      expect(rangesOverlap(x, r(b))).toBe(false);
    }
  });

  test('the schema carries the same pattern as the loader', () => {
    const definitions = caseSchema.definitions as { expectation: { properties: { python: { pattern: string } } } };
    expect(definitions.expectation.properties.python.pattern).toBe(VERSION_RANGE_PATTERN);
  });
});
