import { describe, expect, it } from 'vitest';
import type { EndingSpec } from './extendedPlan.ts';
import { expectedExceptions } from './endings.ts';
import { plan, text } from './examplePlan.ts';

const ending = (e: EndingSpec, setup: Parameters<typeof plan>[0] = []) => text(plan(setup, [], { ending: e }));

describe('endings', () => {
  it('raise on a bound name where one fits, else on literals', () => {
    expect(ending({ kind: 'missing-key', container: 0 }, [{ kind: 'dict', entries: [] }])).toBe("a = {}\na['q']\n");
    expect(ending({ kind: 'missing-key', container: 0 }, [{ kind: 'int-literal', value: 1n }])).toBe("a = 1\n{}['q']\n");
    expect(ending({ kind: 'index-out-of-range', container: 0 }, [{ kind: 'list', items: [] }])).toBe('a = []\na[99]\n');
    expect(ending({ kind: 'index-out-of-range', container: 0 })).toBe('()[0]\n');
    expect(ending({ kind: 'zero-division', source: 0 }, [{ kind: 'str-literal', value: 'a' }, { kind: 'float-literal', value: 1.5 }]))
      .toBe("a = 'a'\nb = 1.5\nb // 0\n");
    expect(ending({ kind: 'zero-division', source: 0 })).toBe('1 // 0\n');
  });

  it('read a name that is unbound where the ending stands (a deleted local in function mode)', () => {
    const p = plan([{ kind: 'int-literal', value: 1n }, { kind: 'int-literal', value: 2n }], [{ kind: 'del', source: 1 }], {
      mode: 'function',
      ending: { kind: 'unbound-name', slot: 0 },
    });
    expect(text(p)).toBe('a = 1\nb = 2\ndel b\nb\n');
  });

  it('call with the wrong number of arguments a function, a class, a method', () => {
    expect(ending({ kind: 'wrong-arity', callee: 'function' })).toBe('def g(p):\n    return p\ng()\n');
    expect(ending({ kind: 'wrong-arity', callee: 'class' })).toBe('class D:\n    pass\nD(1)\n');
    expect(ending({ kind: 'wrong-arity', callee: 'method' }, [{ kind: 'instance', cls: 'F' }])).toBe(
      'class D:\n    n = 257\n    def get(self):\n        return self.n\nclass F(D):\n    pass\na = F()\na.get(1)\n',
    );
  });

  it('set an attribute outside the slots of S; steps before it keep to the slots and make no weak reference to S', () => {
    const p = plan([{ kind: 'instance', cls: 'S' }], [
      { kind: 'setattr', obj: 0, attr: 'items', value: 0 },
      { kind: 'weakref', slot: 0, target: 0, callback: false },
      { kind: 'cycle', shape: 'instance-list', a: 0, b: 0 },
    ], { ending: { kind: 'slot-violation', obj: 0 } });
    expect(text(p)).toBe("class S:\n    __slots__ = ('other', 'me')\na = S()\na.other = a\na.n = 1\n");
  });

  it('say which exception each raises', () => {
    expect(expectedExceptions({ kind: 'unbound-name', slot: 0 })).toEqual(['NameError', 'UnboundLocalError']);
    expect(expectedExceptions({ kind: 'slot-violation', obj: 0 })).toEqual(['AttributeError']);
  });
});
