import { describe, expect, it } from 'vitest';
import { observe, plan, text } from './examplePlan.ts';

const lines = (...l: string[]) => `${l.join('\n')}\n`;

describe('method steps', () => {
  it('follow a list through insert, extend, remove, reverse and pop', () => {
    const p = plan([{ kind: 'list', items: [{ kind: 'item-int', value: 257n }] }, { kind: 'instance', cls: 'D' }], [
      { kind: 'list-mutate', method: 'insert', list: 0, item: { kind: 'item-name', source: 1 }, arg: 0 },
      { kind: 'list-mutate', method: 'extend', list: 0, item: { kind: 'item-none' }, arg: 0 },
      // [b, 257, b, 257]: `b` is the one name whose object is in the list, and nothing equal comes first.
      { kind: 'list-mutate', method: 'remove', list: 0, item: { kind: 'item-none' }, arg: 1 },
      { kind: 'list-mutate', method: 'reverse', list: 0, item: { kind: 'item-none' }, arg: 0 },
      { kind: 'assign', target: 2, value: { kind: 'list-method', method: 'pop', source: 0, arg: 0 } },
      observe({ kind: 'count', a: 0, b: 1 }),
      { kind: 'aug-item', container: 0, op: '+' },
      observe({ kind: 'value', a: 0 }),
    ]);
    expect(text(p)).toBe(lines(
      'class D:', '    pass', 'a = [257]', 'b = D()',
      'a.insert(0, b)', 'a.extend(a)', 'a.remove(b)', 'a.reverse()', 'c = a.pop()', 'a.count(b)', 'a[0] += 1',
      // [257, b] holds an instance: `c` (the popped 257) is what prints.
      'c',
    ));
  });

  it('remove the first item by itself when no bound name is sure to be the one removed', () => {
    const p = plan([{ kind: 'list', items: [{ kind: 'item-int', value: 1n }, { kind: 'item-int', value: 257n }] }, { kind: 'int-literal', value: 1n }], [
      { kind: 'list-mutate', method: 'remove', list: 0, item: { kind: 'item-none' }, arg: 1 },
    ]);
    expect(text(p)).toBe(lines('a = [1, 257]', 'b = 1', 'a.remove(a[0])'));
  });

  it('put only hashable objects in sets', () => {
    const p = plan([{ kind: 'set', items: [{ kind: 'item-int', value: 1n }] }, { kind: 'list', items: [] }, { kind: 'tuple', items: [] }], [
      { kind: 'set-method', method: 'add', set: 0, item: { kind: 'item-name', source: 1 } },
      { kind: 'set-method', method: 'discard', set: 0, item: { kind: 'item-int', value: 1n } },
      { kind: 'assign', target: 3, value: { kind: 'frozenset', items: [{ kind: 'item-name', source: 1 }] } },
      { kind: 'assign', target: 4, value: { kind: 'frozenset', items: [] } },
      observe({ kind: 'len', a: 0 }),
    ]);
    expect(text(p)).toBe(lines('a = {1}', 'b = []', 'c = ()', 'a.add(c)', 'a.discard(1)', 'x = frozenset([c])', 'y = frozenset()', 'len(a)'));
  });
});
