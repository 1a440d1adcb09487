// The statements and observations added so that every rule of the model is reached by generated
// programs (see ../generator-coverage.test.ts): each as the Python it builds.
import { describe, expect, it } from 'vitest';
import { observe, plan, text } from './examplePlan.ts';

const lines = (...l: string[]) => `${l.join('\n')}\n`;

describe('statements that reach rare rules', () => {
  it('call make() twice at its first use (one call site of M run twice), once afterwards; M counts and keeps its argument', () => {
    const p = plan([{ kind: 'list', items: [{ kind: 'item-int', value: 257n }] }], [
      { kind: 'make', targets: [1, 2], args: [1, 1] },
      { kind: 'make', targets: [3, 3], args: [0, 0] },
    ]);
    expect(text(p)).toBe(lines(
      'import sys',
      'class M:', '    def __init__(self, p):', '        sys.getrefcount(p)', '        self.other = p',
      'def make(p):', '    return M(p)',
      'a = [257]', 'b = make(a)', 'c = make(a)', 'x = make(a)',
    ));
  });

  it('pass make() a new list when nothing is bound', () => {
    const p = plan([], [{ kind: 'make', targets: [0, 0], args: [0, 0] }]);
    expect(text(p)).toContain(lines('a = make([])', 'a = make(a)'));
  });

  it('fill both slots of a slotted instance, other first, with two different objects where there are two; make an S when none is bound', () => {
    const p = plan([{ kind: 'instance', cls: 'C' }, { kind: 'instance', cls: 'D' }], [
      { kind: 'fill-slots', obj: 0, values: [0, 0], fresh: 2 },
      { kind: 'fill-slots', obj: 0, values: [1, 1], fresh: 3 },
    ]);
    expect(text(p)).toContain(lines('a = C()', 'b = D()', 'c = S()', 'c.other = a', 'c.me = b', 'c.other = b', 'c.me = c'));
  });

  it('drop a self-cycle and collect it at once, taking an instance nothing else holds', () => {
    const p = plan([{ kind: 'instance', cls: 'D' }, { kind: 'instance', cls: 'C' }], [
      { kind: 'alias', target: 2, source: 0 },
      { kind: 'cycle-more', shape: 'dropped', a: 0 },
    ]);
    expect(text(p)).toContain(lines('a = D()', 'b = C()', 'c = a', 'b.me = b', 'del b', 'gc.collect()'));
  });

  it('sort a list of mutually ordered items, binding one first when none is', () => {
    const p = plan([{ kind: 'list', items: [{ kind: 'item-int', value: 1n }, { kind: 'item-str', value: 'a' }] }], [
      { kind: 'mutate-more', method: 'sort', target: 0, seed: 1 },
      { kind: 'mutate-more', method: 'sort', target: 0, seed: 2 },
    ]);
    expect(text(p)).toBe(lines("a = [1, 'a']", 'b = [1000, 2, 257]', 'b.sort()', 'b.sort()'));
  });

  it('hash a tuple of what hashes by value: a bound one, one made of names, or of constants', () => {
    const p = plan([{ kind: 'instance', cls: 'D' }], [
      observe({ kind: 'hash-tuple', a: 0, b: 0 }),
      { kind: 'assign', target: 1, value: { kind: 'tuple', items: [{ kind: 'item-int', value: 257n }, { kind: 'item-str', value: 'a' }] } },
      { kind: 'assign', target: 2, value: { kind: 'str-literal', value: 'hello world' } },
      observe({ kind: 'hash-tuple', a: 0, b: 0 }),
      observe({ kind: 'hash-tuple', a: 1, b: 0 }),
    ]);
    expect(text(p)).toBe(lines('class D:', '    pass', 'a = D()', "hash((1, 'a'))", "b = (257, 'a')", "c = 'hello world'", 'hash(b)', 'hash((c, b))'));
  });

  it('make the empty frozenset with frozenset()', () => {
    const p = plan([], [{ kind: 'assign', target: 0, value: { kind: 'builtin-call', fn: 'frozenset-empty', source: 0, n: 0 } }]);
    expect(text(p)).toBe(lines('a = frozenset()'));
  });
});
