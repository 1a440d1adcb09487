import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { CaseLanguageError } from './errors.ts';
import { parseProgram } from './parse.ts';
import { renderProgram } from './render.ts';

// Mutants of valid programs (tokens inserted, deleted, replaced) probe the promise that whatever the
// parser accepts CPython compiles, and means what the parser understood: CPython's AST of the source
// equals its AST of the rendering. A fixed seed keeps every run the same.
const SEEDS = [
  'import sys\nx = [1, 2]\nsys.getrefcount(x)\n',
  'class C:\n    __slots__ = ("a",)\n    k = 1\n    def __init__(self, a):\n        self.a = a\nc = C(1)\nc.a\n',
  'def f(a, b=1):\n    global g\n    g = a\n    return a, b\nf(1)\n',
  "x = f'a{b!r:>{w}}c' 'd' + \"e\\x41\\n\" + b'\\xff'\n",
  'x = -5 ** 2 + (a - b) * c // d % e\ny = a < b <= c is not d\nz = x[1:2], x[::3], x[()]\n',
  'd = {1: 2}; s = {1}; t = (1,); l = []\nl.append(d.get(1))\ndel d[1], l[0:]\n',
  'x = 0x1f + 1_000 + 1.5e-3 + .5 + 1e999\ny = not x == 3\n',
  "x = f'{\"q\"}' + f\"{'q'}\" + f'''{'a'}{\"b\"}''' + f'{f\"{y}\"}' + f'\\x41{z:\\x3e5}'\n",
];
const TOKENS = [
  ' ', '\n', '    ', '(', ')', '[', ']', '{', '}', ':', ',', ';', '.', '=', '+', '-', '*', '/', '%', '**', '//', '<',
  '>', '!', 'not ', ' in ', ' is ', 'x', '1', '0', '_', '"', "'", 'f"', "f'", 'b"', 'r', '\\', '#', 'def ',
  'class ', 'return ', 'global ', 'del ', 'import ', 'sys', 'pass', '__', 'e', 'j', '{{', '}}', '!r', '\t',
  '...', 'None', '\\n', '\\x4', 'é', '2', 'self', '__dict__', 'object', 'append', '.x',
];
const MUTANTS = 6000;

function mutants(): string[] {
  let state = 20240601;
  const rand = (n: number) => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return (state >>> 8) % n;
  };
  const out: string[] = [];
  for (let i = 0; i < MUTANTS; i++) {
    let src = SEEDS[rand(SEEDS.length)];
    for (let k = 1 + rand(3); k > 0; k--) {
      const at = rand(src.length + 1);
      const op = rand(3);
      const token = TOKENS[rand(TOKENS.length)];
      if (op === 0) src = src.slice(0, at) + token + src.slice(at);
      else if (op === 1) src = src.slice(0, at) + src.slice(at + 1 + rand(3));
      else src = src.slice(0, at) + token + src.slice(at + 1);
    }
    out.push(src);
  }
  return out;
}

const CHECK = String.raw`
import ast, json, sys, warnings
warnings.simplefilter('ignore')
bad = []
for source, rendered in json.load(sys.stdin):
    try:
        same = ast.dump(ast.parse(source)).replace(", kind='u'", '') == ast.dump(ast.parse(rendered))
        if not same:
            bad.append([source, rendered, 'parses differently'])
    except SyntaxError as e:
        bad.append([source, rendered, repr(e)])
print(json.dumps(bad))
`;

describe('mutated programs', () => {
  it('are rejected with a CaseLanguageError, or compile in CPython and mean what the parser read', () => {
    const accepted: [string, string][] = [];
    for (const src of mutants()) {
      try {
        accepted.push([src, renderProgram(parseProgram(src))]);
      } catch (e) {
        if (!(e instanceof CaseLanguageError)) throw new Error(`${JSON.stringify(src)}: ${(e as Error).stack}`);
      }
    }
    // The mutants must exercise both sides.
    expect(accepted.length).toBeGreaterThan(MUTANTS / 20);
    expect(accepted.length).toBeLessThan(MUTANTS / 2);
    const out = execFileSync('python3', ['-c', CHECK], { input: JSON.stringify(accepted), encoding: 'utf8', maxBuffer: 1 << 26 });
    expect(JSON.parse(out)).toEqual([]);
  });
});
