// What the extensions make, recognised in a program's Python text: the generator's tests check
// that each appears with its extension on and never with it off. (The core's features are read
// off the AST by ../features.ts; these are patterns no core statement matches.)
import type { Program } from '../../language/ast.ts';
import { renderProgram } from '../../language/render.ts';
import type { Extension } from './extensions.ts';

const last = (re: RegExp): RegExp => new RegExp(`${re.source}\\n$`);

export const EXTENSION_FEATURES = {
  'gc.collect(0)': /gc\.collect\(0\)/,
  'gc.collect(1)': /gc\.collect\(1\)/,
  'gc.collect(2)': /gc\.collect\(2\)/,
  'id of two new floats': /id\(float\('1\.5'\)\) == id\(float\('2\.5'\)\)/,
  'id of two new ints': /id\(int\('1000'\)\) == id\(int\('1001'\)\)/,
  'id of two new bytes': /id\(bytes\(5\)\) == id\(bytes\(6\)\)/,
  'id of two new tuples': /id\(\((\w+),\)\) == id\(\(\1,\)\)|id\(tuple\('ab'\)\)/,
  'id of two new dicts': /id\(\{\}\) == id\(\{\}\)/,
  'id of two new sets': /id\(set\(\)\) == id\(set\(\)\)/,
  'id of two bound methods': /id\((\w+|D\(\))\.get\) == id\(/,
  'kept address': /^ *i = id\(/m,
  'id compared with a kept address': / == i$/m,
  'x = a.__dict__': /^ *\w+ = \w+\.__dict__$/m,
  'sys.getrefcount(a.__dict__)': /sys\.getrefcount\(\w+\.__dict__\)/,
  'gc.is_tracked(a.__dict__)': /gc\.is_tracked\(\w+\.__dict__\)/,
  'len(a.__dict__)': /len\(\w+\.__dict__\)/,
  'a.__dict__ is a.__dict__': /(\w+)\.__dict__ is \1\.__dict__/,
  "a.__dict__['k'] = x": /\.__dict__\['[kj]'\] = /,
  'a.me = a.__dict__': /^ *(\w+)\.me = \1\.__dict__$/m,
  'def h with a default': /^ *def h\(p(, q)?, d=/m,
  'def h with two parameters': /^ *def h\(p, q/m,
  'h returns one of its names': /def h\([^)]*\):\n(?: {4,}.*\n)*? {4}return [pqdst]\n/,
  'x = h(...)': /^ *\w+ = h\(/m,
  'h returns a closure over one of its names': /def h\([^)]*\):\n(?: {4,}.*\n)*? {4}def inner\(\):\n {8}return [pqdst]\n {4}return inner\n/,
  'class R resurrects': /keep\.append\(self\)/,
  'len(keep)': /len\(keep\)/,
  'keep.clear()': /keep\.clear\(\)/,
  "class T's finalizer clears its list": /self\.items\.clear\(\)/,
  'a.items.append(x)': /^ *\w+\.items\.append\(/m,
  'a callback of its own': /weakref\.ref\(\w+, cb[wv]\)/,
  'gc.is_tracked(w)': /gc\.is_tracked\([wv]\)/,
  'sys.getrefcount(w)': /sys\.getrefcount\([wv]\)/,
  'type(w).__name__': /type\([wv]\)\.__name__/,
  'weakref.ref(a) is w': /weakref\.ref\(\w+\) is [wv]/,
  'x = g': /^ *\w+ = (g|outer)$/m,
  'x = D': /^ *\w+ = (D|C)$/m,
  'x = type(a)': /^ *\w+ = type\(\w+\)$/m,
  'type(a) is type(b)': /type\(\w+\) is type\(\w+\)/,
  'a.me = a.get': /^ *(\w+)\.me = \1\.get$/m,
  'a.me = outer(a)': /^ *(\w+)\.me = outer\(\1\)$/m,
  'l.append((l,))': /(\w+)\.append\(\(\1,\)\)/,
  'ending: a + None': last(/\+ None/),
  "ending: int('x')": last(/int\('x'\)/),
  "ending: l.remove('qq')": last(/\.remove\('qq'\)/),
  'ending: 2.0 ** 10000': last(/2\.0 \*\* 10000/),
  'ending: chr(1114112)': last(/chr\(1114112\)/),
  'ending: [].pop()': last(/\[\]\.pop\(\)/),
  'ending: {}.popitem()': last(/\{\}\.popitem\(\)/),
  'ending: del a.q': /^ *del \w+\.q$/m,
  'ending: a.q': /^ *(\w+|object\(\))\.q$/m,
  'ending: UnboundLocalError': /s = t\n {4}t = 1\n/,
  'ending raised inside a function': /^def boom\(\):\n/m,
  'x[-2:]': /\[-2:\]/,
  'x[::2]': /\w\[::2\]/,
  'x[5:]': /\[5:\]/,
  'x[1:2]': /\[1:2\]/,
  'slice assignment': /^ *\w+\[[^\]]*:[^\]]*\] = /m,
  'del of a slice': /^ *del \w+\[[^\]]*:/m,
  'float arithmetic at run time': /\w+ (\+ 0\.5|\* 2\.0|- 1\.5)$/m,
  'x // 2': /\w+ \/\/ 2$/m,
  'x % 7': /\w+ % 7$/m,
  'x ** 2': /\w+ \*\* 2$/m,
  't + (1,)': /\w+ \+ \(1,\)$/m,
  'l + l': /= (\w+) \+ \1$/m,
  "b + b'x'": /\w+ \+ b'x'$/m,
  "'%s' % x": /'%s(-%s)?' % /,
  '-x': /(= |^ *)-[a-z]\w*$/m,
  'not x': /(= |^ *)not [a-z]\w*$/m,
  'float augmented assignment': /\w+ [+*-]= (1\.5|0\.5|2\.0)$/m,
  't += (1,)': /\+= \(1,\)$/m,
  "b += b'x'": /\+= b'x'$/m,
  'chr(97)': /chr\((97|9786)\)/,
  'ord(s)': /ord\(\w+\)/,
  'dict()': /\bdict\(\w*\)/,
  'bytes(n)': /\bbytes\([0-3]\)/,
  'bytes([n])': /\bbytes\(\[\d+\]\)/,
  'float(x)': /\bfloat\([a-z]\w*\)/,
  'int(x)': /\bint\([a-z]\w*\)/,
  'tuple() empty': /\btuple\(\)/,
  'list() empty': /\blist\(\)/,
  'set(x)': /\bset\(\w+\)/,
  'frozenset(x)': /\bfrozenset\(\w+\)/,
  'd.keys()': /\.keys\(\)/,
  'd.values()': /\.values\(\)/,
  'd.items()': /\.items\(\)/,
  'd.popitem()': /\w\.popitem\(\)/,
  'set algebra': /\.(union|intersection|difference)\(/,
  's.lstrip()': /\.lstrip\(\)/,
  's.rstrip()': /\.rstrip\(\)/,
  's.title()': /\.title\(\)/,
  's.capitalize()': /\.capitalize\(\)/,
  's.zfill(5)': /\.zfill\(5\)/,
  "'{}-{}'.format()": /'\{\}-\{\}'\.format\(/,
  's.encode()': /\.encode\(\)/,
  'b.decode()': /\.decode\(\)/,
  'n.bit_length()': /\.bit_length\(\)/,
  "s.count('a')": /\.count\('a'\)/,
  "s.endswith('a')": /\.endswith\('a'\)/,
  'l.sort()': /\.sort\(\)/,
  'a.other = x = value': /^ *\w+\.(other|me|items) = \w+ = /m,
  'l[0] = x = value': /^ *\w+\[(0|'k'|'j')\] = \w+ = /m,
  'class G(C)': /^class G\(C\):/m,
  'class U(S)': /^class U\(S\):/m,
  "__slots__ with '__weakref__'": /'__weakref__'/,
  'a.put(b)': /\w\.put\(\w+\)/,
  'x = a.n': /= \w+\.n$/m,
  'class attributes of str and tuple': /^ {4}label = 'hello world'\n|^ {4}pair = \(1, 'a'\)\n/m,
  'f-string !a': /\{\w+!a[}:]/,
  'f-string format spec': /\{\w+(![rsa])?:[>^]/,
  '1024 or 1025': /\b102[45]\b/,
  'chr(255)': /chr\(255\)/,
  'chr(256)': /chr\(256\)/,
  "b'\\x80'": /b'\\x80'/,
  "float('-0.0')": /float\('-0\.0'\)/,
} as const satisfies Record<string, RegExp>;

export type ExtensionFeature = keyof typeof EXTENSION_FEATURES;

/** The extension features a program shows in its text. */
export function extensionFeaturesOf(program: Program): Set<ExtensionFeature> {
  const text = renderProgram(program);
  return new Set((Object.keys(EXTENSION_FEATURES) as ExtensionFeature[]).filter((f) => EXTENSION_FEATURES[f].test(text)));
}

/**
 * The features each of the new extensions alone makes, common enough to be seen in a few hundred
 * programs (the rarer ones are checked with every extension on, in more programs).
 */
export const MADE_BY_NEW: Readonly<Partial<Record<Extension, readonly ExtensionFeature[]>>> = {
  'gc-generations': ['gc.collect(0)', 'gc.collect(1)', 'gc.collect(2)'],
  'memory-reuse': ['id of two new floats', 'id of two new ints', 'id of two new tuples', 'id of two new sets', 'id of two bound methods', 'kept address', 'id compared with a kept address'],
  'instance-dicts': ['x = a.__dict__', 'sys.getrefcount(a.__dict__)', 'gc.is_tracked(a.__dict__)', 'len(a.__dict__)', 'a.__dict__ is a.__dict__', "a.__dict__['k'] = x", 'a.me = a.__dict__'],
  'function-bodies': ['def h with a default', 'def h with two parameters', 'h returns one of its names', 'x = h(...)', 'h returns a closure over one of its names'],
  resurrection: ['class R resurrects', 'len(keep)'],
  'finalizer-reach': ["class T's finalizer clears its list", 'a.items.append(x)'],
  'weakref-kinds': ['a callback of its own', 'gc.is_tracked(w)'],
  callables: ['x = g', 'x = D', 'x = type(a)', 'type(a) is type(b)'],
  'more-cycles': ['a.me = a.get', 'a.me = outer(a)', 'l.append((l,))'],
  raising: ["ending: int('x')", "ending: l.remove('qq')", 'ending: 2.0 ** 10000', 'ending: del a.q', 'ending raised inside a function'],
  'slice-forms': ['x[-2:]', 'x[::2]', 'x[5:]', 'x[1:2]', 'slice assignment', 'del of a slice'],
  arithmetic: ['float arithmetic at run time', 'x // 2', 'x % 7', "b + b'x'", "'%s' % x", '-x', 'not x', 'float augmented assignment', 't += (1,)'],
  'builtin-calls': ['chr(97)', 'ord(s)', 'dict()', 'bytes(n)', 'bytes([n])', 'float(x)', 'int(x)', 'tuple() empty', 'list() empty', 'set(x)', 'frozenset(x)'],
  'more-methods': ['d.keys()', 'd.values()', 'd.items()', 'set algebra', 's.lstrip()', 's.title()', 's.capitalize()', 's.zfill(5)', "'{}-{}'.format()", 'b.decode()', 'n.bit_length()', "s.count('a')"],
  'chain-targets': ['a.other = x = value', 'l[0] = x = value'],
  'class-variety': ['class G(C)', 'class U(S)', "__slots__ with '__weakref__'", 'a.put(b)', 'x = a.n', 'class attributes of str and tuple'],
  'fstring-specs': ['f-string !a', 'f-string format spec'],
  'wide-boundaries': ['1024 or 1025', 'chr(255)', 'chr(256)', "b'\\x80'", "float('-0.0')"],
};

/**
 * Extensions that also make some of another's features (as the core's features.ts reads them: a
 * step in `x[::2]` reads as a reversed slice, `set()` as an empty set, S as a class with slots).
 * With the other switched off, these make them still; switched off for a gap, they need a look.
 */
export const ALSO_MADE_BY: Readonly<Partial<Record<Extension, readonly Extension[]>>> = {
  sets: ['raising', 'memory-reuse', 'builtin-calls', 'more-methods'],
  slices: ['slice-forms'],
  'reverse-slices': ['slice-forms'],
  scopes: ['callables', 'more-cycles', 'function-bodies'],
  classes: ['class-variety', 'more-cycles', 'memory-reuse', 'raising', 'instance-dicts'],
  'list-methods': ['raising', 'more-methods'],
  'wide-boundaries': ['builtin-calls'],
};
