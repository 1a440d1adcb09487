// A set of at most one item has one order whatever its item's hash. Where the hash is an address
// the model keeps no table, and a case cannot tell a decline from agreement (cases/cases.test.ts
// counts a decline as neither), so the model's knowing it is asserted here.
import { describe, expect, it } from 'vitest';
import { parseProgram } from '../language/parse.ts';
import { predictDetailed } from './predict.ts';
import { profileFor } from './profile.ts';

const SOURCE = [
  '{None}',
  'o = object()',
  'list({o})[0] is o',
  'frozenset()',
  'tuple(frozenset())',
  '',
].join('\n');

describe('the order of a set of at most one item', () => {
  it('is known where the item hashes by address (observed on python3 3.11.7)', () => {
    // None hashes by address up to 3.11; object() on every version.
    for (const version of ['3.11.7', '3.13.0']) {
      const p = predictDetailed(parseProgram(SOURCE, { mode: 'module' }), profileFor(version, 64, 'native'));
      expect(p.stopped).toBeUndefined();
      expect(p.observations).toEqual(['{None}', 'True', 'frozenset()', '()']);
    }
  });
});
