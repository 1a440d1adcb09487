import { describe, expect, it } from 'vitest';
import { compare } from './compare.ts';

const ok = (...observations: string[]) => ({ status: 'ok' as const, observations });

describe('compare', () => {
  it('counts equal strings as agreement', () => {
    const v = compare({ observations: ['True', '2'] }, ok('True', '2'));
    expect(v).toMatchObject({ compared: 2, agreed: 2, declined: 0, divergent: 0, divergences: [] });
  });

  it('counts null as declined, never as agreement', () => {
    const v = compare({ observations: [null, '2'] }, ok('True', '2'));
    expect(v).toMatchObject({ compared: 2, agreed: 1, declined: 1, declinedAt: [0], divergent: 0 });
  });

  it('reports different strings with both values', () => {
    const v = compare({ observations: ['True', '3'] }, ok('True', '2'));
    expect(v.divergent).toBe(1);
    expect(v.divergences).toEqual([{ position: 1, model: '3', cpython: '2' }]);
  });

  it('declines every position past where the model stopped', () => {
    const v = compare({ observations: ['1'], stopped: { reason: 'no rule for closures' } }, ok('1', '2', '3'));
    expect(v).toMatchObject({ compared: 3, agreed: 1, declined: 2, declinedAt: [1, 2], divergent: 0, stopped: 'no rule for closures' });
  });

  it('diverges when the model predicts fewer observations without having stopped', () => {
    const v = compare({ observations: ['1'] }, ok('1', '!NameError'));
    expect(v.divergences).toEqual([{ position: 1, model: null, cpython: '!NameError' }]);
  });

  it('diverges when the model predicts more observations than CPython made', () => {
    const v = compare({ observations: ['1', '2'], stopped: { reason: 'later' } }, ok('1'));
    expect(v.divergences).toEqual([{ position: 1, model: '2', cpython: null }]);
  });

  it('declines everything of a run that did not finish normally', () => {
    for (const status of ['timeout', 'crash', 'error'] as const) {
      const v = compare({ observations: ['1', '5'] }, { status, observations: ['1'], detail: 'killed' });
      expect(v).toMatchObject({ status, detail: 'killed', compared: 2, agreed: 0, declined: 2, divergent: 0 });
    }
  });

  it('compares nothing when neither side observes anything', () => {
    expect(compare({ observations: [] }, ok())).toMatchObject({ compared: 0, agreed: 0, declined: 0, divergent: 0 });
  });
});
