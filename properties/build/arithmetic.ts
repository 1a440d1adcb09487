// Arithmetic made at run time beyond the core's `x + 1`: floats (their free list), `//`, `%`,
// `**`, concatenation and repetition of sequences (`t * 0` is the empty tuple, `t * 1` the tuple
// itself), `'%s' % x`, and the unary operators.
import type { Expr } from '../../language/ast.ts';
import type { ArithForm, Pick } from './extendedPlan.ts';
import { anyObject, isKind, type Heap, type SymObject } from './heap.ts';
import { binop, bytes, float, int, name, str } from './nodes.ts';
import type { Built } from './values.ts';

const numeric = isKind('int', 'float', 'bool');

/** What each form applies to. */
function operandFits(form: ArithForm, heap: Heap): (o: SymObject) => boolean {
  switch (form) {
    case 'float-add':
    case 'float-mul':
    case 'float-sub':
    case 'neg':
      return numeric;
    case 'floordiv':
    case 'mod':
    case 'pow':
      return isKind('int');
    case 'concat':
      return isKind('tuple', 'list');
    case 'bytes-concat':
      return isKind('bytes');
    case 'repeat-0':
    case 'repeat-1':
    case 'repeat-2':
      return isKind('tuple', 'list', 'str', 'bytes');
    case 'percent':
      // Its text may be observed later: nothing whose repr carries an address.
      return (o) => heap.printable(o);
    case 'not':
      return anyObject;
  }
}

export function arith(form: ArithForm, pick: Pick, otherPick: Pick, heap: Heap): Built | null {
  const src = heap.choose(pick, operandFits(form, heap));
  if (src === null) return null;
  const x = name(src);
  const obj = heap.objectOf(src);
  const made = (expr: Expr, result: SymObject): Built => ({ expr, obj: result });
  switch (form) {
    case 'float-add':
      return made(binop(x, '+', float(0.5)), heap.create('float'));
    case 'float-mul':
      return made(binop(x, '*', float(2.0)), heap.create('float'));
    case 'float-sub':
      return made(binop(x, '-', float(1.5)), heap.create('float'));
    case 'floordiv':
      return made(binop(x, '//', int(2n)), heap.create('int'));
    case 'mod':
      return made(binop(x, '%', int(7n)), heap.create('int'));
    case 'pow':
      return made(binop(x, '**', int(2n)), heap.create('int'));
    case 'concat':
    case 'bytes-concat':
      return concat(src, obj, heap);
    case 'repeat-0':
    case 'repeat-1':
    case 'repeat-2':
      return repeat(x, obj, form === 'repeat-0' ? 0 : form === 'repeat-1' ? 1 : 2, heap);
    case 'percent': {
      const other = heap.choose(otherPick, (o) => heap.printable(o));
      // A tuple on the right is the argument list itself: it goes inside a tuple of one.
      const one = (n: string): Expr => (heap.objectOf(n).kind === 'tuple' ? { kind: 'Tuple', elts: [name(n)] } : name(n));
      if (other === null || other === src) return made(binop(str('%s'), '%', one(src)), heap.str());
      return made(binop(str('%s-%s'), '%', { kind: 'Tuple', elts: [x, name(other)] }), heap.str());
    }
    case 'neg':
      return made({ kind: 'UnaryOp', op: '-', operand: x }, heap.create(obj.kind === 'float' ? 'float' : 'int'));
    case 'not':
      return made({ kind: 'UnaryOp', op: 'not', operand: x }, heap.create('bool'));
  }
}

function concat(src: string, obj: SymObject, heap: Heap): Built {
  const x = name(src);
  if (obj.kind === 'tuple') {
    const items = [...obj.items, heap.create('int').id];
    return { expr: binop(x, '+', { kind: 'Tuple', elts: [int(1n)] }), obj: heap.create('tuple', { items, len: items.length }) };
  }
  if (obj.kind === 'list') {
    const items = [...obj.items, ...obj.items];
    return { expr: binop(x, '+', x), obj: heap.create('list', { items, len: items.length }) };
  }
  const text = obj.text === undefined ? undefined : `${obj.text}x`;
  return { expr: binop(x, '+', bytes('x')), obj: heap.create('bytes', { text, len: obj.len === undefined ? undefined : obj.len + 1 }) };
}

function repeat(x: Expr, obj: SymObject, times: number, heap: Heap): Built {
  const expr = binop(x, '*', int(BigInt(times)));
  if (obj.kind === 'str') return { expr, obj: heap.str(obj.text?.repeat(times), obj.len === undefined ? undefined : obj.len * times) };
  if (obj.kind === 'bytes') {
    return { expr, obj: heap.create('bytes', { text: obj.text?.repeat(times), len: obj.len === undefined ? undefined : obj.len * times }) };
  }
  const items = Array.from({ length: times }, () => obj.items).flat();
  return { expr, obj: heap.create(obj.kind, { items, len: items.length }) };
}
