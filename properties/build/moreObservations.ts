// The observations the extensions add (see extendedPlan.ts): collections of one generation, memory
// reused by the free lists, a kept address, an instance's `__dict__`, what R's finalizer kept, weak
// references as objects, types, unary operators, more slices, more queries.
import type { Expr } from '../../language/ast.ts';
import type { FreshKind, MoreObservationSpec, ObservationSpec } from './extendedPlan.ts';
import { hasGet, useGet } from './callValues.ts';
import { displayCompare } from './displayCompare.ts';
import { formatTexts, printfTexts } from './formatted.ts';
import { observeDict } from './instanceDicts.ts';
import { anyObject, isKind, KEPT_ID_NAME, type Heap, type SymObject } from './heap.ts';
import { attr, call, compare, int, method, moduleCall, name, str, subscript } from './nodes.ts';
import { moreSliceExpr, moreSliceOf, sliceableMore } from './sliceForms.ts';
import { tupleHash } from './tupleHashes.ts';
import { observeWeak } from './weakrefs.ts';

const MORE_KINDS: ReadonlySet<string> = new Set<MoreObservationSpec['kind']>([
  'collect-gen', 'fresh-id-more', 'kept-id', 'dict-of', 'kept', 'weak-obs', 'type-is', 'unary-obs', 'slice-more-obs', 'query-more', 'hash-tuple',
  'printf-obs', 'format-obs', 'display-compare',
]);

export const isMoreObservation = (spec: ObservationSpec): spec is MoreObservationSpec => MORE_KINDS.has(spec.kind);

interface Observed {
  expr: Expr;
  /** What it evaluates to; null when it may be None (then it is no observation). */
  result: SymObject | null;
}

const idEq = (a: Expr, b: Expr): Expr => compare(call(name('id'), a), '==', call(name('id'), b));

export function observeMore(spec: MoreObservationSpec, heap: Heap): Observed | null {
  const bool = (expr: Expr): Observed => ({ expr, result: heap.create('bool') });
  const integer = (expr: Expr): Observed => ({ expr, result: heap.create('int') });
  const truth = (expr: Expr | null): Observed | null => (expr === null ? null : bool(expr));
  const tupleOf = (expr: Expr | null): Observed | null => (expr === null ? null : { expr, result: heap.create('tuple') });
  switch (spec.kind) {
    case 'collect-gen':
      heap.uses.add('gc');
      return integer(moduleCall('gc', 'collect', int(BigInt(spec.generation))));
    case 'fresh-id-more': {
      const [a, b] = [freshOf(spec.what, spec.a, heap), freshOf(spec.what, spec.a, heap, true)];
      return bool(idEq(a, b));
    }
    case 'kept-id': {
      if (!heap.isBound(KEPT_ID_NAME)) return null;
      const kept = name(KEPT_ID_NAME);
      if (spec.fresh !== 'name') return bool(compare(call(name('id'), newObject(spec.fresh, heap)), '==', kept));
      const a = heap.choose(spec.a, anyObject);
      return a === null ? null : bool(compare(call(name('id'), name(a)), '==', kept));
    }
    case 'dict-of':
      return observeDict(spec.what, spec.a, heap);
    case 'kept':
      return heap.uses.has('keep') ? integer(call(name('len'), name('keep'))) : null;
    case 'weak-obs':
      return observeWeak(spec.what, spec.w, heap);
    case 'type-is': {
      const a = heap.choose(spec.a, anyObject);
      const b = heap.choose(spec.b, anyObject);
      if (a === null || b === null) return null;
      return bool(compare(call(name('type'), name(a)), 'is', call(name('type'), name(b))));
    }
    case 'unary-obs': {
      const a = heap.choose(spec.a, spec.op === 'not' ? anyObject : isKind('int', 'float', 'bool'));
      if (a === null) return null;
      const expr: Expr = { kind: 'UnaryOp', op: spec.op === 'not' ? 'not' : '-', operand: name(a) };
      return spec.op === 'not' ? bool(expr) : { expr, result: heap.create(heap.objectOf(a).kind === 'float' ? 'float' : 'int') };
    }
    case 'slice-more-obs': {
      const a = heap.choose(spec.a, (o) => sliceableMore(o) && (spec.as === 'is' || heap.printable(o)));
      if (a === null) return null;
      const sliced = subscript(name(a), moreSliceExpr(spec.form));
      if (spec.as === 'is') return bool(compare(sliced, 'is', name(a)));
      return { expr: sliced, result: moreSliceOf(heap, heap.objectOf(a), spec.form) };
    }
    case 'query-more': {
      const a = heap.choose(spec.a, isKind(spec.method === 'bit_length' ? 'int' : 'str'));
      if (a === null) return null;
      if (spec.method === 'endswith') return bool(method(name(a), 'endswith', str('a')));
      return integer(spec.method === 'count' ? method(name(a), 'count', str('a')) : method(name(a), 'bit_length'));
    }
    case 'hash-tuple':
      return integer(tupleHash(spec.a, spec.b, heap));
    case 'printf-obs':
      return tupleOf(printfTexts(spec.a, heap));
    case 'format-obs':
      return tupleOf(formatTexts(spec.a, spec.b, heap));
    case 'display-compare':
      return truth(displayCompare(spec.op, spec.display, spec.a, heap));
  }
}

/**
 * One of two objects made in turn, each freed once `id()` has its address: the second may take
 * the first one's memory (a free list, or the allocator). `second` makes a different value where
 * the kind allows it, so that no constant is shared between the two.
 */
function freshOf(what: FreshKind, pick: number, heap: Heap, second = false): Expr {
  switch (what) {
    case 'float':
      return call(name('float'), str(second ? '2.5' : '1.5'));
    case 'int':
      return call(name('int'), str(second ? '1001' : '1000'));
    case 'bytes':
      return call(name('bytes'), int(second ? 6n : 5n));
    case 'tuple': {
      const a = heap.choose(pick, anyObject);
      return a === null ? call(name('tuple'), str('ab')) : { kind: 'Tuple', elts: [name(a)] };
    }
    case 'dict':
      return { kind: 'Dict', entries: [] };
    case 'set':
      return call(name('set'));
    case 'method': {
      useGet(heap);
      const a = heap.choose(pick, hasGet);
      return attr(a === null ? call(name('D')) : name(a), 'get');
    }
  }
}

/** A new object for `id(...) == i`. */
function newObject(what: 'list' | 'object' | 'instance' | 'float', heap: Heap): Expr {
  switch (what) {
    case 'list':
      return { kind: 'List', elts: [] };
    case 'object':
      return call(name('object'));
    case 'instance':
      heap.uses.add('D');
      return call(name('D'));
    case 'float':
      return call(name('float'), str('2.5'));
  }
}

