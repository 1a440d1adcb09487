import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { CaseFileError, loadCaseFile, loadCases } from './load.ts';

const dir = mkdtempSync(join(tmpdir(), 'cmm-cases-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// A good case, one line per entry so that each malformed variant below says exactly what it changes.
const GOOD = [
  '# yaml-language-server: $schema=../case.schema.json', // 1
  'name: good-case', // 2
  'description: What happens.', // 3
  'claim: Something.', // 4
  'source_of_claim: An article.', // 5
  'tags: [identity, small-int-cache]', // 6
  'source: |', // 7
  '  a = 10', // 8
  '  b = 10', // 9
  '  a is b', // 10
  'expect:', // 11
  '  - python: "3.8-3.11"', // 12
  '    observations: ["True"]', // 13
  '  - python: "3.12+"', // 14
  '    bits: 64', // 15
  '    observations:', // 16
  '      - "True"', // 17
];

function variant(edit: (lines: string[]) => void): string {
  const lines = [...GOOD];
  edit(lines);
  return `${lines.join('\n')}\n`;
}

function write(name: string, text: string): string {
  const file = join(dir, `${name}.yaml`);
  writeFileSync(file, text);
  return file;
}

describe('loading a good case file', () => {
  test('gives the program, its source and origin, and the expectations', () => {
    const c = loadCaseFile(write('good-case', variant(() => {})));
    expect(c.name).toBe('good-case');
    expect(c.mode).toBe('module');
    expect(c.tags).toEqual(['identity', 'small-int-cache']);
    expect(c.source).toBe('a = 10\nb = 10\na is b\n');
    expect(c.sourceOrigin).toEqual({ line: 8, col: 3 });
    expect(c.program.body.map((s) => s.kind)).toEqual(['Assign', 'Assign', 'ExprStmt']);
    expect(c.expect.map((e) => [e.range.text, e.bits, e.observations, e.loc.line])).toEqual([
      ['3.8-3.11', undefined, ['True'], 12],
      ['3.12+', 64, ['True'], 14],
    ]);
  });
});

// [what is wrong, the file's name, its text, the one-line message (after the file's path)]
const MALFORMED: [string, string, string, string][] = [
  ['an unknown key', 'good-case', variant((l) => (l[6] = 'sourc: |')), "7:1: unknown key 'sourc' (expected one of: name, description, claim, source_of_claim, tags, mode, source, expect)"],
  ['an unknown key in an entry', 'good-case', variant((l) => (l[14] = '    bitz: 64')), "15:5: unknown key 'bitz' in expect[1] (expected one of: python, bits, observations)"],
  ['a wrong type', 'good-case', variant((l) => (l[5] = 'tags: identity')), '6:7: tags must be a list'],
  ['a version read as a number', 'good-case', variant((l) => (l[11] = '  - python: 3.10')), '12:13: expect[0].python must be a string (put the value in quotes)'],
  ['a missing required key', 'good-case', variant((l) => l.splice(3, 1)), "2:1: missing required key 'claim'"],
  ['a missing key in an entry', 'good-case', variant((l) => l.splice(12, 1)), "12:5: missing required key 'observations' in expect[0]"],
  ['a value outside an enumeration', 'good-case', variant((l) => l.splice(6, 0, 'mode: script')), '7:7: mode must be one of: module, function, repl'],
  ['a YAML syntax error', 'good-case', variant((l) => (l[3] = 'claim: [Something.')), '5:1: invalid YAML: Flow sequence in block collection must be sufficiently indented and end with a ]'],
  ['a duplicate key', 'good-case', variant((l) => l.splice(4, 0, 'claim: Another.')), "5:1: duplicate key 'claim' (first at line 4)"],
  ['overlapping ranges', 'good-case', variant((l) => (l[11] = '  - python: "3.8-3.12"')), "14:13: expect[1].python '3.12+' overlaps '3.8-3.12' at line 12: a version must match one entry at most"],
  ['a malformed range', 'good-case', variant((l) => (l[11] = '  - python: "3.8-"')), "12:13: expect[0].python '3.8-' is not a version range (3.12, 3.12.1, 3.12+, 3.8-3.11, 3.8.0-3.12.0)"],
  ['an empty range', 'good-case', variant((l) => (l[11] = '  - python: "3.11-3.8"')), "12:13: expect[0].python '3.11-3.8' is an empty version range: 3.11 comes after 3.8"],
  ['an exception that is not last', 'good-case', variant((l) => (l[12] = '    observations: ["!NameError", "True"]')), "13:20: expect[0].observations[0] '!NameError' must be the last observation (the program stops at an exception)"],
  ['a name that differs from the file name', 'other-case', variant(() => {}), "2:7: name 'good-case' differs from the file name 'other-case.yaml'"],
  ['a source that is not a literal block', 'good-case', variant((l) => l.splice(6, 4, 'source: "a = 10"')), "7:9: source must be a literal block scalar ('source: |' and the program on the lines below, indented)"],
  ['a repeated tag', 'good-case', variant((l) => (l[5] = 'tags: [identity, gc, identity]')), "6:22: tags[2] repeats tags[0] ('identity')"],
  ['two YAML documents', 'good-case', variant((l) => l.push('---', 'name: other')), '18:1: invalid YAML: a case file holds one YAML document'],
  ['an empty file', 'good-case', '', '1:1: the case must be a mapping'],
  ['a source outside the case language', 'good-case', variant((l) => (l[8] = "  b = open('x')")), "9:7: 'open' is not a callable of the case language"],
];

describe('a malformed case file is refused with one line naming file:line:col', () => {
  test.each(MALFORMED)('%s', (_what, name, text, message) => {
    const sub = join(dir, _what.replace(/\W+/g, '-'));
    mkdirSync(sub, { recursive: true });
    const file = join(sub, `${name}.yaml`);
    writeFileSync(file, text);
    let error: unknown;
    try {
      loadCaseFile(file);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(CaseFileError);
    expect((error as Error).message).toBe(`${file}:${message}`);
    expect((error as Error).message).not.toContain('\n');
  });
});

describe('loading many case files', () => {
  test('a bad file is reported and the good ones still load; directories are searched for *.yaml', () => {
    const root = join(dir, 'many');
    mkdirSync(join(root, 'topic'), { recursive: true });
    writeFileSync(join(root, 'topic', 'good-case.yaml'), variant(() => {}));
    writeFileSync(join(root, 'topic', 'bad-case.yaml'), variant(() => {}));
    writeFileSync(join(root, 'topic', 'notes.txt'), 'not a case');
    const missing = join(root, 'missing.yaml');
    const { cases, errors } = loadCases([root, missing]);
    expect(cases.map((c) => c.name)).toEqual(['good-case']);
    expect(errors.map((e) => e.message)).toEqual([
      `${join(root, 'topic', 'bad-case.yaml')}:2:7: name 'good-case' differs from the file name 'bad-case.yaml'`,
      expect.stringMatching(new RegExp(`^${missing.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:1:1: cannot read the file: ENOENT`)),
    ]);
  });
});
