// The model as the oracle of planted-bug tests: it answers what the model predicts, and the
// predictor under test is compared only where the model knows.
import { describe, expect, it } from 'vitest';
import { parseProgram } from '../../language/parse.ts';
import { predictDetailed, type DetailedPrediction } from '../../model/predict.ts';
import { profileFor } from '../../model/profile.ts';
import { checkProgram } from '../checkProgram.ts';
import { DECLINED, modelOracle } from './model-oracle.ts';

const profile = profileFor('3.11.7', 64, 'native');
const scripted = (...observations: string[]) => (): DetailedPrediction => ({ observations });
// The count of a list the program made is known; None's count is the whole interpreter's.
const KNOWN_THEN_DECLINED = parseProgram('import sys\na = []\nsys.getrefcount(a)\nsys.getrefcount(None)\n');
// int() of an address is a value the model does not know: it stops following the program there.
const STOPS = parseProgram('a = []\nlen(a)\nint(id(a))\nlen(a)\n');

describe('modelOracle', () => {
  it('answers what the model predicts, with a mark where it declines', async () => {
    const { oracle } = modelOracle(profile, predictDetailed);
    expect(await oracle.info()).toMatchObject({ name: 'model', version: '3.11.7', bits: 64, kind: 'native' });
    const [result] = await oracle.run([{ source: 'import sys\na = []\nsys.getrefcount(a)\nsys.getrefcount(None)\n', mode: 'module' }]);
    expect(result).toEqual({ status: 'ok', observations: ['2', DECLINED] });
  });

  it('answers a program it cannot read with an error, as an oracle whose interpreter failed', async () => {
    const { oracle } = modelOracle(profile, predictDetailed);
    const [result] = await oracle.run([{ source: "open('x')\n", mode: 'module' }]);
    expect(result).toMatchObject({ status: 'error', observations: [] });
    expect(result?.detail).toMatch(/^the model threw: .*'open' is not a callable of the case language/);
  });

  it('compares the predictor only where the model knows', async () => {
    const { oracle, predict } = modelOracle(profile, scripted('3', '7'));
    const checked = await checkProgram(KNOWN_THEN_DECLINED, oracle, profile, predict);
    expect(checked.prediction.observations).toEqual(['3', null]);
    expect(checked.verdict).toMatchObject({ compared: 2, agreed: 0, declined: 1, divergent: 1 });
    expect(checked.verdict.divergences).toEqual([{ position: 0, model: '3', cpython: '2' }]);
  });

  it('declines what lies past where the model stopped following the program', async () => {
    const { oracle, predict } = modelOracle(profile, scripted('0', '1', '2'));
    expect(predictDetailed(STOPS, profile).stopped).toBeDefined();
    const checked = await checkProgram(STOPS, oracle, profile, predict);
    expect(checked.prediction.observations).toEqual(['0']);
    expect(checked.verdict).toMatchObject({ agreed: 1, divergent: 0 });
  });

  it('lets the model agree with itself', async () => {
    const { oracle, predict } = modelOracle(profile, predictDetailed);
    const checked = await checkProgram(KNOWN_THEN_DECLINED, oracle, profile, predict);
    expect(checked.verdict).toMatchObject({ agreed: 1, declined: 1, divergent: 0 });
  });
});
