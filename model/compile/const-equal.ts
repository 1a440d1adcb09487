// Python's == between two constants of one display, as set_add_entry uses it (Objects/setobject.c):
// 1, 1.0 and True are equal, so a constant set display keeps the first of them and the others
// never become constants of the code object (Python/compile.c builds the frozenset from the
// syntax tree's constants before merge_consts_recursive sees it). Null where the model does not
// know: a NaN, which equals itself only by identity.
import { numCompare, type Num } from '../numbers.ts';
import type { ConstVal } from './fold.ts';

function num(c: ConstVal): Num | null {
  if (c.t === 'int') return { t: 'int', v: c.v };
  if (c.t === 'bool') return { t: 'int', v: c.v ? 1n : 0n };
  if (c.t === 'float') return { t: 'float', v: c.v };
  return null;
}

export function constEquals(a: ConstVal, b: ConstVal): boolean | null {
  const x = num(a);
  const y = num(b);
  if (x && y) {
    const c = numCompare(x, y);
    return Number.isNaN(c) ? null : c === 0;
  }
  if (x || y) return false;
  switch (a.t) {
    case 'str':
    case 'bytes': return a.t === b.t && a.v === b.v;
    case 'none':
    case 'ellipsis': return a.t === b.t;
    case 'tuple': {
      if (b.t !== 'tuple' || a.items.length !== b.items.length) return false;
      let unknown = false;
      for (let i = 0; i < a.items.length; i++) {
        const e = constEquals(a.items[i], b.items[i]);
        if (e === false) return false;
        if (e === null) unknown = true;
      }
      return unknown ? null : true;
    }
    case 'frozenset': {
      if (b.t !== 'frozenset') return false;
      const p = distinctConsts(a.items);
      const q = distinctConsts(b.items);
      if (p === null || q === null) return null;
      if (p.length !== q.length) return false;
      let unknown = false;
      for (const i of p) {
        const hits = q.map((j) => constEquals(i, j));
        if (hits.includes(true)) continue;
        if (hits.includes(null)) unknown = true;
        else return false;
      }
      return unknown ? null : true;
    }
    default: return false;
  }
}

/** The items a set built from `items` in order keeps: the first of each group of equal ones. */
export function distinctConsts(items: ConstVal[]): ConstVal[] | null {
  const kept: ConstVal[] = [];
  for (const i of items) {
    const hits = kept.map((k) => constEquals(k, i));
    if (hits.includes(true)) continue;
    if (hits.includes(null)) return null;
    kept.push(i);
  }
  return kept;
}
