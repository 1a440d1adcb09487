// A function defined where the step stands and called at once: `def h(p, q, d=257): <steps>;
// return s`, then `x = h(a, b)`. Its body is built from steps like the program's own, on names of
// its own (`p q d s t`): the frame holds the arguments, the default and the locals, which die (or
// are returned, or kept by the cell of a closure `inner` it returns) when the call ends.
import type { Expr, FunctionDef, Mode, Stmt } from '../../language/ast.ts';
import type { DefaultConst, FunctionSpec, Slot, Step } from './extendedPlan.ts';
import { anyObject, type Heap, type SymObject } from './heap.ts';
import { assign, bytes, call, float, int, name, none, str } from './nodes.ts';

export type StepBuilder = (step: Step, heap: Heap, mode: Mode) => Stmt[];

/** The name every such function gets: a later one rebinds it (and frees the earlier one). */
export const FUNCTION_NAME = 'h';

function defaultOf(which: DefaultConst, heap: Heap): { expr: Expr; obj: SymObject } {
  switch (which) {
    case 'int':
      return { expr: int(257n), obj: heap.create('int') };
    case 'large-int':
      return { expr: int(2n ** 62n), obj: heap.create('int') };
    case 'negative':
      return { expr: int(-5n), obj: heap.create('int') };
    case 'str':
      return { expr: str('hello world'), obj: heap.str('hello world') };
    case 'tuple': {
      const items = [heap.create('int').id, heap.str('a').id];
      return { expr: { kind: 'Tuple', elts: [int(1n), str('a')] }, obj: heap.create('tuple', { items, len: 2 }) };
    }
    case 'none':
      return { expr: none, obj: heap.create('none') };
    case 'float':
      return { expr: float(1.5), obj: heap.create('float') };
    case 'bytes':
      return { expr: bytes('ab'), obj: heap.create('bytes', { text: 'ab', len: 2 }) };
  }
}

export function defCall(fn: FunctionSpec, target: Slot, heap: Heap, mode: Mode, buildStep: StepBuilder): Stmt[] {
  // The arguments are names bound where the call stands, or a new list when none is.
  const args = fn.args.slice(0, fn.params).map((pick) => {
    const a = heap.choose(pick, anyObject);
    return a === null ? { expr: { kind: 'List', elts: [] } as Expr, obj: heap.create('list', { len: 0 }) } : { expr: name(a) as Expr, obj: heap.objectOf(a) };
  });
  const dflt = fn.defaultValue === null ? null : defaultOf(fn.defaultValue, heap);
  const params: [string, number][] = args.map((a, i) => [i === 0 ? 'p' : 'q', a.obj.id]);
  if (dflt !== null) params.push(['d', dflt.obj.id]);

  const scope = heap.enter(params);
  const body: Stmt[] = [];
  let result: SymObject;
  try {
    for (const s of fn.body) body.push(...buildStep(s, heap, mode));
    const closed = fn.closure === null ? null : heap.choose(fn.closure, anyObject);
    const ret = closed !== null || fn.returns === null ? null : heap.choose(fn.returns, anyObject);
    if (closed !== null) {
      body.push({ kind: 'FunctionDef', name: 'inner', params: [], body: [{ kind: 'Return', value: name(closed) }] }, { kind: 'Return', value: name('inner') });
      result = heap.create('function', { items: [heap.objectOf(closed).id] });
    } else {
      result = ret === null ? heap.create('none') : heap.objectOf(ret);
      if (ret !== null) body.push({ kind: 'Return', value: name(ret) });
    }
  } finally {
    heap.leave(scope);
  }

  const def: FunctionDef = {
    kind: 'FunctionDef',
    name: FUNCTION_NAME,
    params: [...params.filter(([p]) => p !== 'd').map(([p]) => ({ name: p, default: null })), ...(dflt === null ? [] : [{ name: 'd', default: dflt.expr }])],
    body: body.length > 0 ? body : [{ kind: 'Pass' }],
  };
  const x = heap.slot(target);
  heap.bind(x, result.id);
  return [def, assign([name(x)], call(name(FUNCTION_NAME), ...args.map((a) => a.expr)))];
}
