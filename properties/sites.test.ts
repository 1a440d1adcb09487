import { describe, expect, it } from 'vitest';
import type { Mode } from '../language/ast.ts';
import { parseProgram } from '../language/parse.ts';
import { observationSites } from './sites.ts';

const lines = (source: string, mode: Mode = 'module') => observationSites(parseProgram(source, { mode })).map((s) => s.loc?.line ?? null);

describe('observationSites', () => {
  it('maps each observing statement to its line', () => {
    expect(lines('import sys\na = 257\nsys.getrefcount(a)\na is a\ntype(a).__name__\n')).toEqual([3, 4, 5]);
  });

  it('knows that a None-returning method call observes nothing', () => {
    expect(lines('l = []\nl.append(1)\nlen(l)\n')).toEqual([3]);
    expect(lines('s = set()\ns.add(1)\ns.discard(2)\nlen(s)\n')).toEqual([4]);
  });

  it('stops at a statement that may or may not observe (a bare name may be None)', () => {
    expect(lines('a = 1\na is a\na\na is a\n')).toEqual([2]);
  });

  it('stops where a function that observes may run, except in repl mode where bodies never observe', () => {
    const src = 'import sys\ndef probe(p):\n    sys.getrefcount(p)\na = 1\na is a\nb = probe(a)\na is a\n';
    expect(lines(src, 'module')).toEqual([5]);
    expect(lines(src, 'function')).toEqual([5]);
    expect(lines(src, 'repl')).toEqual([5, 7]);
  });

  it('stops at once when a method observes: any statement may run a finalizer', () => {
    expect(lines('class C:\n    def __del__(self):\n        1 + 1\na = C()\na is a\n')).toEqual([]);
  });

  it('an item of a list display at a literal index is that item; another subscript may be None', () => {
    expect(lines('import sys\nr = sys.getrefcount(256)\n[256, 256, sys.getrefcount(256) - r][2]\n[None][0]\n1 is 1\n')).toEqual([3]);
    expect(lines('l = [1]\nl[0]\n1 is 1\n')).toEqual([]);
    expect(lines('[1, 2][5]\n1 is 1\n')).toEqual([]);
  });

  it('counts _ at the prompt as one observation', () => {
    expect(lines('1 + 1\n_\n', 'repl')).toEqual([1, 2]);
  });
});
