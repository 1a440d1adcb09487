// Constant folding: which expressions CPython's compiler turns into one constant before the
// program runs. Source: Python/ast_opt.c (3.8-3.13: fold_unaryop, fold_binop with safe_multiply,
// safe_power, safe_mod and the limits MAX_INT_SIZE 128 bits, MAX_COLLECTION_SIZE 256,
// MAX_STR_SIZE 4096; fold_tuple; fold_subscr). A folding that would raise is not folded: the
// error happens at run time instead.
import type { BinOp, Expr } from '../../language/ast.ts';
import { numBinOp, numNeg, type Num } from '../numbers.ts';
import { PyException } from '../runtime.ts';

export type ConstVal =
  | { t: 'int'; v: bigint }
  | { t: 'float'; v: number }
  | { t: 'str'; v: string }
  | { t: 'bytes'; v: string }
  | { t: 'bool'; v: boolean }
  | { t: 'none' }
  | { t: 'ellipsis' }
  | { t: 'tuple'; items: ConstVal[] }
  | { t: 'frozenset'; items: ConstVal[] };

const MAX_INT_SIZE = 128n;
const MAX_COLLECTION_SIZE = 256n;
const MAX_STR_SIZE = 4096n;
const MAX_TOTAL_ITEMS = 1024n;

export const pyLen = (s: string): number => [...s].length;

function bitLength(v: bigint): bigint {
  return BigInt((v < 0n ? -v : v).toString(2).length) - (v === 0n ? 1n : 0n);
}

function asNum(c: ConstVal): Num | null {
  if (c.t === 'int') return { t: 'int', v: c.v };
  if (c.t === 'bool') return { t: 'int', v: c.v ? 1n : 0n };
  if (c.t === 'float') return { t: 'float', v: c.v };
  return null;
}

function fromNum(n: Num): ConstVal {
  return n.t === 'int' ? { t: 'int', v: n.v } : { t: 'float', v: n.v };
}

function totalItems(c: ConstVal): bigint {
  if (c.t !== 'tuple' && c.t !== 'frozenset') return 0n;
  return c.items.reduce((n, i) => n + 1n + totalItems(i), 0n);
}

/** Python truthiness of a constant. */
export function constTruthy(c: ConstVal): boolean {
  switch (c.t) {
    case 'int': return c.v !== 0n;
    case 'float': return c.v !== 0;
    case 'str':
    case 'bytes': return c.v.length > 0;
    case 'bool': return c.v;
    case 'none': return false;
    case 'ellipsis': return true;
    case 'tuple':
    case 'frozenset': return c.items.length > 0;
  }
}

function repeat(c: ConstVal, n: bigint): ConstVal | null {
  const count = n < 0n ? 0 : Number(n);
  if (c.t === 'str' || c.t === 'bytes') {
    const size = BigInt(pyLen(c.v));
    if (size && n > MAX_STR_SIZE / size) return null;
    return { t: c.t, v: c.v.repeat(count) };
  }
  if (c.t === 'tuple') {
    const size = BigInt(c.items.length);
    if (size && (n > MAX_COLLECTION_SIZE / size || totalItems(c) * n > MAX_TOTAL_ITEMS)) return null;
    return { t: 'tuple', items: Array.from({ length: count }, () => c.items).flat() };
  }
  return null;
}

function foldBinOp(op: BinOp, l: ConstVal, r: ConstVal): ConstVal | null {
  const a = asNum(l);
  const b = asNum(r);
  if (a && b) {
    if (op === '*' && a.t === 'int' && b.t === 'int' && a.v !== 0n && b.v !== 0n &&
        bitLength(a.v) + bitLength(b.v) > MAX_INT_SIZE) return null;
    if (op === '**' && a.t === 'int' && b.t === 'int' && a.v !== 0n && b.v > 0n &&
        bitLength(a.v) > MAX_INT_SIZE / b.v) return null;
    try {
      return fromNum(numBinOp(op, a, b));
    } catch (e) {
      if (e instanceof PyException) return null;
      throw e;
    }
  }
  if (op === '+') {
    if ((l.t === 'str' && r.t === 'str') || (l.t === 'bytes' && r.t === 'bytes')) return { t: l.t, v: l.v + r.v };
    if (l.t === 'tuple' && r.t === 'tuple') return { t: 'tuple', items: [...l.items, ...r.items] };
    return null;
  }
  if (op === '*') {
    if (b && b.t === 'int') return repeat(l, b.v);
    if (a && a.t === 'int') return repeat(r, a.v);
  }
  // '%' on str/bytes is formatting, never folded (safe_mod); other mixes raise TypeError.
  return null;
}

function foldSubscript(v: ConstVal, i: ConstVal): ConstVal | null {
  const n = asNum(i);
  if (!n || n.t !== 'int') return null;
  let seq: ConstVal[] | string[];
  if (v.t === 'str') seq = [...v.v];
  else if (v.t === 'bytes') seq = [...v.v];
  else if (v.t === 'tuple') seq = v.items;
  else return null;
  let k = n.v < 0n ? n.v + BigInt(seq.length) : n.v;
  if (k < 0n || k >= BigInt(seq.length)) return null;
  const item = seq[Number(k)];
  if (v.t === 'str') return { t: 'str', v: item as string };
  if (v.t === 'bytes') return { t: 'int', v: BigInt((item as string).charCodeAt(0)) };
  return item as ConstVal;
}

/**
 * The constant an expression folds to, or null when it is computed at run time.
 * `memo` keeps each node's answer, so that the compiler and the interpreter agree on it.
 */
export function foldConstant(e: Expr, memo: Map<Expr, ConstVal | null>): ConstVal | null {
  if (memo.has(e)) return memo.get(e) ?? null;
  const c = fold(e, memo);
  memo.set(e, c);
  return c;
}

function fold(e: Expr, memo: Map<Expr, ConstVal | null>): ConstVal | null {
  switch (e.kind) {
    case 'Int': return { t: 'int', v: e.value };
    case 'Float': return { t: 'float', v: e.value };
    case 'Str': return { t: 'str', v: e.value };
    case 'Bytes': return { t: 'bytes', v: e.value };
    case 'Bool': return { t: 'bool', v: e.value };
    case 'None': return { t: 'none' };
    case 'Ellipsis': return { t: 'ellipsis' };
    case 'FString':
      // An f-string without fields is a plain str constant (the parser joins it).
      return e.parts.every((p) => typeof p === 'string') ? { t: 'str', v: (e.parts as string[]).join('') } : null;
    case 'Tuple': {
      const items = e.elts.map((x) => foldConstant(x, memo));
      return items.every((x): x is ConstVal => x !== null) ? { t: 'tuple', items } : null;
    }
    case 'UnaryOp': {
      const v = foldConstant(e.operand, memo);
      if (!v) return null;
      if (e.op === 'not') return { t: 'bool', v: !constTruthy(v) };
      const n = asNum(v);
      return n ? fromNum(numNeg(n)) : null;
    }
    case 'BinOp': {
      const l = foldConstant(e.left, memo);
      const r = foldConstant(e.right, memo);
      return l && r ? foldBinOp(e.op, l, r) : null;
    }
    case 'Subscript': {
      const v = foldConstant(e.value, memo);
      if (e.index.kind === 'Slice') {
        foldChildren(e.index, memo);
        return null;
      }
      const i = foldConstant(e.index, memo);
      return v && i ? foldSubscript(v, i) : null;
    }
    default:
      foldChildren(e, memo);
      return null;
  }
}

function foldChildren(e: Expr, memo: Map<Expr, ConstVal | null>): void {
  switch (e.kind) {
    case 'List':
    case 'Set': for (const x of e.elts) foldConstant(x, memo); break;
    case 'Dict': for (const { key, value } of e.entries) { foldConstant(key, memo); foldConstant(value, memo); } break;
    case 'Attribute': foldConstant(e.value, memo); break;
    case 'Slice': for (const x of [e.lower, e.upper, e.step]) if (x) foldConstant(x, memo); break;
    case 'Compare': foldConstant(e.left, memo); for (const x of e.comparators) foldConstant(x, memo); break;
    case 'Call': foldConstant(e.func, memo); for (const x of e.args) foldConstant(x, memo); break;
    case 'FString':
      for (const p of e.parts) if (typeof p !== 'string') foldConstant(p.value, memo);
      break;
    default: break;
  }
}
