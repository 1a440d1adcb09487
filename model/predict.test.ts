// One hand-picked program per mechanism of the model, run on every CPython installed here and
// compared with the model's prediction for that interpreter. Each program is chosen so that the
// model must predict every observation (a decline fails the test): these are the rules' own
// examples, where the generated programs of the conformance property may never go.
import { afterAll, describe, expect, it } from 'vitest';
import type { Mode } from '../language/ast.ts';
import { parseProgram } from '../language/parse.ts';
import { discoverInterpreters, openOracle } from '../oracle/discover.ts';
import { predictDetailed } from './predict.ts';
import { profileFor } from './profile.ts';

interface Example {
  rule: string;
  mode: Mode;
  source: string;
}

const EXAMPLES: Example[] = [
  {
    rule: 'equal constants of one code object are one object; ints made at run time are not',
    mode: 'module',
    source: "a = 1000\nb = 1000\na is b\nc = int('1000')\na is c\n",
  },
  {
    rule: 'folding within the size limits of ast_opt.c',
    mode: 'module',
    source: "a = 2 ** 8\nb = 256\na is b\nm = 'a' * 4096\nn = 'a' * 4096\nm is n\nx = 'ab' * 3000\ny = 'ab' * 3000\nx is y\n",
  },
  {
    rule: 'repl lines are separate code objects',
    mode: 'repl',
    source: 'a = 1000\nb = 1000\na is b\nc = 1000; d = 1000\nc is d\n',
  },
  {
    rule: 'getrefcount counts names and its own argument',
    mode: 'module',
    source: 'import sys\nx = []\nsys.getrefcount(x)\ny = x\nsys.getrefcount(x)\ndel y\nsys.getrefcount(x)\n',
  },
  {
    rule: 'arguments are moved into the frame from 3.11, copied before',
    mode: 'module',
    source: 'import sys\ndef f(p):\n    return sys.getrefcount(p)\nx = []\nf(x)\n',
  },
  {
    rule: 'constants hold references; a function default too',
    mode: 'module',
    source: "import sys\nx = 'hello world'\nsys.getrefcount(x)\ndef f(a=5000):\n    return sys.getrefcount(a)\nf()\n",
  },
  {
    rule: 'the repl tree holds its literals while the line runs; _ holds the last value',
    mode: 'repl',
    source: "import sys\nx = 'hello world'\nsys.getrefcount(x)\nsys.getrefcount(x)\ny = []\ny\nsys.getrefcount(y)\n",
  },
  {
    rule: 'lists free their items last to first, dicts first to last, instances in insertion order',
    mode: 'module',
    source: [
      'log = []',
      'class C:',
      '    def __init__(self, t):',
      '        self.t = t',
      '    def __del__(self):',
      '        log.append(self.t)',
      "l = [C('l1'), C('l2')]",
      'del l',
      "d = {'a': C('d1'), 'b': C('d2')}",
      'del d',
      "x = C('x')",
      "x.q = C('q')",
      "x.p = C('p')",
      'del x',
      'log',
      '',
    ].join('\n'),
  },
  {
    rule: '__del__ runs before weakref callbacks, and callbacks run newest first',
    mode: 'module',
    source: [
      'import weakref',
      'log = []',
      'class C:',
      '    def __del__(self):',
      "        log.append('del')",
      'def cb1(r):',
      "    log.append('cb1')",
      'def cb2(r):',
      "    log.append('cb2')",
      'c = C()',
      'w1 = weakref.ref(c, cb1)',
      'w2 = weakref.ref(c, cb2)',
      'w = weakref.ref(c)',
      'w is weakref.ref(c)',
      'del c',
      'log',
      'w() is None',
      '',
    ].join('\n'),
  },
  {
    rule: 'a cycle waits for the collector, which counts instances (and their dicts before 3.11)',
    mode: 'function',
    source: [
      'import gc',
      'import weakref',
      'class C:',
      '    pass',
      'a = C()',
      'b = C()',
      'a.other = b',
      'b.other = a',
      'w = weakref.ref(a)',
      'del a',
      'del b',
      'w() is None',
      'gc.collect()',
      'w() is None',
      '',
    ].join('\n'),
  },
  {
    rule: 'tracking: dicts of atoms are untracked, tuples until a collection looks at them',
    mode: 'module',
    source: [
      'import gc',
      "gc.is_tracked({'a': 1})",
      "gc.is_tracked({'a': []})",
      'gc.is_tracked((1, 2))',
      'x = 1000',
      't = (x, x)',
      'gc.is_tracked(t)',
      'gc.collect()',
      'gc.is_tracked(t)',
      '',
    ].join('\n'),
  },
  {
    rule: 'a finalizer that stores self resurrects the object, and runs only once',
    mode: 'module',
    source: [
      'log = []',
      'keep = []',
      'class C:',
      '    def __del__(self):',
      "        log.append('del')",
      '        keep.append(self)',
      'c = C()',
      'del c',
      'len(keep)',
      'keep.clear()',
      'log',
      '',
    ].join('\n'),
  },
  {
    rule: 'operations that return the same str object, and those that make a new one',
    mode: 'module',
    source: [
      "s = 'hello world'",
      "s + '' is s",
      "''.join([s]) is s",
      "f'{s}' is s",
      's[:] is s',
      's.strip() is s',
      "s.replace('z', 'y') is s",
      "s + '!' is s",
      '',
    ].join('\n'),
  },
  {
    rule: 'identifier-like constants are interned; strings made at run time are not',
    mode: 'module',
    source: [
      'import sys',
      "a = 'hello_world'",
      "b = 'hello_' + 'world'",
      'a is b',
      "c = 'hello_'",
      "d = c + 'world'",
      'd is a',
      'sys.intern(d) is a',
      '',
    ].join('\n'),
  },
  {
    rule: 'closures hold cells; locals die when the function returns, in co_varnames order (last to first from 3.14)',
    mode: 'function',
    source: [
      'log = []',
      'class C:',
      '    def __init__(self, t):',
      '        self.t = t',
      '    def __del__(self):',
      '        log.append(self.t)',
      'def f():',
      "    b = C('b')",
      "    a = C('a')",
      '    return 1',
      'f()',
      'log',
      '',
    ].join('\n'),
  },
  {
    rule: 'a set iterates in its hash table order (probing, resizing, dummies, constant frozensets rebuilt up to 3.13)',
    mode: 'module',
    source: [
      't = {3, 1, 2, 9, 17, 33}',
      't',
      'u = {-1, -2, 100, 7, 15, 1000, 2 ** 62, 2.5, 0.5}',
      'u',
      'v = set()',
      'v.add(9)',
      'v.add(1)',
      'v.add(17)',
      'v.discard(1)',
      'v.add(25)',
      'v',
      'set([5, 3, 8, 13, 21, 34, 55, 89, 144, 233, 377])',
      '{True, 2, 1.0, 8}',
      '',
    ].join('\n'),
  },
  {
    rule: 'slots are freed in sorted order; closures, bound methods and class attributes hold references',
    mode: 'function',
    source: [
      'import sys',
      'import gc',
      'log = []',
      'class C:',
      '    __slots__ = (\'z\', \'a\', \'__weakref__\')',
      '    def __del__(self):',
      '        log.append(\'C\')',
      'class T:',
      '    def tag(self):',
      '        return 1',
      '    def __init__(self, t):',
      '        self.t = t',
      '    def __del__(self):',
      '        log.append(self.t)',
      'c = C()',
      'c.z = T(\'z\')',
      'c.a = T(\'a\')',
      'del c',
      'log',
      'x = T(\'x\')',
      'def outer():',
      '    y = T(\'y\')',
      '    def inner():',
      '        return sys.getrefcount(y)',
      '    return inner',
      'f = outer()',
      'f()',
      'sys.getrefcount(f)',
      'gc.is_tracked(f)',
      'del f',
      'log',
      'm = x.tag',
      'sys.getrefcount(x)',
      'del m',
      'sys.getrefcount(x)',
      'class E(T):',
      '    k = 5000',
      'e = E(\'e\')',
      'sys.getrefcount(E.k)',
      'e.k is E.k',
      'del e',
      'log',
      '',
    ].join('\n'),
  },
  {
    rule: 'from 3.13 a call site that made an instance runs as CALL_ALLOC_AND_ENTER_INIT from its second run',
    mode: 'module',
    source: [
      'import sys',
      'class C:',
      '    def __init__(self, v):',
      '        sys.getrefcount(v)',
      '        sys.getrefcount(self)',
      'def make(v):',
      '    return C(v)',
      'x = []',
      'a = make(x)',
      'b = make(x)',
      'c = make(x)',
      '',
    ].join('\n'),
  },
  {
    rule: 'the small-int cache holds -5 to 256, and -5 to 1024 from 3.15',
    mode: 'module',
    source: "a = int('256')\nb = int('256')\na is b\nc = int('1000')\nd = int('1000')\nc is d\ne = int('1025')\nf = int('1025')\ne is f\n",
  },
  {
    rule: 'from 3.15 a constant is loaded as a borrowed reference, and stays borrowed in a local',
    mode: 'function',
    source: [
      'import sys',
      "c = 'hello world!'",
      'sys.getrefcount(c)',
      'd = c',
      'sys.getrefcount(c)',
      'l = [c]',
      'sys.getrefcount(c)',
      'def h(p):',
      '    return sys.getrefcount(p)',
      "h('abc def!')",
      'h(c)',
      "sys.getrefcount('xyz uvw!')",
      '',
    ].join('\n'),
  },
  {
    rule: "a built-in type's __name__ is a new str each time; a class's is its interned name",
    mode: 'module',
    source: "import sys\nclass C:\n    pass\na = [1]\nsys.getrefcount(type(a).__name__)\ntype(a).__name__ is type(a).__name__\ntype(C()).__name__ is type(C()).__name__\n",
  },
  {
    rule: 'from 3.14 a tuple display or a tuple of a list starts untracked when it can hold nothing tracked; other tuples are tracked',
    mode: 'module',
    source: [
      'import gc',
      'x = 1',
      't = (x, 2, 3)',
      'gc.is_tracked(t)',
      'gc.is_tracked(t[1:])',
      'gc.is_tracked(t + (x,))',
      'gc.is_tracked(tuple([x, 2]))',
      "gc.is_tracked(tuple('ab'))",
      'gc.is_tracked(tuple({1, 2}))',
      'gc.collect()',
      'gc.is_tracked(t)',
      '',
    ].join('\n'),
  },
  {
    rule: "gc.collect() counts what is still garbage after the finalizers ran (3.8: nothing if one object was resurrected)",
    mode: 'module',
    source: [
      'import gc',
      'keep = []',
      'class T:',
      '    def __init__(self):',
      '        self.items = []',
      '    def __del__(self):',
      '        self.items.clear()',
      'class R:',
      '    def __del__(self):',
      '        keep.append(self)',
      'class U:',
      '    pass',
      'a = T()',
      'a.items.append(a)',
      'a = T()',
      'gc.collect()',
      'b = U()',
      'b.me = b',
      'r = R()',
      'r.me = r',
      'del b',
      'del r',
      'gc.collect()',
      'len(keep)',
      '',
    ].join('\n'),
  },
  {
    rule: 'a stepped slice of bytes is a new object even of one byte; the weakref type was named weakref up to 3.10',
    mode: 'module',
    source: "import weakref\na = b'ab'\na[::2] is a[0:1]\na[::-1][0:1] is a[1:2]\nclass C:\n    pass\nc = C()\nw = weakref.ref(c)\ntype(w).__name__\n",
  },
];

// Every interpreter discovered here, native and embedded; a missing version is a skipped test by name.
const entries = await discoverInterpreters();

describe.each(entries.map((e) => [e.name, e] as const))('the model on %s', (_name, entry) => {
  const oracle = entry.available ? openOracle(entry) : null;
  afterAll(() => oracle?.close());

  it.skipIf(oracle === null)(`predicts every observation of each rule's example, as CPython observes it${entry.available ? '' : ` (not available: ${entry.reason ?? 'missing'})`}`, async () => {
    if (oracle === null) return;
    const info = await oracle.info();
    const profile = profileFor(info.version, info.bits, info.kind);
    const results = await oracle.run(EXAMPLES.map(({ source, mode }) => ({ source, mode })));
    const model = EXAMPLES.map((ex) => {
      const p = predictDetailed(parseProgram(ex.source, { mode: ex.mode }), profile);
      return { rule: ex.rule, observations: p.observations, stopped: p.stopped?.reason };
    });
    const cpython = EXAMPLES.map((ex, i) => ({
      rule: ex.rule,
      observations: results[i].status === 'ok' ? results[i].observations : results[i].status,
      stopped: undefined,
    }));
    expect(model).toEqual(cpython);
  });
});
