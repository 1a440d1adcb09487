import { describe, expect, it } from 'vitest';
import { observe, plan, text } from './examplePlan.ts';

const lines = (...l: string[]) => `${l.join('\n')}\n`;

describe('derived values', () => {
  it('slice, split and convert, knowing which items and texts result', () => {
    const p = plan([{ kind: 'str-literal', value: 'hello world' }, { kind: 'tuple', items: [{ kind: 'item-int', value: 1n }, { kind: 'item-str', value: 'a' }] }], [
      { kind: 'assign', target: 2, value: { kind: 'slice', source: 0, form: 'reverse' } },
      // Only strs of known text split: `a` and the reversed `c`; pick 2 of the two is `a`.
      { kind: 'assign', target: 3, value: { kind: 'str-method', method: 'split', source: 2 } },
      observe({ kind: 'item', a: 3 }),
      observe({ kind: 'slice-is', a: 1, form: 'copy' }),
      observe({ kind: 'slice-value', a: 1, form: 'tail' }),
      { kind: 'assign', target: 4, value: { kind: 'convert', to: 'tuple', source: 1 } },
      observe({ kind: 'is', a: 4, b: 1, negate: false }),
    ]);
    expect(text(p)).toBe(lines("a = 'hello world'", "b = (1, 'a')", 'c = a[::-1]', 'x = a.split()', 'x[0]', 'b[:] is b', 'b[1:]', 'y = tuple(b)', 'y is b'));
  });

  it('seed their own target with something to derive from when nothing of the kind is bound', () => {
    const p = plan([], [
      { kind: 'assign', target: 0, value: { kind: 'slice', source: 0, form: 'head' } },
      { kind: 'assign', target: 1, value: { kind: 'dict-method', method: 'pop', source: 0, key: 'j', item: { kind: 'item-none' } } },
      { kind: 'assign', target: 2, value: { kind: 'list-method', method: 'index', source: 0, arg: 0 } },
      { kind: 'assign', target: 3, value: { kind: 'str-method', method: 'join', source: 0 } },
      { kind: 'assign', target: 4, value: { kind: 'bound-method', source: 0 } },
    ]);
    expect(text(p)).toBe(lines(
      'class D:', '    n = 257', '    def get(self):', '        return self.n',
      "a = 'hello world'", 'a = a[:2]',
      "b = {'k': 257}", "b = b.pop('j', None)",
      "c = [257, 'a']", 'c = c.index(c[0])',
      "x = ['a', 'abc']", "x = '-'.join(x)",
      'y = D()', 'y = y.get',
    ));
  });

  it('follow a dict through pop, get, setdefault and update, observing it only while it prints', () => {
    const p = plan([{ kind: 'dict', entries: [{ key: 'k', item: { kind: 'item-int', value: 257n } }] }, { kind: 'instance', cls: 'D' }], [
      { kind: 'assign', target: 2, value: { kind: 'dict-method', method: 'pop', source: 0, key: 'k', item: { kind: 'item-none' } } },
      { kind: 'assign', target: 3, value: { kind: 'dict-method', method: 'get', source: 0, key: 'k', item: { kind: 'item-none' } } },
      { kind: 'assign', target: 4, value: { kind: 'dict-method', method: 'setdefault', source: 0, key: 'j', item: { kind: 'item-name', source: 1 } } },
      observe({ kind: 'value', a: 0 }),
      { kind: 'dict-update', dict: 0, key: 'j', item: { kind: 'item-int', value: 1n } },
      observe({ kind: 'value', a: 0 }),
      { kind: 'aug-item', container: 0, op: '*' },
    ]);
    expect(text(p)).toBe(lines(
      'class D:', '    pass', "a = {'k': 257}", 'b = D()',
      "c = a.pop('k')", "x = a.get('k')", "y = a.setdefault('j', b)",
      // `a` holds an instance now: the value observed is `c`, the first that prints.
      'c', "a.update({'j': 1})", 'a', "a['j'] *= 2",
    ));
  });
});
