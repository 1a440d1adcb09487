// More statements that raise on purpose, each with the exact exception it raises, and any ending
// raised from inside a function (`def boom(): <ending>` then `boom()`): the exception comes out of
// a frame of its own.
import type { Expr, Stmt } from '../../language/ast.ts';
import type { MoreEndingSpec } from './extendedPlan.ts';
import { hasDict, takesWeakref } from './classes.ts';
import { anyObject, isKind, type Heap, type SymObject } from './heap.ts';
import { assign, attr, binop, call, del, exprStmt, float, int, method, name, none, str } from './nodes.ts';

export function moreExpectedExceptions(ending: MoreEndingSpec): readonly string[] {
  switch (ending.kind) {
    case 'unhashable':
    case 'add-none':
    case 'weakref-unsupported':
    case 'not-callable':
      return ['TypeError'];
    case 'missing-attribute':
    case 'no-dict':
      return ['AttributeError'];
    // Deleting an attribute of a built-in type (`x = type(a)`) is a TypeError (type_setattro).
    case 'del-missing-attribute':
      return ['AttributeError', 'TypeError'];
    case 'bad-int':
    case 'remove-absent':
    case 'chr-range':
      return ['ValueError'];
    case 'overflow':
      return ['OverflowError'];
    case 'pop-empty':
      return [ending.what === 'list' ? 'IndexError' : 'KeyError'];
    case 'unbound-local':
      return ['UnboundLocalError'];
  }
}

/** Kinds that neither take a weak reference nor can be called. */
const NO_WEAKREF = isKind('int', 'str', 'bytes', 'bool', 'none', 'ellipsis', 'float', 'tuple', 'list', 'dict', 'object');
const NOT_CALLABLE = (o: SymObject): boolean => !isKind('function', 'method', 'class', 'weakref')(o);

/** The function an ending raises from, when it is raised inside one. */
export const BOOM = 'boom';

export function buildMoreEnding(ending: MoreEndingSpec, heap: Heap): Stmt[] {
  const raise = (e: Expr): Stmt[] => [exprStmt(e)];
  const pick = (p: number, fits: (o: SymObject) => boolean): string | null => heap.choose(p, fits);
  switch (ending.kind) {
    case 'unhashable': {
      const u = pick(ending.source, isKind('list', 'dict', 'set'));
      const x: Expr = u === null ? { kind: 'List', elts: [] } : name(u);
      return raise(ending.form === 'hash' ? call(name('hash'), x) : { kind: 'Set', elts: [x] });
    }
    case 'missing-attribute': {
      const a = pick(ending.source, anyObject);
      return raise(attr(a === null ? call(name('object')) : name(a), 'q'));
    }
    case 'del-missing-attribute': {
      // Half the time, of the built-in type of what is bound: a built-in type refuses with a
      // TypeError (type_setattro), any other object with an AttributeError.
      const builtin = ending.source % 2 === 0 ? pick(ending.source >> 1, isKind('int', 'str', 'float', 'bytes', 'tuple', 'list', 'dict', 'set')) : null;
      if (builtin !== null) return [del(attr(call(name('type'), name(builtin)), 'q'))];
      const a = pick(ending.source, anyObject);
      return a === null ? raise(attr(call(name('object')), 'q')) : [del(attr(name(a), 'q'))];
    }
    case 'bad-int':
      return raise(call(name('int'), str('x')));
    case 'remove-absent': {
      // No program makes the str 'qq', and nothing else equals it.
      const l = pick(ending.source, isKind('list'));
      return raise(method(l === null ? { kind: 'List', elts: [] } : name(l), 'remove', str('qq')));
    }
    case 'add-none': {
      const a = pick(ending.source, anyObject);
      return raise(binop(a === null ? int(1n) : name(a), '+', none));
    }
    case 'weakref-unsupported': {
      heap.uses.add('weakref');
      const a = pick(ending.source, (o) => NO_WEAKREF(o) || (o.kind === 'instance' && !takesWeakref(o)));
      return raise(call(attr(name('weakref'), 'ref'), a === null ? int(1n) : name(a)));
    }
    case 'overflow':
      return raise(binop(float(2.0), '**', int(10000n)));
    case 'chr-range':
      return raise(call(name('chr'), int(0x110000n)));
    case 'pop-empty':
      return raise(ending.what === 'list' ? method({ kind: 'List', elts: [] }, 'pop') : method({ kind: 'Dict', entries: [] }, 'popitem'));
    case 'not-callable': {
      const a = pick(ending.source, NOT_CALLABLE);
      return raise(a === null ? call(name('len'), int(1n)) : call(name(a)));
    }
    case 'no-dict': {
      const a = pick(ending.source, (o) => o.kind === 'instance' && !hasDict(o));
      if (a === null) heap.uses.add('S');
      return raise(attr(a === null ? call(name('S')) : name(a), '__dict__'));
    }
    case 'unbound-local':
      // `t` is assigned in the body, so it is a local there, read before it is bound.
      return [boomDef([assign([name('s')], name('t')), assign([name('t')], int(1n))]), exprStmt(call(name(BOOM)))];
  }
}

/** `def boom(): <body>`. */
export function boomDef(body: Stmt[]): Stmt {
  return { kind: 'FunctionDef', name: BOOM, params: [], body };
}
