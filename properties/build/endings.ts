// The statement a program may end with that raises on purpose, so that the `!ExcName`
// observation is exercised. Each has a fallback on literals, so that it raises wherever it stands.
import type { Expr, Stmt } from '../../language/ast.ts';
import type { EndingSpec, MoreEndingSpec } from './extendedPlan.ts';
import type { EndingSpec as CoreEnding } from '../plan.ts';
import { BOOM, boomDef, buildMoreEnding, moreExpectedExceptions } from './raising.ts';
import { hasGet, useGet } from './callValues.ts';
import { Heap, isKind, NAME_POOL } from './heap.ts';
import { assign, attr, binop, call, exprStmt, int, method, name, str, subscript } from './nodes.ts';

/** The exceptions an ending may raise (a name unbound is a NameError, or an UnboundLocalError for a local). */
export function expectedExceptions(ending: EndingSpec): readonly string[] {
  if (ending.kind === 'in-function') return expectedExceptions(ending.ending);
  if (isMoreEnding(ending)) return moreExpectedExceptions(ending);
  switch (ending.kind) {
    case 'missing-key':
      return ['KeyError'];
    case 'index-out-of-range':
      return ['IndexError'];
    case 'unbound-name':
      return ['NameError', 'UnboundLocalError'];
    case 'wrong-arity':
      return ['TypeError'];
    case 'zero-division':
      return ['ZeroDivisionError'];
    case 'slot-violation':
      return ['AttributeError'];
  }
}

/** Far past the length of any sequence a program builds. */
const FAR_INDEX = 99;
/** Bound by no program: in function mode it is no local, so reading it is a NameError. */
const NEVER_BOUND = 'q';

/** The statements that raise: one, or a function that raises and its call. */
export function buildEnding(ending: EndingSpec, heap: Heap): Stmt[] {
  if (ending.kind === 'in-function') {
    const inner = buildEnding(ending.ending, heap);
    // `unbound-local` raises inside a function of its own already.
    return ending.ending.kind === 'unbound-local' ? inner : [boomDef(inner), exprStmt(call(name(BOOM)))];
  }
  if (isMoreEnding(ending)) return buildMoreEnding(ending, heap);
  return [buildCoreEnding(ending, heap)];
}

function buildCoreEnding(ending: CoreEnding, heap: Heap): Stmt {
  const raise = (e: Expr): Stmt => exprStmt(e);
  switch (ending.kind) {
    case 'missing-key': {
      const d = heap.choose(ending.container, isKind('dict'));
      return raise(subscript(d === null ? { kind: 'Dict', entries: [] } : name(d), str('q')));
    }
    case 'index-out-of-range': {
      const s = heap.choose(ending.container, (o) => isKind('list', 'tuple', 'str')(o) && o.len !== undefined && o.len < FAR_INDEX);
      return raise(s === null ? subscript({ kind: 'Tuple', elts: [] }, int(0n)) : subscript(name(s), int(BigInt(FAR_INDEX))));
    }
    case 'unbound-name': {
      const wanted = heap.slot(ending.slot);
      const unbound = heap.isBound(wanted) ? NAME_POOL.find((n) => !heap.isBound(n)) : wanted;
      return raise(name(unbound ?? NEVER_BOUND));
    }
    case 'wrong-arity':
      return raise(wrongArity(ending.callee, heap));
    case 'zero-division': {
      const n = heap.choose(ending.source, isKind('int', 'float', 'bool'));
      return raise(binop(n === null ? int(1n) : name(n), '//', int(0n)));
    }
    case 'slot-violation': {
      const s = heap.choose(ending.obj, (o) => o.kind === 'instance' && o.cls === 'S');
      heap.uses.add('S');
      return assign([attr(s === null ? call(name('S')) : name(s), 'n')], int(1n));
    }
  }
}

const CORE_ENDINGS: ReadonlySet<string> = new Set<CoreEnding['kind']>([
  'missing-key', 'index-out-of-range', 'unbound-name', 'wrong-arity', 'zero-division', 'slot-violation',
]);

const isMoreEnding = (e: Exclude<EndingSpec, { kind: 'in-function' }>): e is MoreEndingSpec => !CORE_ENDINGS.has(e.kind);

function wrongArity(callee: Extract<EndingSpec, { kind: 'wrong-arity' }>['callee'], heap: Heap): Expr {
  if (callee === 'function') {
    heap.uses.add('g');
    return call(name('g'));
  }
  if (callee === 'class') {
    heap.uses.add('D');
    return call(name('D'), int(1n));
  }
  useGet(heap);
  const m = heap.choose(0, (o) => o.kind === 'method');
  if (m !== null) return call(name(m), int(1n));
  const a = heap.choose(0, hasGet);
  return method(a === null ? call(name('D')) : name(a), 'get', int(1n));
}
