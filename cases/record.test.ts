import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { afterAll, describe, expect, test } from 'vitest';
import type { InterpreterInfo, Oracle, OracleRequest, RunResult } from '../oracle/types.ts';
import { loadCaseFile } from './load.ts';
import { recordExpectations, writeExpectations } from './record.ts';
import { quote, renderExpect } from './rewrite-expect.ts';

const dir = mkdtempSync(join(tmpdir(), 'cmm-record-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const TEXT = [
  '# yaml-language-server: $schema=../case.schema.json',
  '# a comment that must survive',
  'name: recorded',
  'description: >-',
  '  Folded prose that the rewrite',
  '  must leave exactly as it is.',
  'claim: c',
  'source_of_claim: s',
  'tags: []',
  'source: |',
  '  a = 10',
  '  a is a  # a comment in the program',
  'expect:',
  '  # this comment goes with the old list',
  '  - python: "3.8"',
  '    observations: ["old"]',
  '# a comment after the list',
  '',
].join('\n');

function fakeOracle(version: string, result: RunResult, bits: 32 | 64 = 64): Oracle & { seen: OracleRequest[] } {
  const seen: OracleRequest[] = [];
  const info: InterpreterInfo = { name: `python${version}`, version, bits, kind: 'native' };
  return {
    seen,
    info: async () => info,
    run: async (requests) => {
      seen.push(...requests);
      return requests.map(() => result);
    },
    close: async () => {},
  };
}

const ok = (...observations: string[]): RunResult => ({ status: 'ok', observations });

describe('recording a case', () => {
  test('runs it on every oracle and merges equal lists into ranges, replacing what they cover on their width', async () => {
    const file = join(dir, 'recorded.yaml');
    writeFileSync(file, TEXT);
    const c = loadCaseFile(file);
    const oracles = [
      fakeOracle('3.13.0', ok('True', '0')),
      fakeOracle('3.8.18', ok('True', '1')),
      fakeOracle('3.12.1', ok('True', '0')),
      fakeOracle('3.11.7', ok('True', '1')),
      fakeOracle('3.10.13', { status: 'crash', observations: [], detail: 'signal SIGSEGV' }),
    ];
    const recording = await recordExpectations(c, oracles);
    expect(oracles[0].seen).toEqual([{ source: c.source, mode: 'module' }]);
    expect(recording.problems).toEqual(['python3.10.13 (CPython 3.10.13): crash: signal SIGSEGV']);
    expect(recording.expect).toEqual([
      // The old entry held for both widths; only 64-bit interpreters were at hand.
      { python: '3.8', bits: 32, observations: ['old'] },
      { python: '3.8-3.11', bits: 64, observations: ['True', '1'] },
      { python: '3.12-3.13', bits: 64, observations: ['True', '0'] },
    ]);
  });
});

describe('rewriting the expect list in place', () => {
  test('replaces only the expect list, keeps every other byte, and reports what changed', () => {
    const file = join(dir, 'recorded.yaml');
    writeFileSync(file, TEXT);
    const entries = [
      { python: '3.8-3.11', bits: 64 as const, observations: ["'it''s'", '"q"', '!NameError'] },
      { python: '3.12+', observations: [] },
    ];
    const change = writeExpectations(file, entries);
    expect(change).toEqual({ file, changed: true, added: entries, removed: [{ python: '3.8', observations: ['old'] }] });
    const text = readFileSync(file, 'utf8');
    const head = TEXT.slice(0, TEXT.indexOf('expect:'));
    expect(text.startsWith(head)).toBe(true);
    expect(text.slice(head.length)).toBe(
      [
        'expect:',
        '  - python: "3.8-3.11"',
        '    bits: 64',
        '    observations:',
        `      - "'it''s'"`,
        '      - "\\"q\\""',
        '      - "!NameError"',
        '  - python: "3.12+"',
        '    observations: []',
        '# a comment after the list',
        '',
      ].join('\n'),
    );
    expect(loadCaseFile(file).expect.map((e) => e.observations)).toEqual([["'it''s'", '"q"', '!NameError'], []]);
  });

  test('leaves the file untouched when the entries are already these', () => {
    const file = join(dir, 'recorded.yaml');
    writeFileSync(file, TEXT);
    const change = writeExpectations(file, [{ python: '3.8', observations: ['old'] }]);
    expect(change.changed).toBe(false);
    expect(readFileSync(file, 'utf8')).toBe(TEXT);
  });

  test('quotes any observation so that YAML reads back the very string', () => {
    const tricky = ['True', 'None', '1e3', "'\\x00\\n'", 'a: b', '# x', '\u007f\u0085\u2028\ufeff', 'é', '- 1', "{'a': [1]}"];
    const back = parse(renderExpect([{ python: '3.12', observations: tricky }])) as { expect: { observations: string[] }[] };
    expect(back.expect[0].observations).toEqual(tricky);
    expect(quote('\u007f')).toBe('"\\u007f"');
  });
});
