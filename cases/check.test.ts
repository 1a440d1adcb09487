import { describe, expect, test, vi } from 'vitest';
import type { DetailedPrediction } from '../model/predict.ts';
import { profileFor } from '../model/profile.ts';
import type { InterpreterInfo, Oracle, RunResult } from '../oracle/types.ts';
import { checkAgainstModel, checkAgainstOracle, describeDivergence, expectationFor } from './check.ts';
import { parseCaseText } from './parse-case.ts';

// The model is replaced by whatever each test says it predicts.
const prediction = vi.hoisted(() => ({ next: { observations: [] } as DetailedPrediction }));
vi.mock('../model/predict.ts', () => ({ predictDetailed: () => prediction.next }));

const CASE = parseCaseText(
  [
    'name: sample',
    'description: d',
    'claim: c',
    'source_of_claim: s',
    'tags: []',
    'source: |',
    '  a = 10',
    '  a is a',
    '  a == a',
    '  a + 1',
    'expect:',
    '  - python: "3.8-3.11"',
    '    observations: ["True", "True", "11"]',
    '  - python: "3.12+"',
    '    bits: 64',
    '    observations: ["True", "False", "11"]',
  ].join('\n'),
  'cases/sample.yaml',
);

describe('expectationFor', () => {
  test('picks the entry whose range and width cover the interpreter', () => {
    expect(expectationFor(CASE, '3.11.7', 64)?.range.text).toBe('3.8-3.11');
    expect(expectationFor(CASE, '3.8.0', 32)?.range.text).toBe('3.8-3.11');
    expect(expectationFor(CASE, '3.13.0', 64)?.range.text).toBe('3.12+');
    expect(expectationFor(CASE, '3.13.0', 32)).toBeUndefined();
    expect(expectationFor(CASE, '3.7.16', 64)).toBeUndefined();
  });
});

describe('checkAgainstModel', () => {
  const profile = profileFor('3.11.7');

  test('agreed, declined (null) and divergent positions, with the statement of a divergence', () => {
    prediction.next = { observations: ['True', null, '12'] };
    const check = checkAgainstModel(CASE, profile);
    expect(check.verdicts).toEqual(['agreed', 'declined', 'divergent']);
    expect([check.agreed, check.declined]).toEqual([1, 1]);
    expect(check.divergences).toEqual([{ index: 2, loc: { line: 10, col: 3 }, code: 'a + 1', expected: '11', actual: '12' }]);
    expect(describeDivergence(CASE, check.divergences[0], 'the model predicts')).toBe(
      'cases/sample.yaml:10: observation 3 (a + 1): expected 11, the model predicts 12',
    );
  });

  test('everything beyond where the model stopped is declined', () => {
    prediction.next = { observations: ['True'], stopped: { reason: 'no rule yet' } };
    const check = checkAgainstModel(CASE, profile);
    expect(check.verdicts).toEqual(['agreed', 'declined', 'declined']);
    expect(check.stopped).toBe('no rule yet');
  });

  test('a prediction that ends early or runs long without stopping diverges', () => {
    prediction.next = { observations: ['True'] };
    expect(checkAgainstModel(CASE, profile).divergences.map((d) => [d.index, d.actual])).toEqual([
      [1, undefined],
      [2, undefined],
    ]);
    prediction.next = { observations: ['True', 'True', '11', '!NameError'] };
    expect(checkAgainstModel(CASE, profile).divergences.map((d) => [d.index, d.expected, d.actual])).toEqual([[3, undefined, '!NameError']]);
  });

  test('a profile the case records nothing for is checked against nothing', () => {
    const check = checkAgainstModel(CASE, profileFor('3.12.1', 32));
    expect(check.expectation).toBeUndefined();
    expect(check.verdicts).toEqual([]);
  });
});

describe('checkAgainstOracle', () => {
  function oracle(result: RunResult): Oracle {
    return { info: async () => INFO, run: async (requests) => requests.map(() => result), close: async () => {} };
  }
  const INFO: InterpreterInfo = { name: 'python3', version: '3.12.1', bits: 64, kind: 'native' };

  test('agree, disagree, no expectation, run failed', async () => {
    const ok = (...observations: string[]): RunResult => ({ status: 'ok', observations });
    expect((await checkAgainstOracle(CASE, oracle(ok('True', 'False', '11')), INFO)).kind).toBe('agree');
    const disagree = await checkAgainstOracle(CASE, oracle(ok('True', 'True', '11')), INFO);
    expect(disagree.kind === 'disagree' && disagree.divergences.map((d) => [d.index, d.code, d.expected, d.actual])).toEqual([[1, 'a == a', 'False', 'True']]);
    const none = await checkAgainstOracle(CASE, oracle(ok('True')), { ...INFO, bits: 32 });
    expect(none.kind).toBe('no-expectation');
    const failed = await checkAgainstOracle(CASE, oracle({ status: 'timeout', observations: ['True'], detail: 'ran past 10 s' }), INFO);
    expect(failed.kind === 'run-failed' && [failed.status, failed.detail]).toEqual(['timeout', 'ran past 10 s']);
  });
});
