import { describe, expect, it } from 'vitest';
import { renderProgram } from '../../language/render.ts';
import { NativeOracle } from '../../oracle/native.ts';
import { buildProgram } from './buildProgram.ts';
import { expectedExceptions } from './endings.ts';
import type { EndingSpec, MoreEndingSpec, ValueSpec } from './extendedPlan.ts';
import { plan, text } from './examplePlan.ts';

const MORE: MoreEndingSpec[] = [
  { kind: 'unhashable', source: 0, form: 'hash' },
  { kind: 'unhashable', source: 0, form: 'set' },
  { kind: 'missing-attribute', source: 0 },
  { kind: 'del-missing-attribute', source: 0 },
  { kind: 'bad-int' },
  { kind: 'remove-absent', source: 0 },
  { kind: 'add-none', source: 0 },
  { kind: 'weakref-unsupported', source: 0 },
  { kind: 'overflow' },
  { kind: 'chr-range' },
  { kind: 'pop-empty', what: 'list' },
  { kind: 'pop-empty', what: 'dict' },
  { kind: 'not-callable', source: 0 },
  { kind: 'no-dict', source: 0 },
  { kind: 'unbound-local' },
];

/** Each ending with nothing bound (its fallback on literals), and after names of several kinds. */
const SETUPS: (ValueSpec | null)[][] = [
  [],
  [{ kind: 'list', items: [] }],
  [{ kind: 'instance', cls: 'S' }, { kind: 'dict', entries: [] }],
  [{ kind: 'instance', cls: 'D' }, { kind: 'int-literal', value: 257n }],
  [{ kind: 'callable', which: 'g' }, { kind: 'set', items: [] }],
];

describe('endings that raise (raising)', () => {
  it('write the statement that raises, on a bound name where one fits', () => {
    const ending = (e: EndingSpec, setup: (ValueSpec | null)[] = []) => text(plan(setup, [], { ending: e }));
    expect(ending({ kind: 'add-none', source: 0 }, [{ kind: 'list', items: [] }])).toBe('a = []\na + None\n');
    expect(ending({ kind: 'no-dict', source: 0 })).toBe("class S:\n    __slots__ = ('other', 'me')\nS().__dict__\n");
    expect(ending({ kind: 'unbound-local' })).toBe('def boom():\n    s = t\n    t = 1\nboom()\n');
    expect(ending({ kind: 'in-function', ending: { kind: 'missing-key', container: 0 } }, [{ kind: 'dict', entries: [] }]))
      .toBe("a = {}\ndef boom():\n    a['q']\nboom()\n");
    expect(ending({ kind: 'in-function', ending: { kind: 'unbound-local' } })).toBe('def boom():\n    s = t\n    t = 1\nboom()\n');
  });

  it('raise exactly the exception each names, at the top level and inside a function, in every mode (one python3)', async () => {
    const endings: EndingSpec[] = [...MORE, ...MORE.map((e): EndingSpec => ({ kind: 'in-function', ending: e }))];
    const cases = endings.flatMap((ending) => SETUPS.flatMap((setup) => (['module', 'function', 'repl'] as const).map((mode) => ({ ending, p: buildProgram(plan(setup, [], { ending, mode })) }))));
    const oracle = new NativeOracle();
    try {
      const results = await oracle.run(cases.map(({ p }) => ({ source: renderProgram(p), mode: p.mode })));
      const wrong = results.flatMap((r, i) => {
        const { ending, p } = cases[i]!;
        const last = r.observations.at(-1) ?? '';
        return r.status === 'ok' && expectedExceptions(ending).some((e) => last === `!${e}`) ? [] : [`${last} (${p.mode})\n${renderProgram(p)}`];
      });
      expect(wrong.slice(0, 3)).toEqual([]);
    } finally {
      await oracle.close();
    }
  });
});
