// Every case under cases/: it loads, the machine's python3 observes what the case recorded for its
// version, and the model never contradicts a recorded observation (it may decline).
import { readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { profileFor, ProfileError, type Profile } from '../model/profile.ts';
import { NativeOracle } from '../oracle/native.ts';
import type { InterpreterInfo } from '../oracle/types.ts';
import type { Case } from './case.ts';
import { checkAgainstModel, checkAgainstOracle, describeDivergence } from './check.ts';
import { loadCases } from './load.ts';
import { formatVersion, rangeContains, type Version } from './versions.ts';

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

// One oracle, the machine's python3, for the whole file.
const oracle = new NativeOracle();
let info: InterpreterInfo;
beforeAll(async () => {
  info = await oracle.info();
});
afterAll(() => oracle.close());

describe('each case against the machine’s python3', () => {
  test.each(cases.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const check = await checkAgainstOracle(c, oracle, info);
    if (check.kind === 'run-failed') expect.fail(`${c.file}: ${check.status}: ${check.detail}`);
    if (check.kind === 'no-expectation') expect.fail(`${c.file} records nothing for CPython ${info.version} (${info.bits}-bit)`);
    const lines = check.kind === 'disagree' ? check.divergences.map((d) => describeDivergence(c, d, `CPython ${info.version} observed`)) : [];
    expect(lines).toEqual([]);
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
    const profiles = [profileFor(info.version, info.bits), ...profilesListedIn(c)];
    const seen = new Set<string>();
    for (const profile of profiles) {
      const key = `${profile.major}.${profile.minor}.${profile.patch}/${profile.bits}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const check = checkAgainstModel(c, profile);
      const label = `CPython ${key.replace('/', ' ')}-bit`;
      expect(check.divergences.map((d) => describeDivergence(c, d, `the model for ${label} predicts`))).toEqual([]);
      totals.agreed += check.agreed;
      totals.declined += check.declined;
      if (check.declined > 0) declined.push(`${c.name} on ${label}: ${check.declined} of ${check.verdicts.length}${check.stopped ? ` (${check.stopped})` : ''}`);
    }
  });
});

/** A profile for each end of each recorded range that the model has a profile for. */
function profilesListedIn(c: Case): Profile[] {
  const out: Profile[] = [];
  for (const e of c.expect) {
    const ends: Version[] = [e.range.low];
    if (e.range.high) ends.push(Number.isFinite(e.range.high.patch) ? e.range.high : { ...e.range.high, patch: 0 });
    for (const v of ends.filter((end) => rangeContains(e.range, end))) {
      try {
        out.push(profileFor(formatVersion(v), e.bits ?? 64));
      } catch (error) {
        if (!(error instanceof ProfileError)) throw error;
      }
    }
  }
  return out;
}
