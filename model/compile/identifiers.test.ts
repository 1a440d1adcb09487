import { describe, expect, it } from 'vitest';
import { parseProgram } from '../../language/parse.ts';
import { programIdentifiers } from './identifiers.ts';

describe('programIdentifiers', () => {
  it('collects every name the parser reads, and none of the string literals', () => {
    const source = [
      'import sys',
      'class C(object):',
      '    def m(self, p=1):',
      '        global g',
      '        return self.attr',
      "x = f'{sys.getrefcount(y)!r}'",
      "z = {'lit_a': w.k}",
      '',
    ].join('\n');
    const names = programIdentifiers(parseProgram(source, { mode: 'module' }).body);
    for (const n of ['sys', 'C', 'object', 'm', 'self', 'p', 'g', 'attr', 'x', 'getrefcount', 'y', 'z', 'w', 'k']) {
      expect(names.has(n), n).toBe(true);
    }
    expect(names.has('lit_a')).toBe(false);
  });
  it("adds the oracle's wrapper names", () => {
    expect(programIdentifiers([]).has('__cmm_observe__')).toBe(true);
    expect(programIdentifiers([]).has('__case__')).toBe(true);
  });
});
