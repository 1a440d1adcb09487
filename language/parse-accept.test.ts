import { describe, expect, it } from 'vitest';
import type { Expr, Mode, Stmt } from './ast.ts';
import { parseProgram } from './parse.ts';
import { withoutLocs } from './without-locs.ts';

const name = (id: string): Expr => ({ kind: 'Name', id });
const int = (v: number | bigint): Expr => ({ kind: 'Int', value: BigInt(v) });
const str = (value: string): Expr => ({ kind: 'Str', value });
const neg = (operand: Expr): Expr => ({ kind: 'UnaryOp', op: '-', operand });
const bin = (op: '+' | '-' | '*' | '//' | '%' | '**', left: Expr, right: Expr): Expr => ({ kind: 'BinOp', op, left, right });
const attr = (value: Expr, a: string): Expr => ({ kind: 'Attribute', value, attr: a });
const call = (func: Expr, ...args: Expr[]): Expr => ({ kind: 'Call', func, args });
const expr = (value: Expr): Stmt => ({ kind: 'ExprStmt', value });

function body(source: string, mode: Mode = 'module'): Stmt[] {
  return withoutLocs(parseProgram(source, { mode }).body);
}

function only(source: string): Expr {
  const [stmt] = body(source);
  if (stmt.kind !== 'ExprStmt') throw new Error(`not an expression statement: ${source}`);
  return stmt.value;
}

describe('statements', () => {
  it('imports', () => {
    expect(body('import sys\nimport gc\nimport weakref')).toEqual([
      { kind: 'Import', module: 'sys' },
      { kind: 'Import', module: 'gc' },
      { kind: 'Import', module: 'weakref' },
    ]);
  });

  it('assignments: names, attributes, subscripts, chains, parentheses', () => {
    expect(body('a = b.c = d[0] = (e) = 1')).toEqual([
      {
        kind: 'Assign',
        targets: [name('a'), attr(name('b'), 'c'), { kind: 'Subscript', value: name('d'), index: int(0) }, name('e')],
        value: int(1),
      },
    ]);
    expect(body('t = 1, 2')).toEqual([{ kind: 'Assign', targets: [name('t')], value: { kind: 'Tuple', elts: [int(1), int(2)] } }]);
  });

  it('augmented assignments', () => {
    expect(body('x += 1\nx.y -= 2\nx[0] *= 3')).toEqual([
      { kind: 'AugAssign', target: name('x'), op: '+', value: int(1) },
      { kind: 'AugAssign', target: attr(name('x'), 'y'), op: '-', value: int(2) },
      { kind: 'AugAssign', target: { kind: 'Subscript', value: name('x'), index: int(0) }, op: '*', value: int(3) },
    ]);
  });

  it('del with several targets and a trailing comma', () => {
    expect(body('del a, b.c, d[1:],')).toEqual([
      {
        kind: 'Delete',
        targets: [
          name('a'),
          attr(name('b'), 'c'),
          { kind: 'Subscript', value: name('d'), index: { kind: 'Slice', lower: int(1), upper: null, step: null } },
        ],
      },
    ]);
  });

  it('def with constant defaults, return, global, nested def and class', () => {
    expect(body('def f(a, b=-1, c=(1, "x"), d=None,):\n    global g\n    def h(): pass\n    class K: pass\n    return a, b\n')).toEqual([
      {
        kind: 'FunctionDef',
        name: 'f',
        params: [
          { name: 'a', default: null },
          { name: 'b', default: neg(int(1)) },
          { name: 'c', default: { kind: 'Tuple', elts: [int(1), str('x')] } },
          { name: 'd', default: { kind: 'None' } },
        ],
        body: [
          { kind: 'Global', names: ['g'] },
          { kind: 'FunctionDef', name: 'h', params: [], body: [{ kind: 'Pass' }] },
          { kind: 'ClassDef', name: 'K', base: null, body: [{ kind: 'Pass' }] },
          { kind: 'Return', value: { kind: 'Tuple', elts: [name('a'), name('b')] } },
        ],
      },
    ]);
  });

  it('classes: bases, class attributes, __slots__, methods with __init__ and __del__', () => {
    const src = [
      'class A: pass',
      'class B(A):',
      '    __slots__ = ("x", "__weakref__")',
      '    k = -2.5',
      '    def __init__(self, x): self.x = x',
      '    def __del__(self):',
      '        pass',
      'class C(object):',
      "    __slots__ = 'y'",
      'class D():',
      '    format = 1',
      '    def len(self): return 0',
    ].join('\n');
    const [a, b, c, d] = body(src);
    expect(a).toEqual({ kind: 'ClassDef', name: 'A', base: null, body: [{ kind: 'Pass' }] });
    expect(b).toMatchObject({ kind: 'ClassDef', name: 'B', base: 'A' });
    expect(b.kind === 'ClassDef' && b.body.map((s) => s.kind)).toEqual(['Assign', 'Assign', 'FunctionDef', 'FunctionDef']);
    expect(b.kind === 'ClassDef' && b.body[0]).toEqual({
      kind: 'Assign',
      targets: [name('__slots__')],
      value: { kind: 'Tuple', elts: [str('x'), str('__weakref__')] },
    });
    expect(b.kind === 'ClassDef' && b.body[1]).toEqual({ kind: 'Assign', targets: [name('k')], value: neg({ kind: 'Float', value: 2.5 }) });
    expect(c).toMatchObject({ kind: 'ClassDef', name: 'C', base: 'object' });
    expect(d).toMatchObject({ kind: 'ClassDef', name: 'D', base: null });
  });

  it('pass, expression statements and semicolons', () => {
    expect(body('pass; x; y, z')).toEqual([{ kind: 'Pass' }, expr(name('x')), expr({ kind: 'Tuple', elts: [name('y'), name('z')] })]);
  });

  it('return and global at top level in function mode', () => {
    expect(body('global g\ng = 1\nreturn g', 'function')).toEqual([
      { kind: 'Global', names: ['g'] },
      { kind: 'Assign', targets: [name('g')], value: int(1) },
      { kind: 'Return', value: name('g') },
    ]);
    expect(body('return', 'function')).toEqual([{ kind: 'Return', value: null }]);
  });

  it('uses an imported module before its import (a NameError at run time, not a parse error)', () => {
    expect(body('gc.collect()\nimport gc')).toEqual([expr(call(attr(name('gc'), 'collect'))), { kind: 'Import', module: 'gc' }]);
  });
});

describe('locations', () => {
  it('gives every statement and expression the line and column of its first character', () => {
    const program = parseProgram('import sys\nx = a.b[1] + -2; f(x)\ndef g(p):\n    return (p)\n');
    expect(program.body.map((s) => s.loc)).toEqual([
      { line: 1, col: 1 },
      { line: 2, col: 1 },
      { line: 2, col: 18 },
      { line: 3, col: 1 },
    ]);
    const assign = program.body[1];
    if (assign.kind !== 'Assign' || assign.value.kind !== 'BinOp') throw new Error('shape');
    expect(assign.targets[0].loc).toEqual({ line: 2, col: 1 });
    const { left, right } = assign.value;
    expect(assign.value.loc).toEqual({ line: 2, col: 5 });
    expect(left.loc).toEqual({ line: 2, col: 5 });
    expect(left.kind === 'Subscript' && left.index.loc).toEqual({ line: 2, col: 9 });
    expect(right.loc).toEqual({ line: 2, col: 14 });
    expect(right.kind === 'UnaryOp' && right.operand.loc).toEqual({ line: 2, col: 15 });
    const def = program.body[3];
    if (def.kind !== 'FunctionDef' || def.body[0].kind !== 'Return') throw new Error('shape');
    expect(def.body[0].loc).toEqual({ line: 4, col: 5 });
    expect(def.body[0].value?.loc).toEqual({ line: 4, col: 13 });
  });

  it('offsets locations by the origin of an embedded block', () => {
    const program = parseProgram('x = 1\n  \ny = x', { origin: { line: 10, col: 5 } });
    expect(program.body.map((s) => s.loc)).toEqual([
      { line: 10, col: 5 },
      { line: 12, col: 5 },
    ]);
  });
});

describe('expressions', () => {
  it('literals', () => {
    expect(only('(0, 1_000, 0x_Ff, 0o17, 0b101, 00, 10**0)')).toEqual({
      kind: 'Tuple',
      elts: [int(0), int(1000), int(255), int(15), int(5), int(0), bin('**', int(10), int(0))],
    });
    expect(only('[1.5, .5, 1e3, 1E-5, 1_0.2_5e1_0, 1e999, 0.0]')).toEqual({
      kind: 'List',
      elts: [1.5, 0.5, 1000, 1e-5, 10.25e10, Infinity, 0].map((value) => ({ kind: 'Float', value })),
    });
    expect(only('(True, False, None, ...)')).toEqual({
      kind: 'Tuple',
      elts: [{ kind: 'Bool', value: true }, { kind: 'Bool', value: false }, { kind: 'None' }, { kind: 'Ellipsis' }],
    });
    expect(only(`${'9'.repeat(40)}`)).toEqual(int(10n ** 40n - 1n));
  });

  it('strings: prefixes, escapes, triple quotes, concatenation', () => {
    expect(only(String.raw`'a\tb\x41\u00e9\U0001F600\101\0\
c' "d" r'\n' R"\"" U'u'`)).toEqual(str('a\tbAé😀A\0cd\\n\\"u'));
    expect(only(String.raw`'\q\8'`)).toEqual(str('\\q\\8'));
    expect(only("'''a\n'b'\"\"\"'''")).toEqual(str("a\n'b'\"\"\""));
    expect(only(String.raw`'\777'`)).toEqual(str('\u01ff'));
    expect(only(String.raw`'\ud800'`)).toEqual(str('\ud800'));
  });

  it('bytes', () => {
    expect(only(String.raw`b'a\xff\777\u0041' Rb'\x' bR"q"`)).toEqual({ kind: 'Bytes', value: 'a\xff\xff\\u0041\\xq' });
  });

  it('f-strings: conversions, specs with nested fields, doubled braces, concatenation', () => {
    expect(only(String.raw`f'a{x!r:>{w}.3}b{{}}' 'c' F"{y!s}" rf'\d{z:>4}' f'{p:}{q!a}'`)).toEqual({
      kind: 'FString',
      parts: [
        'a',
        { value: name('x'), conversion: 'r', spec: ['>', { value: name('w'), conversion: null, spec: null }, '.3'] },
        'b{}c',
        { value: name('y'), conversion: 's', spec: null },
        '\\d',
        { value: name('z'), conversion: null, spec: ['>4'] },
        { value: name('p'), conversion: null, spec: [] },
        { value: name('q'), conversion: 'a', spec: null },
      ],
    });
    expect(only(`f'{a, b}{ {1: 2} }{f"{c}"}'`)).toEqual({
      kind: 'FString',
      parts: [
        { value: { kind: 'Tuple', elts: [name('a'), name('b')] }, conversion: null, spec: null },
        { value: { kind: 'Dict', entries: [{ key: int(1), value: int(2) }] }, conversion: null, spec: null },
        { value: { kind: 'FString', parts: [{ value: name('c'), conversion: null, spec: null }] }, conversion: null, spec: null },
      ],
    });
    expect(only("f''")).toEqual({ kind: 'FString', parts: [] });
    expect(only("f'\\x41{x:\\x3e5}'")).toEqual({ kind: 'FString', parts: ['A', { value: name('x'), conversion: null, spec: ['>5'] }] });
  });

  it('displays', () => {
    expect(only('([], [1, 2,], {}, {1: 2, 3: 4}, {1}, {1, 2}, (), (1,))')).toEqual({
      kind: 'Tuple',
      elts: [
        { kind: 'List', elts: [] },
        { kind: 'List', elts: [int(1), int(2)] },
        { kind: 'Dict', entries: [] },
        { kind: 'Dict', entries: [{ key: int(1), value: int(2) }, { key: int(3), value: int(4) }] },
        { kind: 'Set', elts: [int(1)] },
        { kind: 'Set', elts: [int(1), int(2)] },
        { kind: 'Tuple', elts: [] },
        { kind: 'Tuple', elts: [int(1)] },
      ],
    });
  });

  it('subscripts and slices', () => {
    const sub = (index: Expr): Expr => ({ kind: 'Subscript', value: name('a'), index });
    const slice = (lower: Expr | null, upper: Expr | null, step: Expr | null): Expr => ({ kind: 'Slice', lower, upper, step });
    expect(only('(a[i], a[i:j], a[i:j:k], a[:], a[::], a[::2], a[1,], a[1, 2], a[()])')).toEqual({
      kind: 'Tuple',
      elts: [
        sub(name('i')),
        sub(slice(name('i'), name('j'), null)),
        sub(slice(name('i'), name('j'), name('k'))),
        sub(slice(null, null, null)),
        sub(slice(null, null, null)),
        sub(slice(null, null, int(2))),
        sub({ kind: 'Tuple', elts: [int(1)] }),
        sub({ kind: 'Tuple', elts: [int(1), int(2)] }),
        sub({ kind: 'Tuple', elts: [] }),
      ],
    });
  });

  it('arithmetic precedence and associativity', () => {
    expect(only('-5 ** 2')).toEqual(neg(bin('**', int(5), int(2))));
    expect(only('(-5) ** 2')).toEqual(bin('**', neg(int(5)), int(2)));
    expect(only('2 ** 3 ** 4')).toEqual(bin('**', int(2), bin('**', int(3), int(4))));
    expect(only('2 ** -x')).toEqual(bin('**', int(2), neg(name('x'))));
    expect(only('a - b - c')).toEqual(bin('-', bin('-', name('a'), name('b')), name('c')));
    expect(only('a + b * c // d % e')).toEqual(bin('+', name('a'), bin('%', bin('//', bin('*', name('b'), name('c')), name('d')), name('e'))));
    expect(only('(a + b) * c')).toEqual(bin('*', bin('+', name('a'), name('b')), name('c')));
    expect(only('--x')).toEqual(neg(neg(name('x'))));
  });

  it('comparisons, chains and not', () => {
    expect(only('a < b <= c == d != e > f >= g is h is not i in j not in k')).toEqual({
      kind: 'Compare',
      left: name('a'),
      ops: ['<', '<=', '==', '!=', '>', '>=', 'is', 'is not', 'in', 'not in'],
      comparators: ['b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k'].map(name),
    });
    expect(only('(a < b) < c')).toEqual({
      kind: 'Compare',
      left: { kind: 'Compare', left: name('a'), ops: ['<'], comparators: [name('b')] },
      ops: ['<'],
      comparators: [name('c')],
    });
    expect(only('not a == b')).toEqual({ kind: 'UnaryOp', op: 'not', operand: { kind: 'Compare', left: name('a'), ops: ['=='], comparators: [name('b')] } });
    expect(only('a + 1 in b')).toEqual({ kind: 'Compare', left: bin('+', name('a'), int(1)), ops: ['in'], comparators: [name('b')] });
  });

  it('calls of built-ins, module functions, user functions, methods and weak references', () => {
    expect(body('import sys\nimport gc\nimport weakref\nsys.getrefcount(x)\nsys.intern(s)\ngc.collect(0)\ngc.is_tracked(x)\nw = weakref.ref(x, f)\nw()').slice(3)).toEqual([
      expr(call(attr(name('sys'), 'getrefcount'), name('x'))),
      expr(call(attr(name('sys'), 'intern'), name('s'))),
      expr(call(attr(name('gc'), 'collect'), int(0))),
      expr(call(attr(name('gc'), 'is_tracked'), name('x'))),
      { kind: 'Assign', targets: [name('w')], value: call(attr(name('weakref'), 'ref'), name('x'), name('f')) },
      expr(call(name('w'))),
    ]);
    expect(only('len(type(x).__name__, x.__dict__, [].append(1), f(1,))')).toEqual(
      call(name('len'), attr(call(name('type'), name('x')), '__name__'), attr(name('x'), '__dict__'), call(attr({ kind: 'List', elts: [] }, 'append'), int(1)), call(name('f'), int(1))),
    );
  });

  it('method calls of methods, class attributes and attributes the program defines', () => {
    const src = 'class C:\n    k = 1\n    def m(self): pass\nc.m(); c.k(); c.h()\nc.h = f';
    expect(body(src).slice(1, 4)).toEqual([expr(call(attr(name('c'), 'm'))), expr(call(attr(name('c'), 'k'))), expr(call(attr(name('c'), 'h')))]);
  });

  it('attributes of number literals', () => {
    expect(only('1 .bit_length()')).toEqual(call(attr(int(1), 'bit_length')));
    expect(only('1.5.real')).toEqual(attr({ kind: 'Float', value: 1.5 }, 'real'));
  });

  it('comments and line continuations', () => {
    expect(body('x = [1,  # one\n     2]\ny = 1 + \\\n    2  # end')).toEqual([
      { kind: 'Assign', targets: [name('x')], value: { kind: 'List', elts: [int(1), int(2)] } },
      { kind: 'Assign', targets: [name('y')], value: bin('+', int(1), int(2)) },
    ]);
  });
});
