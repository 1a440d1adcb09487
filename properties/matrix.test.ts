import { describe, expect, test } from 'vitest';
import type { InterpreterEntry } from '../oracle/discover.ts';
import { interpreterTitle, matrixOf, skippedTitle } from './matrix.ts';

const native = (name: string, version: string, available = true): InterpreterEntry => ({
  name,
  kind: 'native',
  version,
  bits: 64,
  available,
  ...(available ? { executable: `/usr/bin/python${version}` } : { reason: `no CPython ${version} on PATH` }),
});
const embedded: InterpreterEntry = { name: 'wasm-3.12', kind: 'embedded', version: '3.12.7', bits: 32, package: 'pyodide-0.27', available: true };
const entries = [native('3.11.7', '3.11.7'), native('python3.14', '3.14', false), embedded];

describe('matrixOf', () => {
  test('keeps the entries of one kind, available ones to run and the others to skip', () => {
    expect(matrixOf(entries, 'native')).toEqual({ run: [entries[0]], skipped: [entries[1]] });
    expect(matrixOf(entries, 'embedded')).toEqual({ run: [embedded], skipped: [] });
  });

  test('without a kind keeps every entry, each in exactly one list', () => {
    const m = matrixOf(entries);
    expect(m.run).toEqual([entries[0], embedded]);
    expect(m.skipped).toEqual([entries[1]]);
  });
});

describe('titles', () => {
  test('an interpreter is named with its exact version, width and kind', () => {
    expect(interpreterTitle(entries[0])).toBe('3.11.7 (CPython 3.11.7, 64-bit native)');
    expect(interpreterTitle(embedded)).toBe('wasm-3.12 (CPython 3.12.7, 32-bit embedded)');
  });

  test('a skipped interpreter is named with the reason it is missing', () => {
    expect(skippedTitle('conformance', entries[1])).toBe('conformance on python3.14: no CPython 3.14 on PATH');
    expect(skippedTitle('cases', { ...entries[1], reason: undefined })).toBe('cases on python3.14: not available');
  });
});
