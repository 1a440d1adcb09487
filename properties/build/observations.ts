// Turns an observation spec into an expression statement (SPEC section 2), or null when nothing
// bound fits it. Only values whose repr carries no address are observed as plain values.
import type { CmpOp, Expr, Mode, Stmt } from '../../language/ast.ts';
import type { CompareOp, ObservationSpec } from './extendedPlan.ts';
import { hasGet, useGet } from './callValues.ts';
import { isMoreObservation, observeMore } from './moreObservations.ts';
import { compareOperands } from './comparisons.ts';
import { sliceExpr, sliceOf } from './derived.ts';
import { anyObject, Heap, isKind, surelyOwn, WEAKREF_NAMES, BASELINE_NAME, type ObjKind, type SymObject } from './heap.ts';
import { attr, call, compare, exprStmt, int, method, moduleCall, name, none, str, subscript } from './nodes.ts';

interface Observed {
  expr: Expr;
  /**
   * What the expression evaluates to (in repl mode `_` refers to it afterwards), or null when it
   * may be None: then it is no observation and the prompt echoes nothing.
   */
  result: SymObject | null;
}

export function buildObservation(spec: ObservationSpec, heap: Heap, mode: Mode): Stmt | null {
  const observed = observe(spec, heap, mode);
  if (observed === null) return null;
  // Inside a function body nothing is echoed: `_` keeps what the prompt echoed last.
  if (observed.result !== null && !heap.inFunction) heap.echo(observed.result);
  return exprStmt(observed.expr);
}

/** An observation whose value is a new object of a kind (a bool, an int, a str). */
const fresh = (heap: Heap, kind: ObjKind) => (expr: Expr): Observed => ({ expr, result: heap.create(kind) });

function observe(spec: ObservationSpec, heap: Heap, mode: Mode): Observed | null {
  if (isMoreObservation(spec)) return observeMore(spec, heap);
  const bool = fresh(heap, 'bool');
  const integer = fresh(heap, 'int');
  switch (spec.kind) {
    case 'is':
    case 'id-eq':
    case 'eq': {
      const fits = spec.kind === 'eq' ? (o: SymObject) => !heap.cyclic(o) : anyObject;
      const a = heap.choose(spec.a, fits);
      const b = heap.choose(spec.b, fits);
      if (a === null || b === null) return null;
      if (spec.kind === 'is') return bool(compare(name(a), spec.negate ? 'is not' : 'is', name(b)));
      if (spec.kind === 'eq') return bool(compare(name(a), '==', name(b)));
      return bool(compare(call(name('id'), name(a)), '==', call(name('id'), name(b))));
    }
    case 'fresh-id': {
      const make = (): Expr => {
        if (spec.what === 'list') return { kind: 'List', elts: [] };
        if (spec.what === 'object') return call(name('object'));
        heap.uses.add('D');
        return call(name('D'));
      };
      return bool(compare(call(name('id'), make()), '==', call(name('id'), make())));
    }
    case 'refcount':
    case 'is-tracked':
    case 'type-name':
    case 'call-refcount':
    case 'probe':
    case 'bool': {
      // Three times in four an absolute count observes an object the program surely owns (or
      // nothing): a shared object's count is the whole interpreter's (see surelyOwn).
      const counted = spec.kind === 'refcount' || spec.kind === 'call-refcount' || spec.kind === 'probe';
      const preferOwn = counted && spec.a % 4 !== 0;
      const own = preferOwn ? heap.choose(spec.a >> 2, surelyOwn) : null;
      // Preferring an own object and having none: no count this time.
      if (preferOwn && own === null) return null;
      const a = own ?? heap.choose(spec.a, anyObject);
      if (a === null) return null;
      if (spec.kind === 'refcount') {
        heap.uses.add('sys');
        return integer(moduleCall('sys', 'getrefcount', name(a)));
      }
      if (spec.kind === 'is-tracked') {
        heap.uses.add('gc');
        return bool(moduleCall('gc', 'is_tracked', name(a)));
      }
      if (spec.kind === 'bool') return bool(call(name('bool'), name(a)));
      if (spec.kind === 'type-name') return { expr: attr(call(name('type'), name(a)), '__name__'), result: heap.str() };
      heap.uses.add('sys');
      if (spec.kind === 'call-refcount') {
        heap.uses.add('f');
        return integer(call(name('f'), name(a)));
      }
      // probe() returns None: what it observes, it observes inside its own body.
      heap.uses.add('probe');
      return { expr: call(name('probe'), name(a)), result: null };
    }
    case 'delta': {
      const of = heap.baselineOf;
      if (of === null) return null;
      heap.uses.add('sys');
      return integer({ kind: 'BinOp', op: '-', left: moduleCall('sys', 'getrefcount', name(of)), right: name(BASELINE_NAME) });
    }
    case 'weak-dead':
    case 'weak-is': {
      const w = heap.choose(spec.w, isKind('weakref'), WEAKREF_NAMES);
      if (w === null) return null;
      if (spec.kind === 'weak-dead') return bool(compare(call(name(w)), 'is', none));
      const a = heap.choose(spec.a, anyObject);
      return a === null ? null : bool(compare(call(name(w)), 'is', name(a)));
    }
    case 'collect':
      heap.uses.add('gc');
      return integer(moduleCall('gc', 'collect'));
    case 'log':
      heap.uses.add('log');
      return { expr: name('log'), result: heap.create('list') };
    case 'len': {
      const a = heap.choose(spec.a, isKind('str', 'bytes', 'tuple', 'list', 'dict', 'set', 'frozenset'));
      return a === null ? null : integer(call(name('len'), name(a)));
    }
    case 'hash':
    case 'hash-of': {
      const a = heap.choose(spec.a, isKind(spec.kind === 'hash' ? 'int' : spec.what));
      return a === null ? null : integer(call(name('hash'), name(a)));
    }
    case 'repr': {
      const a = heap.choose(spec.a, (o) => heap.printable(o));
      return a === null ? null : { expr: call(name('repr'), name(a)), result: heap.str() };
    }
    case 'value': {
      const a = heap.choose(spec.a, (o) => heap.printable(o));
      if (a === null) return null;
      const obj = heap.objectOf(a);
      return { expr: name(a), result: obj.kind === 'none' ? null : obj };
    }
    case 'item': {
      const a = heap.choose(spec.a, (o) => firstItemPrintable(heap, o));
      if (a === null) return null;
      const obj = heap.objectOf(a);
      const first = obj.kind === 'list' || obj.kind === 'tuple' ? heap.get(obj.items[0]!) : heap.create(obj.kind === 'str' ? 'str' : 'int');
      return { expr: subscript(name(a), int(0n)), result: first.kind === 'none' ? null : first };
    }
    case 'slice-is':
    case 'slice-value': {
      const a = heap.choose(spec.a, (o) => isKind('list', 'tuple', 'str')(o) && (spec.kind === 'slice-is' || heap.printable(o)));
      if (a === null) return null;
      const sliced = subscript(name(a), sliceExpr(spec.form));
      if (spec.kind === 'slice-is') return bool(compare(sliced, 'is', name(a)));
      return { expr: sliced, result: sliceOf(heap, heap.objectOf(a), spec.form) };
    }
    case 'str-query': {
      const a = heap.choose(spec.a, isKind('str'));
      if (a === null) return null;
      return (spec.method === 'find' ? integer : bool)(method(name(a), spec.method, str('a')));
    }
    case 'count': {
      const a = heap.choose(spec.a, (o) => o.kind === 'list' && !heap.cyclic(o));
      const b = heap.choose(spec.b, (o) => !heap.cyclic(o));
      return a === null || b === null ? null : integer(method(name(a), 'count', name(b)));
    }
    case 'method-call': {
      const a = heap.choose(spec.a, (o) => o.kind === 'method' || hasGet(o));
      if (a === null) return null;
      useGet(heap);
      return integer(heap.objectOf(a).kind === 'method' ? call(name(a)) : method(name(a), 'get'));
    }
    case 'compare':
    case 'compare-chain': {
      const ops: CompareOp[] = spec.kind === 'compare' ? [spec.op] : spec.ops;
      const picks = spec.kind === 'compare' ? [spec.a, spec.b] : [spec.a, spec.b, spec.c];
      const names = compareOperands(heap, ops, picks);
      if (names === null) return null;
      return bool({ kind: 'Compare', left: name(names[0]!), ops: ops as CmpOp[], comparators: names.slice(1).map(name) });
    }
    case 'underscore': {
      // What `_` refers to printed when echoed; it may have come to hold an instance since.
      if (mode !== 'repl' || heap.underscore === null) return null;
      const last = heap.get(heap.underscore);
      return heap.printable(last) ? { expr: name('_'), result: last } : null;
    }
    case 'underscore-is': {
      if (mode !== 'repl' || heap.underscore === null) return null;
      const a = heap.choose(spec.a, anyObject);
      return a === null ? null : bool(compare(name('_'), 'is', name(a)));
    }
    case 'underscore-refcount':
      // `_` is often what a count or a comparison echoed: a small int or a bool, whose count is
      // the whole interpreter's (see surelyOwn); only the program's own objects are counted.
      if (mode !== 'repl' || heap.underscore === null || !surelyOwn(heap.get(heap.underscore))) return null;
      heap.uses.add('sys');
      return integer(moduleCall('sys', 'getrefcount', name('_')));
  }
}

/** `x[0]` is safe and address-free: a non-empty str or bytes, or a sequence whose first item prints. */
function firstItemPrintable(heap: Heap, obj: SymObject): boolean {
  if (obj.kind === 'str' || obj.kind === 'bytes') return (obj.len ?? 0) > 0;
  if (obj.kind !== 'list' && obj.kind !== 'tuple') return false;
  const first = obj.items[0];
  return first !== undefined && heap.printable(heap.get(first));
}
