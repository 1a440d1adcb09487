import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, test } from 'vitest';
import { declinesOf, readCaseDeclines, unallowedDeclines, writeCaseDeclines, CaseDeclinesError } from './case-declines.ts';
import { loadCases } from './load.ts';

const CASES_DIR = fileURLToPath(new URL('.', import.meta.url));
const LIST = join(CASES_DIR, 'declined.json');

test('the model declines no observation of a case that cases/declined.json does not allow', () => {
  const { cases } = loadCases([CASES_DIR]);
  const unallowed = unallowedDeclines(declinesOf(cases, CASES_DIR), readCaseDeclines(LIST));
  expect(unallowed, 'if the model now knows less on purpose, run `npx cmm cases --write-declines`').toEqual([]);
});

describe('the declines list', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cmm-case-declines-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('a decline at a position or profile not listed is reported; listed ones are not', () => {
    const allowed = { 'a.yaml': { '3.12.0/64': [1] } };
    expect(unallowedDeclines({ 'a.yaml': { '3.12.0/64': [1] } }, allowed)).toEqual([]);
    expect(unallowedDeclines({ 'a.yaml': { '3.12.0/64': [1, 3] }, 'b.yaml': { '3.8.0/64': [0] } }, allowed)).toEqual([
      'a.yaml on 3.12.0/64: observation 4 is declined, which the model used to predict',
      'b.yaml on 3.8.0/64: observation 1 is declined, which the model used to predict',
    ]);
  });

  test('what is written reads back the same', () => {
    const file = join(dir, 'declined.json');
    const declines = { 'x/b.yaml': { '3.14.0/32': [0, 2] }, 'x/a.yaml': { '3.8.0/64': [5] } };
    writeCaseDeclines(file, declines);
    expect(readCaseDeclines(file)).toEqual(declines);
  });

  test('a malformed list is an error naming the file and the entry', () => {
    expect(() => readCaseDeclines(join(dir, 'missing.json'))).toThrow(CaseDeclinesError);
    const bad = join(dir, 'bad2.json');
    writeFileSync(bad, '{"declined": {"a.yaml": {"3.12.0/64": ["x"]}}}');
    expect(() => readCaseDeclines(bad)).toThrow(/bad2\.json: declined\["a\.yaml"\]: must map each key to a list of positions/);
  });
});
