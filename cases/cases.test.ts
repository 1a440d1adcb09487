// Every case under cases/: it loads, every interpreter discovered observes what the case recorded
// for its version and pointer width, and the model, for the profile of each of those interpreters
// and of each end of a recorded range, never contradicts a recorded observation (it may decline).
import { readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, test } from 'vitest';
import { profileFor } from '../model/profile.ts';
import { discoverInterpreters } from '../oracle/discover.ts';
import { describeEachInterpreter } from '../properties/each-interpreter.ts';
import { matrixOf } from '../properties/matrix.ts';
import { checkAgainstModel, checkAgainstOracle, describeDivergence, oracleCheckProblems } from './check.ts';
import { loadCases } from './load.ts';
import { parseProgram } from '../language/parse.ts';
import { predictDetailed } from '../model/predict.ts';
import { RULE_IDS, type RuleId } from '../model/rules.ts';
import { profilesListedIn } from './listed-profiles.ts';

const CASES_DIR = fileURLToPath(new URL('.', import.meta.url));
const { cases, errors } = loadCases([CASES_DIR]);

test('every case under cases/ loads', () => {
  expect(errors.map((e) => e.message)).toEqual([]);
  expect(cases.length).toBeGreaterThanOrEqual(10);
});

test('every case file names the schema for editors, by its path relative to the file', () => {
  const wrong = cases.filter((c) => {
    const schema = relative(dirname(c.file), join(CASES_DIR, 'case.schema.json'));
    return readFileSync(c.file, 'utf8').split('\n')[0] !== `# yaml-language-server: $schema=${schema}`;
  });
  expect(wrong.map((c) => c.file)).toEqual([]);
});

// Every interpreter discovered, one at a time; a missing one is a skipped test saying why.
const entries = await discoverInterpreters();
const matrix = matrixOf(entries);

describeEachInterpreter('each case', matrix, (current) => {
  test.each(cases.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const { oracle, info } = current();
    const where = `${info.name} (CPython ${info.version}, ${info.bits}-bit)`;
    expect(oracleCheckProblems(await checkAgainstOracle(c, oracle, info), where)).toEqual([]);
  });
});

describe('each case against the model', () => {
  const declined: string[] = [];
  const totals = { agreed: 0, declined: 0 };
  afterAll(() => {
    const summary = `the model agreed on ${totals.agreed} recorded observations and declined ${totals.declined}`;
    console.info(declined.length > 0 ? `${summary}:\n  ${declined.join('\n  ')}` : summary);
  });

  test.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const profiles = [...matrix.run.map((e) => profileFor(e.version, e.bits, e.kind)), ...profilesListedIn(c)];
    const seen = new Set<string>();
    for (const profile of profiles) {
      const label = `CPython ${profile.major}.${profile.minor}.${profile.patch} ${profile.bits}-bit${profile.strHash === 'siphash' ? '' : ` (str hash: ${profile.strHash})`}`;
      if (seen.has(label)) continue;
      seen.add(label);
      const check = checkAgainstModel(c, profile);
      expect(check.divergences.map((d) => describeDivergence(c, d, `the model for ${label} predicts`))).toEqual([]);
      totals.agreed += check.agreed;
      totals.declined += check.declined;
      if (check.declined > 0) declined.push(`${c.name} on ${label}: ${check.declined} of ${check.verdicts.length}${check.stopped ? ` (${check.stopped})` : ''}`);
    }
  });
});

// The cases are the hand-checked examples of the model's rules: each rule decides something in at
// least one case, under a version the case recorded CPython's observations for.
test('every rule of the model (model/rules.ts) is exercised by some case', () => {
  const fired = new Set<RuleId>();
  for (const c of cases) {
    for (const profile of profilesListedIn(c)) {
      for (const rule of predictDetailed(parseProgram(c.source, { file: c.file, mode: c.mode }), profile).fired?.keys() ?? []) fired.add(rule);
    }
  }
  expect(RULE_IDS.filter((r) => !fired.has(r))).toEqual([]);
});
