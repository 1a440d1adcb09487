import { describe, expect, it } from 'vitest';
import { observe, plan, text } from './examplePlan.ts';

const lines = (...l: string[]) => `${l.join('\n')}\n`;

describe('the extensions’ statements and observations', () => {
  it("share an instance's attributes with its __dict__, and never clear or delete from it (the tag a finalizer logs is there)", () => {
    const p = plan([{ kind: 'instance', cls: 'C' }], [
      { kind: 'assign', target: 1, value: { kind: 'instance-dict', source: 0 } },
      { kind: 'dict-setitem', obj: 0, key: 'k', item: { kind: 'item-int', value: 257n } },
      observe({ kind: 'len', a: 1 }),
      { kind: 'clear', container: 1 },
      { kind: 'delitem', container: 1 },
      observe({ kind: 'dict-of', what: 'same', a: 0 }),
      { kind: 'cycle-more', shape: 'own-dict', a: 0 },
    ], { classes: { finalizer: 'tag' } });
    expect(text(p)).toBe(lines(
      'log = []', 'class C:', '    def __init__(self, tag):', '        self.tag = tag', '    def __del__(self):', '        log.append(self.tag)',
      "a = C('a')", 'b = a.__dict__', "a.__dict__['k'] = 257", 'len(b)', 'a.__dict__ is a.__dict__', 'a.me = a.__dict__',
    ));
  });

  it("resurrect R into keep, observe how many were kept, let them go; T's list gets objects and keeps being a list", () => {
    const p = plan([{ kind: 'instance-more', cls: 'R' }, { kind: 'instance-more', cls: 'T' }], [
      { kind: 'attr-append', obj: 0, item: { kind: 'item-name', source: 0 } },
      { kind: 'setattr', obj: 1, attr: 'items', value: 0 },
      { kind: 'delattr', obj: 1 },
      { kind: 'del', source: 0 },
      observe({ kind: 'kept' }),
      { kind: 'keep-clear' },
    ]);
    expect(text(p)).toBe(lines(
      'log = []', 'keep = []',
      'class R:', '    def __del__(self):', "        log.append('R')", '        keep.append(self)',
      'class T:', '    def __init__(self):', '        self.items = []', '    def __del__(self):', '        log.append(len(self.items))', '        self.items.clear()',
      'a = R()', 'b = T()', 'b.items.append(a)', 'b.other = a', 'del b.other', 'del a', 'len(keep)', 'keep.clear()',
    ));
  });

  it('take weak references to what takes them, with a callback of their own, and observe the reference itself', () => {
    const p = plan([{ kind: 'callable', which: 'g' }, { kind: 'instance', cls: 'S' }, { kind: 'instance-more', cls: 'V' }], [
      { kind: 'weakref-any', slot: 0, target: 0, callback: 'own' },
      { kind: 'weakref-any', slot: 1, target: 1, callback: 'none' },
      observe({ kind: 'weak-obs', what: 'same', w: 1 }),
      observe({ kind: 'weak-obs', what: 'tracked', w: 0 }),
    ]);
    expect(text(p)).toBe(lines(
      'import gc', 'import weakref', 'log = []', 'class S:', "    __slots__ = ('other', 'me')", 'class V:', "    __slots__ = ('other', 'me', '__weakref__')",
      'def g(p):', '    return p', 'def cbw(r):', "    log.append('w')",
      'a = g', 'b = S()', 'c = V()', 'w = weakref.ref(a, cbw)', 'v = weakref.ref(c)', 'weakref.ref(c) is v', 'gc.is_tracked(w)',
    ));
  });

  it('keep an address and compare new objects with it; compare the ids of two objects made in turn', () => {
    const p = plan([{ kind: 'list', items: [] }], [
      observe({ kind: 'kept-id', a: 0, fresh: 'name' }),
      { kind: 'keep-id', source: 0 },
      { kind: 'del', source: 0 },
      observe({ kind: 'kept-id', a: 0, fresh: 'list' }),
      observe({ kind: 'fresh-id-more', what: 'float', a: 0 }),
      observe({ kind: 'fresh-id-more', what: 'method', a: 0 }),
      observe({ kind: 'collect-gen', generation: 1 }),
    ]);
    expect(text(p)).toBe(lines(
      'import gc', 'class D:', '    n = 257', '    def get(self):', '        return self.n',
      'a = []', 'i = id(a)', 'del a', 'id([]) == i', "id(float('1.5')) == id(float('2.5'))", 'id(D().get) == id(D().get)', 'gc.collect(1)',
    ));
  });

  it('make cycles through a dict, a bound method, a closure and a tuple', () => {
    const p = plan([{ kind: 'dict', entries: [] }, { kind: 'instance', cls: 'D' }, { kind: 'list', items: [] }], [
      { kind: 'cycle-more', shape: 'dict-self', a: 0 },
      { kind: 'cycle-more', shape: 'method', a: 0 },
      { kind: 'cycle-more', shape: 'closure', a: 0 },
      { kind: 'cycle-more', shape: 'tuple-list', a: 0 },
    ]);
    expect(text(p)).toContain(lines("a = {}", 'b = D()', 'c = []', "a['k'] = a", 'b.me = b.get', 'b.me = outer(b)', 'c.append((c,))'));
  });

  it('slice, assign to and delete slices; chain into attributes and items', () => {
    const p = plan([{ kind: 'list', items: [{ kind: 'item-int', value: 1n }, { kind: 'item-int', value: 2n }] }, { kind: 'instance', cls: 'S' }], [
      { kind: 'assign', target: 2, value: { kind: 'slice-more', source: 0, form: 'step' } },
      { kind: 'slice-assign', list: 0, form: 'tail', item: { kind: 'item-none' }, empty: false },
      { kind: 'slice-del', list: 0, form: 'first' },
      observe({ kind: 'slice-more-obs', a: 0, form: 'neg-tail', as: 'value' }),
      { kind: 'chain-into', into: { kind: 'attr', obj: 0, attr: 'items' }, target: 3, value: { kind: 'int-literal', value: 257n } },
      { kind: 'chain-into', into: { kind: 'item', container: 0, key: 'k' }, target: 4, value: { kind: 'int-literal', value: 1n } },
    ]);
    expect(text(p)).toBe(lines(
      "class S:", "    __slots__ = ('other', 'me')",
      'a = [1, 2]', 'b = S()', 'c = a[::2]', 'a[1:] = [None]', 'del a[:1]', 'a[-2:]', 'b.other = x = 257', 'a[0] = y = 1',
    ));
  });

  it("read D's class attributes through an instance, and call a method with a parameter", () => {
    const p = plan([{ kind: 'instance', cls: 'F' }], [
      { kind: 'assign', target: 1, value: { kind: 'attr-read', source: 0, attr: 'label' } },
      { kind: 'assign', target: 2, value: { kind: 'attr-read', source: 0, attr: 'pair' } },
      { kind: 'method-put', obj: 0, value: 2 },
    ]);
    expect(text(p)).toBe(lines(
      'class D:', '    n = 257', "    label = 'hello world'", "    pair = (1, 'a')", '    def get(self):', '        return self.n',
      '    def put(self, p):', '        self.other = p', 'class F(D):', '    pass',
      'a = F()', 'b = a.label', 'c = a.pair', 'a.put(c)',
    ));
  });

  it('do arithmetic at run time on what takes it', () => {
    const p = plan([{ kind: 'tuple', items: [] }, { kind: 'float-literal', value: 1.5 }], [
      { kind: 'assign', target: 2, value: { kind: 'arith', form: 'repeat-0', source: 0, other: 0 } },
      { kind: 'assign', target: 3, value: { kind: 'arith', form: 'float-mul', source: 0, other: 0 } },
      { kind: 'assign', target: 4, value: { kind: 'arith', form: 'percent', source: 0, other: 0 } },
      { kind: 'aug-wide', source: 0, op: '+' },
      observe({ kind: 'unary-obs', op: 'neg', a: 0 }),
    ]);
    expect(text(p)).toBe(lines('a = ()', 'b = 1.5', 'c = a * 0', 'x = b * 2.0', "y = '%s' % (a,)", 'a += (1,)', '-b'));
  });
});
