import { describe, expect, it } from 'vitest';
import type { FunctionSpec, Step } from './extendedPlan.ts';
import { observe, plan, text } from './examplePlan.ts';

const lines = (...l: string[]) => `${l.join('\n')}\n`;
const defCall = (fn: Partial<FunctionSpec>, target = 3): Step => ({
  kind: 'def-call',
  target,
  fn: { params: 1, defaultValue: null, body: [], returns: null, closure: null, args: [0, 0], ...fn },
});

describe('function bodies', () => {
  it('define h with its parameters and default, build the body on its own names, return one, bind the result', () => {
    const p = plan([{ kind: 'list', items: [] }, { kind: 'int-literal', value: 257n }], [
      defCall({
        params: 2,
        defaultValue: 'tuple',
        args: [0, 1],
        body: [
          { kind: 'assign', target: 3, value: { kind: 'tuple-of-list', items: [{ kind: 'item-name', source: 1 }] } },
          { kind: 'append', list: 0, item: { kind: 'item-name', source: 2 } },
          observe({ kind: 'refcount', a: 0 }),
        ],
        returns: 3,
      }),
    ]);
    expect(text(p)).toBe(lines(
      'import sys', 'a = []', 'b = 257',
      "def h(p, q, d=(1, 'a')):", '    s = tuple([q])', '    p.append(d)', '    sys.getrefcount(p)', '    return s',
      'x = h(a, b)',
    ));
  });

  it("leave the program's names as they were: the body's names are gone after the call, the call's target is bound", () => {
    const p = plan([{ kind: 'int-literal', value: 1n }], [
      defCall({ body: [{ kind: 'assign', target: 3, value: { kind: 'str-literal', value: 'abc' } }, { kind: 'del', source: 0 }], returns: 0 }),
      // Picks among a and x only: s and p were the function's.
      observe({ kind: 'len', a: 0 }),
      observe({ kind: 'hash', a: 0 }),
    ]);
    expect(text(p)).toBe(lines('a = 1', 'def h(p):', "    s = 'abc'", '    del p', '    return s', 'x = h(a)', 'len(x)', 'hash(a)'));
  });

  it('pass a new list when nothing is bound, and give None back without a return (a statement that observes nothing)', () => {
    const p = plan([], [defCall({ body: [{ kind: 'skip' }] }), observe({ kind: 'value', a: 0 })]);
    expect(text(p)).toBe(lines('def h(p):', '    pass', 'x = h([])', 'x'));
  });

  it('echo nothing at the prompt from inside the body: _ keeps what the prompt echoed last', () => {
    const p = plan([{ kind: 'list', items: [] }], [
      observe({ kind: 'len', a: 0 }),
      defCall({ body: [observe({ kind: 'value', a: 0 })] }),
      { kind: 'alias-underscore', target: 1 },
      observe({ kind: 'hash', a: 1 }),
    ], { mode: 'repl' });
    expect(text(p)).toBe(lines('a = []', 'len(a)', 'def h(p):', '    p', 'x = h(a)', 'b = _', 'hash(b)'));
  });

  it('return a closure over a local instead, which a later step calls', () => {
    const p = plan([{ kind: 'int-literal', value: 257n }], [
      defCall({ body: [{ kind: 'assign', target: 3, value: { kind: 'list', items: [{ kind: 'item-name', source: 0 }] } }], returns: 0, closure: 1 }),
      { kind: 'assign', target: 4, value: { kind: 'call-closure', source: 0 } },
    ]);
    expect(text(p)).toBe(lines('a = 257', 'def h(p):', '    s = [p]', '    def inner():', '        return s', '    return inner', 'x = h(a)', 'y = x()'));
  });

  it('keep the global that setg binds inside the body', () => {
    const p = plan([{ kind: 'int-literal', value: 1n }], [
      defCall({ body: [{ kind: 'set-global', source: 0 }] }),
      { kind: 'assign', target: 1, value: { kind: 'get-global' } },
    ]);
    expect(text(p)).toContain('x = h(a)\nb = getg()\n');
  });
});
