import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import type { DetailedPrediction } from '../../model/predict.ts';
import { changedExplanations, explanationDigest, readExplanations, writeExplanations } from './explanations-file.ts';

const run = (prediction: DetailedPrediction, modelError: string | null = null) => ({ prediction, modelError });
const digest = (entries: [string, ReturnType<typeof run>][]) => explanationDigest(new Map(entries));

describe("a program's explanation digest", () => {
  const base: DetailedPrediction = { observations: ['1', '2'], because: [['small-int-cache', 'singletons'], []] };

  test('ignores the order of profiles and of rules within an observation, and repeated rules', () => {
    const a = digest([['3.11.7/64/native', run(base)], ['3.8.18/64/native', run({ ...base, because: [['free-at-zero'], []] })]]);
    const b = digest([['3.8.18/64/native', run({ ...base, because: [['free-at-zero', 'free-at-zero'], []] })], ['3.11.7/64/native', run({ ...base, because: [['singletons', 'small-int-cache'], []] })]]);
    expect(a).toBe(b);
    expect(a).toMatch(/^[0-9a-f]{16}$/);
  });

  test('changes with a rule credited to another observation, a reason to stop, a model error or a profile', () => {
    const d = digest([['3.11.7/64/native', run(base)]]);
    expect(digest([['3.11.7/64/native', run({ ...base, because: [[], ['small-int-cache', 'singletons']] })]])).not.toBe(d);
    expect(digest([['3.11.7/64/native', run({ ...base, stopped: { reason: 'the method set.pop' } })]])).not.toBe(d);
    expect(digest([['3.11.7/64/native', run(base, 'Error: boom')]])).not.toBe(d);
    expect(digest([['3.12.1/64/native', run(base)]])).not.toBe(d);
    // The observations themselves are the corpus test's business, not the explanation's.
    expect(digest([['3.11.7/64/native', run({ ...base, observations: ['3', '4'] })]])).toBe(d);
  });
});

describe('the kept explanations file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cmm-corpus-explained-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('what is written reads back, and only changed or unkept programs are reported', () => {
    const file = join(dir, 'explained.json');
    writeExplanations(file, new Map([[2, '00000000000000ab'], [0, '0123456789abcdef']]));
    const kept = readExplanations(file, (m) => new Error(m));
    expect(kept).toEqual({ 0: '0123456789abcdef', 2: '00000000000000ab' });
    expect(changedExplanations(new Map([[0, '0123456789abcdef'], [1, '1111111111111111'], [2, '00000000000000ac']]), kept)).toEqual([1, 2]);
  });

  test('a malformed file is an error naming the file and the entry', () => {
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, '{"explained": {"3": "xyz"}}');
    expect(() => readExplanations(bad, (m) => new Error(m))).toThrow(/bad\.json: explained\["3"\]: must be a digest of 16 hex digits/);
    writeFileSync(bad, '[]');
    expect(() => readExplanations(bad, (m) => new Error(m))).toThrow(/bad\.json: explained: must be an object/);
    expect(() => readExplanations(join(dir, 'none.json'), (m) => new Error(m))).toThrow(/none\.json/);
  });
});
