// Turns an observation spec into an expression statement (SPEC section 2), or null when nothing
// bound fits it. Only values whose repr carries no address are observed as plain values.
import type { Expr, Mode, Stmt } from '../../language/ast.ts';
import type { ObservationSpec } from '../plan.ts';
import { anyObject, Heap, isKind, WEAKREF_NAMES, BASELINE_NAME, type SymObject } from './heap.ts';
import { attr, binop, call, compare, exprStmt, int, moduleCall, name, none, subscript } from './nodes.ts';

interface Observed {
  expr: Expr;
  /** False when the value may be None: then it is no observation and the prompt echoes nothing. */
  echoes: boolean;
}

export function buildObservation(spec: ObservationSpec, heap: Heap, mode: Mode): Stmt | null {
  const observed = observe(spec, heap, mode);
  if (observed === null) return null;
  if (observed.echoes) heap.echoed = true;
  return exprStmt(observed.expr);
}

const sure = (expr: Expr): Observed => ({ expr, echoes: true });

function observe(spec: ObservationSpec, heap: Heap, mode: Mode): Observed | null {
  switch (spec.kind) {
    case 'is':
    case 'id-eq':
    case 'eq': {
      const fits = spec.kind === 'eq' ? (o: SymObject) => !heap.cyclic(o) : anyObject;
      const a = heap.choose(spec.a, fits);
      const b = heap.choose(spec.b, fits);
      if (a === null || b === null) return null;
      if (spec.kind === 'is') return sure(compare(name(a), spec.negate ? 'is not' : 'is', name(b)));
      if (spec.kind === 'eq') return sure(compare(name(a), '==', name(b)));
      return sure(compare(call(name('id'), name(a)), '==', call(name('id'), name(b))));
    }
    case 'fresh-id': {
      const fresh = (): Expr => {
        if (spec.what === 'list') return { kind: 'List', elts: [] };
        if (spec.what === 'object') return call(name('object'));
        heap.uses.add('D');
        return call(name('D'));
      };
      return sure(compare(call(name('id'), fresh()), '==', call(name('id'), fresh())));
    }
    case 'refcount':
    case 'is-tracked':
    case 'type-name':
    case 'call-refcount':
    case 'probe': {
      const a = heap.choose(spec.a, anyObject);
      if (a === null) return null;
      if (spec.kind === 'refcount') {
        heap.uses.add('sys');
        return sure(moduleCall('sys', 'getrefcount', name(a)));
      }
      if (spec.kind === 'is-tracked') {
        heap.uses.add('gc');
        return sure(moduleCall('gc', 'is_tracked', name(a)));
      }
      if (spec.kind === 'type-name') return sure(attr(call(name('type'), name(a)), '__name__'));
      heap.uses.add('sys');
      if (spec.kind === 'call-refcount') {
        heap.uses.add('f');
        return sure(call(name('f'), name(a)));
      }
      // probe() returns None: what it observes, it observes inside its own body.
      heap.uses.add('probe');
      return { expr: call(name('probe'), name(a)), echoes: false };
    }
    case 'delta': {
      const of = heap.baselineOf;
      if (of === null) return null;
      heap.uses.add('sys');
      return sure(binop(moduleCall('sys', 'getrefcount', name(of)), '-', name(BASELINE_NAME)));
    }
    case 'weak-dead':
    case 'weak-is': {
      const w = heap.choose(spec.w, isKind('weakref'), WEAKREF_NAMES);
      if (w === null) return null;
      if (spec.kind === 'weak-dead') return sure(compare(call(name(w)), 'is', none));
      const a = heap.choose(spec.a, anyObject);
      return a === null ? null : sure(compare(call(name(w)), 'is', name(a)));
    }
    case 'collect':
      heap.uses.add('gc');
      return sure(moduleCall('gc', 'collect'));
    case 'log':
      heap.uses.add('log');
      return sure(name('log'));
    case 'len': {
      const a = heap.choose(spec.a, isKind('str', 'bytes', 'tuple', 'list', 'dict'));
      return a === null ? null : sure(call(name('len'), name(a)));
    }
    case 'hash': {
      const a = heap.choose(spec.a, isKind('int'));
      return a === null ? null : sure(call(name('hash'), name(a)));
    }
    case 'value': {
      const a = heap.choose(spec.a, (o) => heap.printable(o));
      return a === null ? null : { expr: name(a), echoes: heap.objectOf(a).kind !== 'none' };
    }
    case 'item': {
      const a = heap.choose(spec.a, (o) => firstItemPrintable(heap, o));
      if (a === null) return null;
      const obj = heap.objectOf(a);
      const first = obj.kind === 'list' || obj.kind === 'tuple' ? heap.get(obj.items[0]!) : obj;
      return { expr: subscript(name(a), int(0n)), echoes: first.kind !== 'none' };
    }
    case 'underscore':
      return mode === 'repl' && heap.echoed ? sure(name('_')) : null;
  }
}

/** `x[0]` is safe and address-free: a non-empty str or bytes, or a sequence whose first item prints. */
function firstItemPrintable(heap: Heap, obj: SymObject): boolean {
  if (obj.kind === 'str' || obj.kind === 'bytes') return (obj.len ?? 0) > 0;
  if (obj.kind !== 'list' && obj.kind !== 'tuple') return false;
  const first = obj.items[0];
  return first !== undefined && heap.printable(heap.get(first));
}
