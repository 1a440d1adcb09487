import { describe, expect, it } from 'vitest';
import { observe, plan, text } from './examplePlan.ts';

const lines = (...l: string[]) => `${l.join('\n')}\n`;

describe('call values', () => {
  it('bind a method, call it, make a closure, go through a global and an enclosing name', () => {
    const p = plan([{ kind: 'instance', cls: 'F' }, { kind: 'int-literal', value: 257n }], [
      { kind: 'assign', target: 2, value: { kind: 'bound-method', source: 0 } },
      observe({ kind: 'method-call', a: 1 }),
      { kind: 'aug-attr', obj: 0, op: '+' },
      { kind: 'assign', target: 3, value: { kind: 'closure', source: 1 } },
      { kind: 'assign', target: 4, value: { kind: 'call-closure', source: 0 } },
      { kind: 'set-global', source: 0 },
      { kind: 'assign', target: 5, value: { kind: 'get-global' } },
      { kind: 'assign', target: 5, value: { kind: 'peek' } },
    ], { mode: 'function' });
    expect(text(p)).toBe(lines(
      'class D:', '    n = 257', '    def get(self):', '        return self.n',
      'class F(D):', '    pass',
      'def setg(p):', '    global gv', '    gv = p',
      'def getg():', '    return gv',
      'def outer(p):', '    def inner():', '        return p', '    return inner',
      'def peek():', '    return a',
      'a = F()', 'b = 257', 'c = a.get', 'c()', 'a.n += 1', 'x = outer(b)', 'y = x()', 'setg(a)', 'z = getg()', 'z = peek()',
    ));
  });

  it('call only a closure: a function bound as a value (x = g) is not one', () => {
    const p = plan([{ kind: 'callable', which: 'g' }], [{ kind: 'assign', target: 1, value: { kind: 'call-closure', source: 0 } }]);
    expect(text(p)).toBe(lines('def g(p):', '    return p', 'a = g'));
  });

  it('read the global only once setg has bound it, and a only while it is bound', () => {
    const p = plan([{ kind: 'int-literal', value: 1n }], [
      { kind: 'assign', target: 1, value: { kind: 'get-global' } },
      { kind: 'del', source: 0 },
      { kind: 'assign', target: 1, value: { kind: 'peek' } },
    ]);
    expect(text(p)).toBe(lines('a = 1', 'del a'));
  });

  it('in repl mode, follow what _ refers to: the last value the prompt echoed; count it only when the program surely owns it', () => {
    const p = plan([{ kind: 'list', items: [] }], [
      { kind: 'alias-underscore', target: 1 },
      observe({ kind: 'underscore-is', a: 0 }),
      observe({ kind: 'value', a: 0 }),
      observe({ kind: 'underscore-refcount' }),
      { kind: 'alias-underscore', target: 1 },
      observe({ kind: 'underscore-is', a: 0 }),
      observe({ kind: 'underscore-refcount' }),
    ], { mode: 'repl' });
    // The second count is skipped: `_` is then the bool `_ is a` echoed, shared by the whole interpreter.
    expect(text(p)).toBe(lines('import sys', 'a = []', 'a', 'sys.getrefcount(_)', 'b = _', '_ is a'));
  });

  it('format only what prints into f-strings, with conversions', () => {
    const p = plan([{ kind: 'int-literal', value: 1n }, { kind: 'instance', cls: 'D' }, { kind: 'str-literal', value: 'a b' }], [
      { kind: 'assign', target: 3, value: { kind: 'str-fstring-fields', fields: [{ source: 0, conversion: 'r' }, { source: 1, conversion: 's' }] } },
      { kind: 'assign', target: 4, value: { kind: 'str-method', method: 'replace', source: 1 } },
      observe({ kind: 'str-query', method: 'find', a: 0 }),
      observe({ kind: 'hash-of', what: 'str', a: 0 }),
      observe({ kind: 'repr', a: 1 }),
      observe({ kind: 'bool', a: 1 }),
    ]);
    expect(text(p)).toBe(lines(
      'class D:', '    pass', 'a = 1', 'b = D()', "c = 'a b'", "x = f'{a!r}-{c!s}'", "y = x.replace('a', 'b')", "c.find('a')", 'hash(c)', 'repr(c)', 'bool(b)',
    ));
  });
});
