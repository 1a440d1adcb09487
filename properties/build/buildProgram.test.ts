import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { renderProgram } from '../../language/render.ts';
import { NativeOracle } from '../../oracle/native.ts';
import { EXTENSIONS } from '../arbitraries/extensions.ts';
import { planArb } from '../arbitraries/plan.ts';
import type { Step } from './extendedPlan.ts';
import { buildProgram } from './buildProgram.ts';
import { expectedExceptions } from './endings.ts';
import { plan, text } from './examplePlan.ts';

describe('buildProgram', () => {
  it('skips a step that finds nothing to use, and keeps a function body valid with pass', () => {
    expect(text(plan([], [{ kind: 'observe', what: { kind: 'refcount', a: 0 } }]))).toBe('pass\n');
  });

  it('emits exactly the prelude the statements use', () => {
    const p = plan([{ kind: 'instance', cls: 'C' }], [
      { kind: 'weakref', slot: 0, target: 3, callback: true },
      { kind: 'observe', what: { kind: 'weak-dead', w: 0 } },
    ]);
    expect(text(p)).toBe([
      'import weakref',
      'log = []',
      'class C:',
      '    def __del__(self):',
      "        log.append('C')",
      'def cb(r):',
      "    log.append('cb')",
      'a = C()',
      'w = weakref.ref(a, cb)',
      'w() is None',
      '',
    ].join('\n'));
  });

  it('resolves a pick among the names whose objects fit', () => {
    const p = plan([{ kind: 'int-literal', value: 1n }, { kind: 'str-literal', value: 'abc' }], [
      { kind: 'observe', what: { kind: 'len', a: 5 } },
      { kind: 'observe', what: { kind: 'hash', a: 5 } },
    ]);
    expect(text(p)).toBe("a = 1\nb = 'abc'\nlen(b)\nhash(a)\n");
  });

  it('never uses a deleted name', () => {
    const p = plan([{ kind: 'int-literal', value: 257n }], [{ kind: 'del', source: 0 }, { kind: 'observe', what: { kind: 'refcount', a: 0 } }]);
    expect(text(p)).toBe('a = 257\ndel a\n');
  });

  it('derives from its own target, bound first, when no name of the needed kind is bound', () => {
    const p = plan([{ kind: 'instance', cls: 'D' }], [
      { kind: 'assign', target: 3, value: { kind: 'int-arith', op: '+', source: 0 } },
      { kind: 'assign', target: 4, value: { kind: 'str-upper', source: 0 } },
    ]);
    expect(text(p)).toBe("class D:\n    pass\na = D()\nx = 256\nx = x + 1\ny = 'ab'\ny = y.upper()\n");
  });

  it('makes the partner of a two-instance cycle when only one instance is bound', () => {
    const p = plan([{ kind: 'instance', cls: 'D' }], [{ kind: 'cycle', shape: 'pair', a: 0, b: 0 }]);
    expect(text(p)).toBe('class D:\n    pass\na = D()\nb = D()\na.other = b\nb.other = a\n');
  });

  it('builds nothing for a skipped step or an unbound setup slot', () => {
    expect(text(plan([null, { kind: 'int-literal', value: 5n }], [{ kind: 'skip' }]))).toBe('b = 5\n');
  });

  it('gives tagged instances their name as tag', () => {
    const p = plan([{ kind: 'instance', cls: 'E' }], [], { classes: { finalizer: 'tag' } });
    expect(text(p)).toContain("class E(C):\n    pass\na = E('a')\n");
    expect(text(p)).toContain('log.append(self.tag)');
  });

  it('observes _ only in repl mode, after the prompt has echoed something', () => {
    const steps: Step[] = [
      { kind: 'observe', what: { kind: 'underscore' } },
      { kind: 'observe', what: { kind: 'collect' } },
      { kind: 'observe', what: { kind: 'underscore' } },
    ];
    expect(text(plan([], steps, { mode: 'repl' }))).toBe('import gc\ngc.collect()\n_\n');
    expect(text(plan([], steps, { mode: 'module' }))).toBe('import gc\ngc.collect()\n');
  });

  it('does not observe the repr of an instance, which carries an address', () => {
    const p = plan([{ kind: 'instance', cls: 'D' }, { kind: 'list', items: [{ kind: 'item-name', source: 0 }] }], [
      { kind: 'observe', what: { kind: 'value', a: 0 } },
      { kind: 'observe', what: { kind: 'item', a: 0 } },
    ]);
    expect(text(p)).toBe('class D:\n    pass\na = D()\nb = [a]\n');
  });

  it('makes programs that run to their end on CPython, or raise exactly what their ending raises (300 programs, every extension)', async () => {
    const seed = Date.now() | 0;
    const plans = fc.sample(planArb({ extensions: EXTENSIONS }), { numRuns: 300, seed });
    const programs = plans.map(buildProgram);
    const oracle = new NativeOracle();
    try {
      const results = await oracle.run(programs.map((p) => ({ source: renderProgram(p), mode: p.mode })));
      const bad = results.flatMap((r, i) => {
        const last = r.observations.at(-1) ?? '';
        const ending = plans[i]!.ending;
        const expected = ending === null ? !last.startsWith('!') : expectedExceptions(ending).some((e) => last === `!${e}`);
        return r.status === 'ok' && expected ? [] : [`${r.status} ${last}\n# mode: ${programs[i]!.mode}\n${renderProgram(programs[i]!)}`];
      });
      expect(bad.slice(0, 3), `seed ${seed}`).toEqual([]);
      // The endings are there to be seen: some programs do raise on purpose.
      expect(plans.filter((p) => p.ending !== null).length).toBeGreaterThan(0);
    } finally {
      await oracle.close();
    }
  });
});
