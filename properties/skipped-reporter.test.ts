import { expect, test } from 'vitest';
import { skippedSummary } from './skipped-reporter.ts';

test('names each skipped test with its file, under a count', () => {
  const lines = skippedSummary([
    { file: 'cases/cases.test.ts', name: 'each case on python3.14: no CPython 3.14 on PATH' },
    { file: 'properties/conformance-native.test.ts', name: 'conformance on python3.15: no CPython 3.15 on PATH' },
  ]);
  expect(lines).toEqual([
    ' Skipped here (2):',
    '   ↓ cases/cases.test.ts > each case on python3.14: no CPython 3.14 on PATH',
    '   ↓ properties/conformance-native.test.ts > conformance on python3.15: no CPython 3.15 on PATH',
  ]);
});

test('says nothing when nothing was skipped', () => {
  expect(skippedSummary([])).toEqual([]);
});
