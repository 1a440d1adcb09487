import { describe, expect, it } from 'vitest';
import { parseProgram } from '../../language/parse.ts';
import type { Oracle } from '../../oracle/types.ts';
import { Latest, recording } from './recorder.ts';

describe('the recorder', () => {
  it('answers what the oracle observed for a program last, as often as asked', async () => {
    let n = 0;
    const oracle: Oracle = { info: async () => ({ name: 'x', version: '3.11.7', bits: 64, kind: 'native' }), close: async () => {}, run: async (rs) => rs.map(() => ({ status: 'ok', observations: [String(n++)] })) };
    const r = recording(oracle);
    const program = parseProgram('a = 1\na\n', { mode: 'module' });
    await r.oracle.run([{ source: 'a = 1\na\n', mode: 'module' }]);
    await r.oracle.run([{ source: 'a = 1\na\n', mode: 'module' }]);
    expect(r.observed(program)).toEqual(['1']);
    expect(r.observed(program)).toEqual(['1']);
    expect(r.observed(parseProgram('a = 2\na\n', { mode: 'module' }))).toBeUndefined();
  });

  it('forgets the oldest answers beyond what it keeps', () => {
    const latest = new Latest<number>(2);
    latest.set('a', 1);
    latest.set('b', 2);
    latest.set('a', 3);
    latest.set('c', 4);
    expect([latest.get('a'), latest.get('b'), latest.get('c')]).toEqual([3, undefined, 4]);
  });
});
