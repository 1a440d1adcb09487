import { describe, expect, it } from 'vitest';
import type { ValueSpec } from './extendedPlan.ts';
import { observe, plan, text } from './examplePlan.ts';

const intStrInt: ValueSpec[] = [{ kind: 'int-literal', value: 1n }, { kind: 'str-literal', value: 'abc' }, { kind: 'int-literal', value: 257n }];
const setupText = "a = 1\nb = 'abc'\nc = 257\n";

describe('comparisons', () => {
  it('order only what orders: a pick skips the str an int cannot be compared with', () => {
    expect(text(plan(intStrInt, [observe({ kind: 'compare', op: '<', a: 0, b: 1 })]))).toBe(`${setupText}a < c\n`);
  });

  it('look for an item only in a container that can hold it (a str holds strs)', () => {
    expect(text(plan(intStrInt, [observe({ kind: 'compare', op: 'in', a: 0, b: 0 })]))).toBe(`${setupText}b in b\n`);
    const withList: ValueSpec[] = [...intStrInt.slice(0, 2), { kind: 'list', items: [{ kind: 'item-int', value: 1n }] }];
    expect(text(plan(withList, [observe({ kind: 'compare', op: 'not in', a: 0, b: 1 })]))).toBe("a = 1\nb = 'abc'\nc = [1]\na not in c\n");
  });

  it('chain two comparisons, each operator applying to its own pair', () => {
    expect(text(plan(intStrInt, [observe({ kind: 'compare-chain', ops: ['<=', '!='], a: 1, b: 0, c: 2 })]))).toBe(`${setupText}b <= b != c\n`);
  });

  it('order lists only when their items order with one another', () => {
    const lists: ValueSpec[] = [{ kind: 'list', items: [{ kind: 'item-int', value: 1n }] }, { kind: 'list', items: [{ kind: 'item-str', value: 'a' }] }];
    expect(text(plan(lists, [observe({ kind: 'compare', op: '<', a: 0, b: 1 })]))).toBe("a = [1]\nb = ['a']\na < a\n");
  });

  it('compare nothing that reaches itself, where == would recurse', () => {
    const p = plan([{ kind: 'list', items: [] }], [{ kind: 'cycle', shape: 'list-self', a: 0, b: 0 }, observe({ kind: 'compare', op: '!=', a: 0, b: 0 })]);
    expect(text(p)).toBe('a = []\na.append(a)\n');
  });
});
