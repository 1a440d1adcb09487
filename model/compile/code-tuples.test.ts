import { describe, expect, it } from 'vitest';
import { parseProgram } from '../../language/parse.ts';
import { predict } from '../predict.ts';
import { profileFor } from '../profile.ts';

const SOURCE = [
  'import sys',
  'x = (None,)',
  'def f(a=None):',
  '    return a',
  'sys.getrefcount(x)',
  "v = ('p', 'q')",
  'def g(p, q):',
  '    return p',
  'sys.getrefcount(v)',
  "n = 'hello world'",
  'def h():',
  "    return 'hello world'",
  'def k():',
  "    return 'hello world'",
  'sys.getrefcount(n)',
  '',
].join('\n');

const run = (version: string): (string | null)[] => predict(parseProgram(SOURCE, { mode: 'module' }), profileFor(version, 64, 'native'));

describe("a code object's tuples among the merged constants", () => {
  it("counts the co_consts and local-names tuples that are the module's constants (observed on 3.10-3.13)", () => {
    // x: its name, the module's co_consts, f's defaults, f's co_consts, the argument.
    expect(run('3.11.7')).toEqual(['6', '4', '4']);
    expect(run('3.10.13')).toEqual(['6', '4', '4']);
  });
  it('keeps the unmerged defaults tuple of 3.8 apart (observed: 5)', () => {
    expect(run('3.8.18')[0]).toBe('5');
  });
  it("declines from 3.14, where the optimizer decides co_consts, but still counts the names tuple", () => {
    expect(run('3.14.2')).toEqual([null, '4', null]);
  });
});
