import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectationFor } from '../cases/check.ts';
import { caseFilesUnder, loadCaseFile } from '../cases/load.ts';
import { DEFAULT_CASES_DIR } from './cases.ts';
import { cmm } from './spawn-cmm.ts';

/** The case text with its expect list emptied, as a new case is before its first recording. */
function withoutExpect(text: string): string {
  const start = text.search(/^expect:/m);
  return `${text.slice(0, start)}expect: []\n`;
}

async function nativeVersions(): Promise<string[]> {
  const r = await cmm(['oracles', '--json']);
  const rows = JSON.parse(r.stdout) as { kind: string; available: boolean; version: string }[];
  return rows.filter((x) => x.kind === 'native' && x.available).map((x) => x.version);
}

describe('cmm cases --record', () => {
  it("re-records the project's cases from nothing: every native interpreter expects what the real case says", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cmm-record-'));
    cpSync(DEFAULT_CASES_DIR, dir, { recursive: true, filter: (src) => !src.endsWith('.ts') });
    const files = caseFilesUnder(dir);
    expect(files.length).toBeGreaterThan(0);
    for (const f of files) writeFileSync(f, withoutExpect(readFileSync(f, 'utf8')));

    const r = await cmm(['cases', '--record', '--oracle', 'native', dir]);
    expect(r.stdout).toMatch(/^recording on \d+ interpreters: /);
    expect(r.exitCode).toBe(0);
    const versions = await nativeVersions();
    for (const f of files) {
      const real = loadCaseFile(join(DEFAULT_CASES_DIR, relative(dir, f)));
      const recorded = loadCaseFile(f);
      expect(r.stdout).toContain(`${f}: ${recorded.expect.length} added, 0 changed, 0 removed\n`);
      for (const v of versions) {
        const want = expectationFor(real, v, 64)?.observations;
        if (want === undefined) continue; // a version the project's case was not recorded on
        expect(expectationFor(recorded, v, 64)?.observations, `${real.name} on ${v}`).toEqual(want);
      }
    }
  });

  it('writes the entries of the real case, and leaves a file whose entries are already right untouched', async () => {
    const real = join(DEFAULT_CASES_DIR, 'small-ints/cached-range.yaml');
    const dir = mkdtempSync(join(tmpdir(), 'cmm-record-'));
    const file = join(dir, 'cached-range.yaml');
    writeFileSync(file, withoutExpect(readFileSync(real, 'utf8')));
    const first = await cmm(['cases', '--record', '--oracle', 'native', file]);
    expect(first.exitCode).toBe(0);
    const recorded = loadCaseFile(file).expect.map((e) => ({ python: e.range.text, bits: e.bits, observations: e.observations }));
    const versions = await nativeVersions();
    // The real case's native entries were recorded on CPython 3.8 to 3.13; on a machine with those
    // (and only those) natives they are what recording on the natives writes.
    const wanted = loadCaseFile(real).expect.filter((e) => e.bits === 64).map((e) => ({ python: e.range.text, bits: e.bits, observations: e.observations }));
    if (versions.every((v) => /^3\.(8|9|10|11|12|13)\./.test(v)) && [8, 9, 10, 11, 12, 13].every((m) => versions.some((v) => v.startsWith(`3.${m}.`)))) {
      expect(recorded).toEqual(wanted);
    }
    const again = await cmm(['cases', '--record', '--oracle', 'native', file]);
    expect(again.stdout).toContain('1 case file unchanged\n');
  });

  it('keeps the entries for interpreters not at hand, and says what it added', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cmm-record-'));
    const file = join(dir, 'del-one-name-keeps-object.yaml');
    const head = withoutExpect(readFileSync(join(DEFAULT_CASES_DIR, 'refcount/del-one-name-keeps-object.yaml'), 'utf8')).replace(/expect: \[\]\n$/, '');
    writeFileSync(file, `${head}expect:\n  - python: "3.15"\n    bits: 32\n    observations: ["kept"]\n`);
    const r = await cmm(['cases', '--record', '--oracle', 'python3', file]);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toMatch(new RegExp(`${file.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}: 1 added, 0 changed, 0 removed\n  \\+ 3\\.\\d+ \\(64-bit\\): \\[`));
    const entries = loadCaseFile(file).expect;
    expect(entries.map((e) => `${e.range.text}/${e.bits}`)).toEqual([expect.stringMatching(/^3\.\d+\/64$/), '3.15/32']);
    expect(entries[1]!.observations).toEqual(['kept']);
  });

  it('warns when an entry it replaced also held versions it did not run', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cmm-record-'));
    const file = join(dir, 'del-one-name-keeps-object.yaml');
    const head = withoutExpect(readFileSync(join(DEFAULT_CASES_DIR, 'refcount/del-one-name-keeps-object.yaml'), 'utf8')).replace(/expect: \[\]\n$/, '');
    writeFileSync(file, `${head}expect:\n  - python: "3.0-3.99"\n    bits: 64\n    observations: ["old"]\n`);
    const r = await cmm(['cases', '--record', '--oracle', 'python3', file]);
    expect(r.stdout).toMatch(/^  ! 3\.0-3\.99 \(64-bit\) also held CPython 3\.0, 3\.1, .*3\.99, not run here/m);
  });

  it("refuses to write a case whose observation moves with an embedded build's heap layout, and says which and how", async () => {
    // Past dlmalloc's small bins, which freed chunk a request gets depends on the whole heap: on
    // wasm-3.12 a freed bytes(240) went to the next bytes(241) only under some program names
    // (cases/layout-probes.ts). The small-bin pair above it moves under none.
    const dir = mkdtempSync(join(tmpdir(), 'cmm-record-'));
    const file = join(dir, 'reuse-past-the-small-bins.yaml');
    const text = [
      'name: reuse-past-the-small-bins',
      'claim: a freed bytes block past the small bins goes to the next bytes of its size',
      'source_of_claim: Objects/obmalloc.c',
      'description: the pair within one small bin, then the pair past them',
      'tags: [address-reuse]',
      'mode: module',
      'source: |',
      '  a = bytes(100)',
      '  i = id(a)',
      '  del a',
      '  id(bytes(101)) == i',
      '  a = bytes(240)',
      '  i = id(a)',
      '  del a',
      '  id(bytes(241)) == i',
      'expect: []',
      '',
    ].join('\n');
    writeFileSync(file, text);
    const r = await cmm(['cases', '--record', '--oracle', 'wasm-3.12', file]);
    expect(r.exitCode).toBe(1);
    expect(r.stdout).toContain(`${file}:15: observation 2 (id(bytes(241)) == i) depends on the heap's layout: wasm-3.12 observed False started as /cmm/python and True as /cmm/pythonx\n`);
    expect(r.stdout).not.toContain('observation 1 ');
    expect(r.stdout).toContain(`${file}: not rewritten: what it observes on the same CPython depends on the heap's layout`);
    expect(readFileSync(file, 'utf8')).toBe(text);
  });
});
