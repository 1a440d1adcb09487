// Observations of the text formatting makes: `%` (Objects/unicodeobject.c PyUnicode_Format) and
// `str.format` (Objects/stringlib/unicode_format.h, Python/formatter_unicode.c) with conversions,
// fill, alignment, widths and field numbers, of the objects a program has bound; and whether the
// result is the operand itself (a str written whole). Each form goes only to objects it formats
// without raising, and whose text carries no address.
import type { Expr } from '../../language/ast.ts';
import type { FormatForm, Pick, PrintfForm } from './extendedPlan.ts';
import { isKind, type Heap, type SymObject } from './heap.ts';
import { binop, compare, method, name, str } from './nodes.ts';

const tuple = (...elts: Expr[]): Expr => ({ kind: 'Tuple', elts });

/** Which `%` forms an object takes: `%d` only ints, a lone mapping argument only these three. */
function printfForms(o: SymObject): PrintfForm[] {
  return [
    'text', 'same',
    ...(isKind('int', 'bool')(o) ? ['int-d' as const] : []),
    ...(isKind('dict', 'list', 'bytes')(o) ? ['mapping' as const] : []),
  ];
}

function printfForm(form: PrintfForm, x: Expr): Expr {
  switch (form) {
    case 'text':
      return binop(str('%r|%s%%'), '%', tuple(x, x));
    case 'same':
      return compare(binop(str('%s'), '%', tuple(x)), 'is', x);
    case 'int-d':
      return binop(str('%d'), '%', x);
    case 'mapping':
      return binop(str('abc'), '%', x);
  }
}

/**
 * Every `%` form a bound object takes, in one tuple: `('%r|%s%%' % (a, a), ('%s' % (a,)) is a)`,
 * with `'%d' % a` for an int, `'abc' % a` for a dict, list or bytes; null when nothing is bound.
 */
export function printfTexts(pick: Pick, heap: Heap): Expr | null {
  const a = heap.choose(pick, (o) => heap.printable(o));
  if (a === null) return null;
  return tuple(...printfForms(heap.objectOf(a)).map((f) => printfForm(f, name(a))));
}

/** Which specs an object takes: object.__format__ refuses any spec (TypeError), so only fields. */
function formatForms(o: SymObject): FormatForm[] {
  return [
    'fields',
    ...(isKind('int', 'float', 'str', 'bool')(o) ? ['aligned' as const] : []),
    ...(isKind('str')(o) ? ['str-precision' as const, 'same-width' as const] : []),
    ...(isKind('int', 'float', 'bool')(o) ? ['sign-aware' as const] : []),
  ];
}

const SPECS: Readonly<Record<FormatForm, string>> = {
  aligned: '{:>6}|{:<6}|{:*^9}',
  // A field's conversion comes before its spec: the repr, then centred as a str.
  fields: '{0}{0}|{1}-{0}|{0!r:*^9}',
  'str-precision': '{:.2}',
  'same-width': '{:3}',
  'sign-aware': '{:=8}',
};

function formatForm(form: FormatForm, a: Expr, b: Expr): Expr {
  const template = str(SPECS[form]);
  switch (form) {
    case 'same-width':
      return compare(method(template, 'format', a), 'is', a);
    case 'aligned':
      return method(template, 'format', a, a, a);
    case 'fields':
      return method(template, 'format', a, b);
    default:
      return method(template, 'format', a);
  }
}

/**
 * Every `str.format` form a bound object takes, in one tuple: `'{0}{0}|{1}-{0}|{0!r:*^9}'.format(a, b)`,
 * fill and alignment for numbers and strs, precision and `'{:3}'.format(s) is s` for strs, `'{:=8}'`
 * for numbers; null when nothing is bound.
 */
export function formatTexts(pick: Pick, otherPick: Pick, heap: Heap): Expr | null {
  const a = heap.choose(pick, (o) => heap.printable(o));
  if (a === null) return null;
  const b = heap.choose(otherPick, (o) => heap.printable(o)) ?? a;
  return tuple(...formatForms(heap.objectOf(a)).map((f) => formatForm(f, name(a), name(b))));
}
