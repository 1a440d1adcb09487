import { describe, expect, it } from 'vitest';
import type { Mode } from './ast.ts';
import { CaseLanguageError } from './errors.ts';
import { parseProgram } from './parse.ts';

// [source, expected "line:col: reason", mode]
const REJECTED: [string, string, Mode?][] = [
  // statements outside the subset
  ['for i in x:\n    pass', "1:1: 'for' statement is not part of the case language"],
  ['x = 1\nwhile x: pass', "2:1: 'while' statement is not part of the case language"],
  ['if x:\n    y = 1', "1:1: 'if' statement is not part of the case language"],
  ['try:\n    pass\nexcept: pass', "1:1: 'try' statement is not part of the case language"],
  ['with a: pass', "1:1: 'with' statement is not part of the case language"],
  ['assert x', "1:1: 'assert' statement is not part of the case language"],
  ['raise X', "1:1: 'raise' statement is not part of the case language"],
  ['def f():\n    nonlocal x', "2:5: 'nonlocal' statement is not part of the case language"],
  ['async def f(): pass', "1:1: 'async' is not part of the case language"],
  ['@d\ndef f(): pass', '1:1: decorators are not part of the case language'],
  ['def f():\n    yield 1', "2:5: 'yield' is not part of the case language"],
  ['x = yield', "1:5: 'yield' is not part of the case language"],
  ['print x', "1:1: 'print' is not a callable of the case language"],
  // imports
  ['import os', "1:1: only 'import sys', 'import gc' and 'import weakref' are part of the case language"],
  ['import sys as s', "1:1: only 'import sys', 'import gc' and 'import weakref' are part of the case language"],
  ['import sys, gc', "1:1: only 'import sys', 'import gc' and 'import weakref' are part of the case language"],
  ['from sys import intern', "1:1: only 'import sys', 'import gc' and 'import weakref' are part of the case language"],
  // names
  ['x = open("f")', "1:5: 'open' is not a callable of the case language"],
  ['x = range', "1:5: built-in name 'range' is not part of the case language"],
  ['print(1)', "1:1: 'print' is not a callable of the case language"],
  ['x = ValueError', "1:5: built-in name 'ValueError' is not part of the case language"],
  ['def eval(): pass', "1:5: built-in name 'eval' is not part of the case language"],
  ['x = __name__', "1:5: dunder name '__name__' is not part of the case language"],
  ['def f(__x__): pass', "1:7: dunder name '__x__' is not part of the case language"],
  ['x€ = 1', "1:1: 'x€' is not a valid identifier"],
  ['ﬁ = 1', "1:1: identifier 'ﬁ' is not in NFKC normal form"],
  // modules
  ['import sys\nx = sys', "2:5: 'sys' may only be used as sys.getrefcount or sys.intern"],
  ['import sys\nsys.exit()', "2:1: 'sys' may only be used as sys.getrefcount or sys.intern"],
  ['import sys\nsys.intern = 1', "2:1: 'sys' may only be used as sys.getrefcount or sys.intern"],
  ['import gc\ngc.get_objects()', "2:1: 'gc' may only be used as gc.collect or gc.is_tracked"],
  ['import weakref\nweakref.proxy(x)', "2:1: 'weakref' may only be used as weakref.ref"],
  ['sys = 1', "1:1: 'sys' may only be used as sys.getrefcount or sys.intern"],
  ['def f(gc): pass', "1:7: 'gc' may only be used as gc.collect or gc.is_tracked"],
  ['del weakref', "1:5: 'weakref' may only be used as weakref.ref"],
  // attributes and methods
  ['x.__class__', "1:3: attribute '__class__' is not part of the case language"],
  ['x.__dict__ = 1', "1:3: attribute '__dict__' may only be read"],
  ['del x.__name__', "1:7: attribute '__name__' may only be read"],
  ['x.foo()', "1:3: 'foo' is not a method of the case language"],
  ['x = [].keys2()', "1:8: 'keys2' is not a method of the case language"],
  ['x = (y.mro)()', "1:8: 'mro' is not a method of the case language"],
  // operators and expressions
  ['x = a / b', "1:7: '/' operator is not part of the case language"],
  ['x = a @ b', "1:7: '@' operator is not part of the case language"],
  ['x = a << b', "1:7: '<<' operator is not part of the case language"],
  ['x = a | b', "1:7: '|' operator is not part of the case language"],
  ['x = a & b', "1:7: '&' operator is not part of the case language"],
  ['x = a ^ b', "1:7: '^' operator is not part of the case language"],
  ['x = a and b', "1:7: 'and' is not part of the case language"],
  ['x = a or b', "1:7: 'or' is not part of the case language"],
  ['x = +a', "1:5: unary '+' is not part of the case language"],
  ['x = ~a', "1:5: '~' operator is not part of the case language"],
  ['x = a if b else c', '1:5: conditional expressions are not part of the case language'],
  ['f = lambda: 1', "1:5: 'lambda' is not part of the case language"],
  ['x = [i for i in y]', '1:5: comprehensions are not part of the case language'],
  ['x = {k: 1 for k in y}', '1:5: comprehensions are not part of the case language'],
  ['x = (i for i in y)', '1:5: generator expressions are not part of the case language'],
  ['f(i for i in y)', '1:3: generator expressions are not part of the case language'],
  ['(x := 1)', "1:2: ':=' is not part of the case language"],
  ['x = await y', "1:5: 'await' is not part of the case language"],
  ['x = *a,', '1:5: starred expressions are not part of the case language'],
  ['x = [1, *a]', '1:9: starred expressions are not part of the case language'],
  ['x = {**a}', "1:6: '**' unpacking is not part of the case language"],
  ['f(a, k=1)', '1:6: keyword arguments are not part of the case language'],
  ['f(*a)', "1:3: '*' arguments are not part of the case language"],
  ['f(**a)', "1:3: '**' arguments are not part of the case language"],
  ['x = a[1:2, 3]', '1:7: extended slices are not part of the case language'],
  ['x = a == not b', '1:10: invalid syntax'],
  ['x = 1 <> 2', '1:7: invalid syntax'],
  // literals
  ['x = 1j', '1:5: complex literals are not part of the case language'],
  ['x = 07', '1:5: leading zeros in decimal integer literals are not permitted'],
  ['x = 1__0', '1:5: invalid decimal literal'],
  ['x = 1_', '1:5: invalid decimal literal'],
  ['x = 1.', "1:5: float literal '1.' needs a digit after the point"],
  ['x = 1.e5', "1:5: float literal '1.' needs a digit after the point"],
  [`x = ${'1'.repeat(4301)}`, '1:5: decimal integer literal exceeds 4300 digits (write it in hexadecimal)'],
  ['x = "\\N{DASH}"', '1:6: \\N{...} escapes are not part of the case language'],
  ['x = "\\x4"', '1:6: truncated \\xXX escape'],
  ["x = b'\\x4'", '1:7: invalid \\x escape'],
  ['x = "\\U00110000"', '1:6: illegal Unicode character'],
  ["x = b'é'", '1:7: bytes can only contain ASCII literal characters'],
  ['x = "a" b"b"', '1:9: cannot mix bytes and nonbytes literals'],
  ['x = "\\ud800\\udc00"', '1:12: adjacent surrogate code points are not part of the case language'],
  ["x = 'a\\ud800' '\\udc00'", '1:15: adjacent surrogate code points are not part of the case language'],
  // f-strings
  ['x = f"{x=}"', "1:9: '=' in f-string fields is not part of the case language"],
  ['x = f"{x!r }"', "1:11: f-string: expecting '}'"],
  ["x = f'{\"#\"}'", "1:9: f-string expression part cannot include '#'"],
  ['x = f"{d["k"]}"', '1:10: f-string expression part cannot reuse the enclosing quote (only Python 3.12+ allows it)'],
  ['x = f"{x:{y:{z}}}"', '1:13: f-string: expressions nested too deeply'],
  ['x = f"{x:{{}}}"', "1:10: '{{' in a format spec is not part of the case language (its meaning changed in 3.12)"],
  ['x = f"\\{x}"', '1:7: a backslash before a brace in an f-string is not part of the case language'],
  ['x = f"}"', "1:7: f-string: single '}' is not allowed"],
  ['x = rf"{x:\\x3e5}"', "1:11: a backslash in a raw f-string's format spec is not part of the case language"],
  ['x = f"{a}" f"{\'\t\'}"', "1:5: f-string cannot be written for every Python version: '\\t' cannot be written inside an f-string field (a backslash, '#' or both quotes)"],
  // definitions
  ['def f(a=[]): pass', '1:9: a default must be a constant'],
  ['def f(a=-x): pass', '1:9: a default must be a constant'],
  ['def f(*a): pass', "1:7: '*' parameters are not part of the case language"],
  ['def f(**a): pass', "1:7: '**' parameters are not part of the case language"],
  ['def f(a, /): pass', "1:10: '/' parameters are not part of the case language"],
  ['def f(a: int): pass', '1:8: annotations are not part of the case language'],
  ['def f() -> int: pass', '1:9: annotations are not part of the case language'],
  ['def f(a, a): pass', "1:10: duplicate argument 'a' in function definition"],
  ['def f(a=1, b): pass', '1:12: parameter without a default follows parameter with a default'],
  ['class C(B): pass', "1:9: base class 'B' must be object or a class defined earlier in the program"],
  ['class C(object, D): pass', '1:17: a class may have at most one base'],
  ['class C(metaclass=M): pass', '1:9: keyword arguments are not part of the case language'],
  ['class C(int): pass', "1:9: base class 'int' must be object or a class defined earlier in the program"],
  ['class C:\n    print(1)', '2:5: class body may hold only pass, constant class attributes, __slots__ and def'],
  ['class C:\n    """doc"""', '2:5: class body may hold only pass, constant class attributes, __slots__ and def'],
  ['class C:\n    x = y = 1', '2:5: class body may hold only pass, constant class attributes, __slots__ and def'],
  ['class C:\n    class D: pass', '2:5: class body may hold only pass, constant class attributes, __slots__ and def'],
  ['class C:\n    x = [1]', '2:9: a class attribute must be a constant'],
  ['class C:\n    __hash__ = None', "2:5: dunder name '__hash__' is not part of the case language"],
  ['class C:\n    def __eq__(self, o): pass', "2:9: dunder name '__eq__' is not part of the case language"],
  ['class C:\n    __slots__ = [1]', '2:17: __slots__ must be a str or a tuple of str constants'],
  ['class C:\n    __slots__ = ("a", b"b")', '2:23: __slots__ must be a str or a tuple of str constants'],
  ['class C:\n    __slots__ = ("a", "b c")', "2:23: 'b c' is not a slot name of the case language"],
  // targets
  ['del f()', '1:5: cannot delete function call'],
  ['del 1', '1:5: cannot delete literal'],
  ['del (a, b)', '1:5: cannot delete a tuple or list in the case language'],
  ['1 = x', '1:1: cannot assign to literal'],
  ['f() = 1', '1:1: cannot assign to function call'],
  ['a + b = 1', '1:1: cannot assign to expression'],
  ['a, b = 1, 2', '1:1: unpacking assignment is not part of the case language'],
  ['[a] = x', '1:1: unpacking assignment is not part of the case language'],
  ['x: int = 1', '1:2: annotations are not part of the case language'],
  ['x /= 2', "1:3: '/=' operator is not part of the case language"],
  ['x **= 2', "1:3: '**=' operator is not part of the case language"],
  // return and global
  ['return 1', "1:1: 'return' outside a function"],
  ['return 1', "1:1: 'return' outside a function", 'repl'],
  ['global x', "1:1: 'global' is part of the case language only inside a function"],
  ['def f():\n    x = 1\n    global x', "3:12: name 'x' is assigned to before global declaration"],
  ['def f():\n    x.y\n    global x', "3:12: name 'x' is used prior to global declaration"],
  ['def f(x):\n    global x', "2:12: name 'x' is parameter and global"],
  ['x = 1\nglobal x', "2:8: name 'x' is assigned to before global declaration", 'function'],
  ['def f():\n    global x,', '2:13: invalid syntax'],
  // layout and plain syntax errors
  ['if x:\n    y\n  z', '3:3: unindent does not match any outer indentation level'],
  ['x = 1\n  y = 2', '2:3: unexpected indent'],
  ['def f():\n        a = 1\n    b = 2', '3:5: unindent does not match any outer indentation level'],
  ['def f():\n    a = 1\n        b = 2', '3:9: unexpected indent'],
  ['def f():\n    a = 1\n  b = 2', '3:3: unindent does not match any outer indentation level'],
  ['\tx = 1', '1:1: tabs in indentation are not part of the case language'],
  ['def f(a):\\\n    x = 1\n    y = 2', '3:5: unexpected indent'],
  ['x = 1 +', '1:8: invalid syntax'],
  ['x = 1\0', '1:6: source code cannot contain null bytes'],
  ['x = (1', '1:7: invalid syntax'],
];

function rejection(source: string, mode: Mode = 'module', file?: string, origin?: { line: number; col: number }) {
  try {
    parseProgram(source, { mode, file, origin });
  } catch (e) {
    if (e instanceof CaseLanguageError) return e;
    throw e;
  }
  throw new Error(`accepted: ${JSON.stringify(source)}`);
}

describe('programs outside the case language are rejected with where and why', () => {
  it('has a table of at least 40 rejections', () => {
    expect(REJECTED.length).toBeGreaterThanOrEqual(40);
  });
  it.each(REJECTED)('%j', (source, expected, mode) => {
    expect(rejection(source, mode).message).toBe(`<input>:${expected}`);
  });
});

describe('error positions', () => {
  it('names the file and carries line, column and reason', () => {
    const e = rejection('x = 1\ny = open(x)', 'module', 'case.yaml');
    expect(e.message).toBe("case.yaml:2:5: 'open' is not a callable of the case language");
    expect([e.file, e.line, e.col, e.reason]).toEqual(['case.yaml', 2, 5, "'open' is not a callable of the case language"]);
  });

  it('shifts lines and columns by the origin of an embedded block', () => {
    const e = rejection('x = 1\ny = open(x)', 'module', 'case.yaml', { line: 4, col: 3 });
    expect(e.message).toBe("case.yaml:5:7: 'open' is not a callable of the case language");
  });

  it('counts columns in code points', () => {
    expect(rejection("s = '😀'; x.foo()").message).toBe("<input>:1:12: 'foo' is not a method of the case language");
  });

  it('reports the first construct in source order', () => {
    expect(rejection('x = [open(1), 1 / 2]').message).toBe("<input>:1:6: 'open' is not a callable of the case language");
    expect(rejection('x = [1 / 2, open(1)]').message).toBe("<input>:1:8: '/' operator is not part of the case language");
    // The method check sees definitions that come later in the program.
    expect(rejection('x.m()\nx.n()\nclass C:\n    def m(self): pass').message).toBe(
      "<input>:2:3: 'n' is not a method of the case language",
    );
  });

  it('treats CRLF line ends as one line break', () => {
    expect(rejection('x = 1\r\ny = open(x)').message).toBe("<input>:2:5: 'open' is not a callable of the case language");
  });
});
