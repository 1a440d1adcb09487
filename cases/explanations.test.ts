import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, test } from 'vitest';
import { CaseExplanationsError, explanationChanges, explanationsOf, readCaseExplanations, writeCaseExplanations, type CaseExplanations } from './case-explanations.ts';
import { loadCases } from './load.ts';

const CASES_DIR = fileURLToPath(new URL('.', import.meta.url));
const KEPT = join(CASES_DIR, 'explained.json');

test("the model explains every case as cases/explained.json keeps it: each observation's rules, and why it stops", () => {
  const { cases } = loadCases([CASES_DIR]);
  const changes = explanationChanges(explanationsOf(cases, CASES_DIR), readCaseExplanations(KEPT));
  expect(changes, 'if the change is meant, run `npx cmm cases --write-declines` and read the diff of cases/explained.json').toEqual([]);
});

describe('the kept explanations', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cmm-case-explanations-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const kept: CaseExplanations = {
    'a.yaml': { '3.12.0/64': { because: [['small-int-cache'], []] } },
    'b.yaml': { '3.8.0/64': { because: [['getrefcount-argument']], stopped: 'the method set.pop' } },
  };

  test('the same explanations show no change', () => {
    expect(explanationChanges(kept, kept)).toEqual([]);
  });

  test('a rule credited differently, an observation more, a new reason to stop, a case or profile gone: each is a line', () => {
    const now: CaseExplanations = {
      'a.yaml': { '3.12.0/64': { because: [['immortal-count'], [], []] }, '3.13.0/64': { because: [] } },
      'b.yaml': { '3.8.0/64': { because: [['getrefcount-argument']], stopped: 'the method set.add' } },
      'c.yaml': {},
    };
    expect(explanationChanges(now, kept)).toEqual([
      'a.yaml on 3.12.0/64: observation 1 is now decided by [immortal-count], was [small-int-cache]',
      'a.yaml on 3.12.0/64: the model now makes 3 observations, was 2',
      'a.yaml on 3.13.0/64: no explanation kept',
      'b.yaml on 3.8.0/64: the model now stops: the method set.add, was stopping: the method set.pop',
      'c.yaml: no explanation kept',
    ]);
    expect(explanationChanges({ 'a.yaml': kept['a.yaml']! }, kept)).toEqual(['b.yaml: kept, but no such case now']);
    expect(explanationChanges({ ...kept, 'b.yaml': { '3.8.0/64': { because: [['getrefcount-argument']] } } }, kept)).toEqual([
      'b.yaml on 3.8.0/64: the model now follows the whole program, was stopping: the method set.pop',
    ]);
  });

  test('what is written reads back the same', () => {
    const file = join(dir, 'explained.json');
    writeCaseExplanations(file, kept);
    expect(readCaseExplanations(file)).toEqual(kept);
  });

  test('a malformed file is an error naming the file and the entry', () => {
    expect(() => readCaseExplanations(join(dir, 'missing.json'))).toThrow(CaseExplanationsError);
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, '{"explained": {"a.yaml": {"3.12.0/64": {"because": [1]}}}}');
    expect(() => readCaseExplanations(bad)).toThrow(/bad\.json: explained\["a\.yaml"\]: must map each profile/);
    writeFileSync(bad, '{"declined": {}}');
    expect(() => readCaseExplanations(bad)).toThrow(/bad\.json: explained: must be an object/);
  });
});
