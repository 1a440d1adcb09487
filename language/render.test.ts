import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Expr, FStringPart, NameExpr, Mode, Program, Stmt } from './ast.ts';
import { parseProgram } from './parse.ts';
import { renderExpr, renderProgram } from './render.ts';
import { withoutLocs } from './without-locs.ts';

const name = (id: string): NameExpr => ({ kind: 'Name', id });
const int = (v: number | bigint): Expr => ({ kind: 'Int', value: BigInt(v) });
const float = (value: number): Expr => ({ kind: 'Float', value });
const str = (value: string): Expr => ({ kind: 'Str', value });
const neg = (operand: Expr): Expr => ({ kind: 'UnaryOp', op: '-', operand });
const not = (operand: Expr): Expr => ({ kind: 'UnaryOp', op: 'not', operand });
const bin = (op: '+' | '-' | '*' | '//' | '%' | '**', left: Expr, right: Expr): Expr => ({ kind: 'BinOp', op, left, right });
const cmp = (left: Expr, op: '<' | 'in' | 'is not', right: Expr): Expr => ({ kind: 'Compare', left, ops: [op], comparators: [right] });
const tuple = (...elts: Expr[]): Expr => ({ kind: 'Tuple', elts });
const fstr = (...parts: FStringPart[]): Expr => ({ kind: 'FString', parts });
const field = (value: Expr, conversion: 'r' | 's' | 'a' | null = null, spec: FStringPart[] | null = null): FStringPart => ({ value, conversion, spec });

const RENDERED_EXPRESSIONS: [string, Expr][] = [
    ['(-5) ** 2', bin('**', neg(int(5)), int(2))],
    ['-5 ** 2', neg(bin('**', int(5), int(2)))],
    ['-x ** 2', neg(bin('**', name('x'), int(2)))],
    ['(a ** b) ** c', bin('**', bin('**', name('a'), name('b')), name('c'))],
    ['a ** b ** c', bin('**', name('a'), bin('**', name('b'), name('c')))],
    ['2 ** -x', bin('**', int(2), neg(name('x')))],
    ['2 ** (a * b)', bin('**', int(2), bin('*', name('a'), name('b')))],
    ['(a + b) * c', bin('*', bin('+', name('a'), name('b')), name('c'))],
    ['a + b * c', bin('+', name('a'), bin('*', name('b'), name('c')))],
    ['a - (b - c)', bin('-', name('a'), bin('-', name('b'), name('c')))],
    ['a - b - c', bin('-', bin('-', name('a'), name('b')), name('c'))],
    ['a // (b * c)', bin('//', name('a'), bin('*', name('b'), name('c')))],
    ['a - -b', bin('-', name('a'), neg(name('b')))],
    ['--x', neg(neg(name('x')))],
    ['-(a + b)', neg(bin('+', name('a'), name('b')))],
    ['(a < b) + 1', bin('+', cmp(name('a'), '<', name('b')), int(1))],
    ['(a < b) < c', cmp(cmp(name('a'), '<', name('b')), '<', name('c'))],
    ['a < (b < c)', cmp(name('a'), '<', cmp(name('b'), '<', name('c')))],
    ['(not a) in b', cmp(not(name('a')), 'in', name('b'))],
    ['a is not (not b)', cmp(name('a'), 'is not', not(name('b')))],
    ['not a < b', not(cmp(name('a'), '<', name('b')))],
    ['not not a', not(not(name('a')))],
    ['-(not a)', neg(not(name('a')))],
    ['(1, 2) in x', cmp(tuple(int(1), int(2)), 'in', name('x'))],
    ['()', tuple()],
    ['(x,)', tuple(name('x'))],
    ['a[(1, 2)]', { kind: 'Subscript', value: name('a'), index: tuple(int(1), int(2)) }],
    ['f((1, 2), ())', { kind: 'Call', func: name('f'), args: [tuple(int(1), int(2)), tuple()] }],
    ['(1).bit_length', { kind: 'Attribute', value: int(1), attr: 'bit_length' }],
    ['(1.5).real', { kind: 'Attribute', value: float(1.5), attr: 'real' }],
    ['(-1).real', { kind: 'Attribute', value: neg(int(1)), attr: 'real' }],
    ['(a + b).c', { kind: 'Attribute', value: bin('+', name('a'), name('b')), attr: 'c' }],
    ['(a + b)[0]', { kind: 'Subscript', value: bin('+', name('a'), name('b')), index: int(0) }],
    ['f(x)(y)[0].z', { kind: 'Attribute', value: { kind: 'Subscript', value: { kind: 'Call', func: { kind: 'Call', func: name('f'), args: [name('x')] }, args: [name('y')] }, index: int(0) }, attr: 'z' }],
    ['a[:]', { kind: 'Subscript', value: name('a'), index: { kind: 'Slice', lower: null, upper: null, step: null } }],
    ['a[::2]', { kind: 'Subscript', value: name('a'), index: { kind: 'Slice', lower: null, upper: null, step: int(2) } }],
    ['a[1:-1]', { kind: 'Subscript', value: name('a'), index: { kind: 'Slice', lower: int(1), upper: neg(int(1)), step: null } }],
    ['{1: [2], 3: {4}}', { kind: 'Dict', entries: [{ key: int(1), value: { kind: 'List', elts: [int(2)] } }, { key: int(3), value: { kind: 'Set', elts: [int(4)] } }] }],
    ['{}', { kind: 'Dict', entries: [] }],
    ['1e+16', float(1e16)],
    ['1e999', float(Infinity)],
    ['0.1', float(0.1)],
    ['123.0', float(123)],
    ['1e-05', float(1e-5)],
    [`${'9'.repeat(4300)}`, int(10n ** 4300n - 1n)],
    [`0x${(10n ** 4300n).toString(16)}`, int(10n ** 4300n)],
    [`"it's"`, str("it's")],
    [`'\\x00\\n\\\\é\\u2028'`, str('\0\n\\é\u2028')],
    [`b'\\xff"'`, { kind: 'Bytes', value: '\xff"' }],
    ['(True, False, None, ...)', tuple({ kind: 'Bool', value: true }, { kind: 'Bool', value: false }, { kind: 'None' }, { kind: 'Ellipsis' })],
    [`f'a{x!r:>{w}}{{}}\\n'`, fstr('a', field(name('x'), 'r', ['>', field(name('w'))]), '{}\n')],
    [`f'{ {1: 2} }'`, fstr(field({ kind: 'Dict', entries: [{ key: int(1), value: int(2) }] }))],
    [`f'{"a"}'`, fstr(field(str('a')))],
    [`f'{"it"}\\'s'`, fstr(field(str('it')), "'s")],
    [`f'{"a"}{"b"}'`, fstr(field(str('a')), field(str('b')))],
    [`f'''{"it's"}\\''''`, fstr(field(str("it's")), "'")],
    [`f'{"a"}' + f'{"b"}{f"""{"c"}"""}'`, bin('+', fstr(field(str('a'))), fstr(field(str('b')), field(fstr(field(str('c'))))))],
    [`f'{f"{x}"}'`, fstr(field(fstr(field(name('x')))))],
    [`f'{x:}'`, fstr(field(name('x'), null, []))],
    [`f''`, fstr()],
];

describe('renderExpr', () => {
  it.each(RENDERED_EXPRESSIONS)('%s', (expected, e) => {
    expect(renderExpr(e)).toBe(expected);
    // What the renderer writes parses back to the same expression.
    const back = parseProgram(expected).body[0];
    expect(back.kind === 'ExprStmt' && withoutLocs(back.value)).toEqual(e);
  });

  it.each<[string, Expr]>([
    ['a float literal cannot be nan', float(NaN)],
    ['a float literal cannot be -1.0', float(-1)],
    ['a float literal cannot be -0.0', float(-0)],
    ['an int literal cannot be negative (-1)', int(-1)],
    ['a slice may appear only as a subscript', { kind: 'Slice', lower: null, upper: null, step: null }],
    ['a set display cannot be empty', { kind: 'Set', elts: [] }],
    ["cannot render 'for' as a Python identifier", name('for')],
    ["'\\n' cannot be written inside an f-string field (a backslash, '#' or both quotes)", fstr(field(str('\n')))],
    [`'#' cannot be written inside an f-string field (a backslash, '#' or both quotes)`, fstr(field(str('#')))],
    ['f-string fields nest at most two deep before Python 3.12', fstr(field(name('x'), null, [field(name('y'), null, [field(name('z'))])]))],
    ["a format spec cannot hold a brace ('{')", fstr(field(name('x'), null, ['{']))],
  ])('refuses: %s', (message, e) => {
    expect(() => renderExpr(e)).toThrow(message);
  });
});

describe('renderProgram', () => {
  it('writes one statement a line, 4-space blocks, pass for empty bodies, a trailing newline', () => {
    const body: Stmt[] = [
      { kind: 'Import', module: 'sys' },
      { kind: 'ClassDef', name: 'C', base: null, body: [] },
      { kind: 'ClassDef', name: 'D', base: 'C', body: [{ kind: 'FunctionDef', name: 'm', params: [{ name: 'self', default: null }, { name: 'k', default: neg(int(1)) }], body: [] }] },
      { kind: 'FunctionDef', name: 'f', params: [], body: [{ kind: 'Global', names: ['g', 'h'] }, { kind: 'Return', value: null }, { kind: 'Return', value: tuple(int(1), int(2)) }] },
      { kind: 'Assign', targets: [name('a'), { kind: 'Attribute', value: name('b'), attr: 'c' }], value: int(1) },
      { kind: 'AugAssign', target: name('a'), op: '*', value: int(2) },
      { kind: 'Delete', targets: [name('a'), { kind: 'Subscript', value: name('b'), index: int(0) }] },
      { kind: 'ExprStmt', value: name('a') },
      { kind: 'Pass' },
    ];
    expect(renderProgram({ mode: 'module', body })).toBe(
      [
        'import sys',
        'class C:',
        '    pass',
        'class D(C):',
        '    def m(self, k=-1):',
        '        pass',
        'def f():',
        '    global g, h',
        '    return',
        '    return (1, 2)',
        'a = b.c = 1',
        'a *= 2',
        'del a, b[0]',
        'a',
        'pass',
        '',
      ].join('\n'),
    );
    expect(renderProgram({ mode: 'module', body: [] })).toBe('');
  });
});

// Hand-written programs covering every construct; each is [mode, source].
const CORPUS: [Mode, string][] = [
  ['module', 'import sys\nimport gc\nimport weakref\nx = [1, 2]\nsys.getrefcount(x)\ngc.collect()\ngc.collect(0)\ngc.is_tracked(x)\ns = sys.intern("abc")\n'],
  ['module', 'class C: pass\nc = C()\nw = weakref.ref(c)\nw() is c\ndel c\nw() is None\nimport weakref\n'],
  ['module', 'a = b = c = 257\na is b\nid(a) == id(c)\nx = -5 ** 2; y = (-5) ** 2; z = 2 ** -1\n'],
  ['module', 'x = 1 + 2 * 3 - 4 // 5 % 6\ny = (1 + 2) * (3 - 4)\nz = -(x ** 2) - -x\nw = --x\nv = x - (y - z)\n'],
  ['module', 'a < b < c\n(a < b) < c\na < (b < c)\nnot a == b\n(not a) == b\na is not b not in c\na in b\na + 1 in [1, 2]\n'],
  ['module', 'd = {}\nd["k"] = [1, 2, 3]\nd["k"][1:] = [4]\ndel d["k"][::2]\ne = d.get("k")\nd.setdefault("j", {1, 2})\nd.update({3: 4})\n'],
  ['module', 'l = []\nl.append(1)\nl.extend((2, 3))\nl.insert(0, 5)\nl.pop()\nl.clear()\nl += [1]\nl *= 2\nl[0] -= 1\n'],
  ['module', "t = ()\nu = (1,)\nv = 1, 2\nw = (1, (2, (3,)), [], {}, {1}, {1: (2,)})\nx = t[()]\ny = u[0:1:1]\nz = v[:]\n"],
  ['module', 'b = b"\\x00\\xff\'\\"" + Rb"\\d" + b"""x\ny"""\nbytes(3)\nbytearray_len = len(b)\n'],
  ['module', "s = 'a' \"b\" '''c\nd''' r'\\e' '\\t\\n\\r\\x00\\u00e9\\U0001F600\\777\\8\\q'\nt = '\\ud800'\nu = 'é😀\\u2028\\ufeff'\n"],
  ['module', "x = f'a{b!r}c{d!s:>{w}}e{f!a:.3}{{}}' f\"{g}\" rf'\\d{h}'\ny = f'{x:}' f'{ {1: 2} }' f'{(1, 2)}' f'{a, b}'\n"],
  ['module', "x = f'{\"q\"}' + f\"{'q'}\" + f'''{'a'}{\"b\"}''' + f'{f\"{y}\"}' + f'\\x41{z:\\x3e5}\\'\\\"'\n"],
  ['module', "x = f'{y[\"k\"]}{y.get(\"j\")}{len(y) + 1}{-z}{not z}{z is None}{z[1:2]}' + f''\n"],
  ['module', 'i = 0x_Ff + 0o17 + 0b1_0 + 1_000_000 + 00 + 10 ** 30\nf = 1.5 + .5 + 1e3 + 1E-5 + 1_0.2_5e1_0 + 1e999 + 0.0 + 1e16 + 1e-7\n'],
  ['module', `big = ${'7'.repeat(300)}\nhuge = 0x${'f'.repeat(4000)}\n`],
  ['module', 'x = (True, False, None, ...)\ny = 1 .bit_length()\nz = 1.5.real\nw = (1).bit_length()\n'],
  ['module', 'def f(a, b=1, c=-2.5, d=(1, "x", (None, ...)), e=b"z", g="s" "t", h=True):\n    global G\n    G = a\n    return a, b\n'],
  ['module', 'def outer():\n    def inner(x):\n        return x\n    class K(object):\n        pass\n    return inner(K())\nouter()\n'],
  ['module', 'class A:\n    __slots__ = ("x", "__weakref__")\n    k = 1\n    def __init__(self, x):\n        self.x = x\n    def __del__(self):\n        log.append(self.x)\nclass B(A):\n    __slots__ = "y"\n    def m(self): return self.k\nlog = []\nb = B(1)\nb.m()\ntype(b).__name__\n'],
  ['module', 'class N:\n    pass\nn = N()\nn.attr = 1\nn.attr()\nn.__dict__\ndel n.attr\nobject()\nhash(1)\nrepr(chr(ord("a")))\nfrozenset([1])\nstr(int(float("1")))\nbool(tuple(list(set(dict()))))\n'],
  ['module', 'x = 1; y = 2; z = x + y\npass\n'],
  ['function', 'x = 1\nglobal g\ng = x\ndef f():\n    return g\nreturn f()\n'],
  ['function', 'import sys\nx = []\nr = sys.getrefcount(x)\nsys.getrefcount(x) - r\nreturn\n'],
  ['repl', 'x = 1\nx\ndef f(a):\n    return a\nf(x)\nclass C:\n    pass\nC()\n_\n'],
  ['repl', 'a = "abc"; b = "abc"\na is b\n'],
];

function pythonsToTry(): string[] {
  const versions = ['3.8.18', '3.9.18', '3.10.13', '3.12.1', '3.13.0'];
  const found = versions.map((v) => join(homedir(), '.pyenv', 'versions', v, 'bin', 'python3')).filter((p) => existsSync(p));
  return ['python3', ...found];
}

// Compiles every rendered program (function mode as a def body, repl mode statement by statement
// in 'single' mode) and, with `compare`, checks that CPython parses source and rendering alike.
const CHECK = String.raw`
import ast, json, sys
getattr(sys, 'set_int_max_str_digits', lambda n: None)(0)
def wrap(src, mode):
    if mode != 'function':
        return src
    lines = src.splitlines() or ['pass']
    return 'def __case__():\n' + ''.join('    ' + l + '\n' for l in lines)
def dump(src):
    return ast.dump(ast.parse(src)).replace(", kind='u'", '')
problems = []
for item in json.load(sys.stdin):
    try:
        if item['mode'] == 'repl':
            for stmt in item['statements']:
                compile(stmt, 'x', 'single')
        compile(wrap(item['rendered'], item['mode']), 'x', 'exec')
        if item['compare'] and dump(wrap(item['source'], item['mode'])) != dump(wrap(item['rendered'], item['mode'])):
            problems.append([item['rendered'], 'parses differently from its source'])
    except SyntaxError as e:
        problems.append([item['rendered'], repr(e)])
print(json.dumps(problems))
`;

function render(program: Program): { rendered: string; statements: string[] } {
  return {
    rendered: renderProgram(program),
    statements: program.body.map((s) => renderProgram({ mode: program.mode, body: [s] })),
  };
}

describe('render(parse(source)) round trip over the corpus', () => {
  const items = [
    ...CORPUS.map(([mode, source]) => ({ mode, source })),
    // The expressions of the renderExpr table, so that CPython compiles those too.
    { mode: 'module' as Mode, source: RENDERED_EXPRESSIONS.map(([text]) => text).join('\n') },
  ].map(({ mode, source }) => {
    const program = parseProgram(source, { mode });
    return { mode, source, program, ...render(program) };
  });

  it.each(items.map((item, i) => [i, item] as const))('program %i is stable and parses back to the same AST', (_, item) => {
    const again = parseProgram(item.rendered, { mode: item.mode });
    expect(withoutLocs(again)).toEqual(withoutLocs(item.program));
    expect(renderProgram(again)).toBe(item.rendered);
  });

  it.each(pythonsToTry())('%s compiles every rendered program', (python) => {
    const compare = python === 'python3';
    const input = items.map(({ mode, source, rendered, statements }) => ({ mode, source, rendered, statements, compare }));
    const out = execFileSync(python, ['-c', CHECK], { input: JSON.stringify(input), encoding: 'utf8' });
    expect(JSON.parse(out)).toEqual([]);
  });
});
