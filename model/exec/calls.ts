// Calls, and which references they hold while the callee runs.
// - A Python function called from Python code: from 3.11 the arguments (and self of a method) are
//   moved from the caller's stack into the new frame (Python/ceval.c CALL,
//   _PyEvalFramePushAndInit "steals" them); up to 3.10 the frame gets references of its own and
//   the caller drops its own after the call (call_function).
// - A Python function called from C (type_call running __init__, a finalizer, a weakref
//   callback, a bound method called through a C path): the frame takes references of its own
//   (_PyEval_Vector), the C caller keeps its own.
// - Creating an instance packs the arguments into a tuple first (_PyObject_MakeTpCall), which
//   holds them while __init__ runs (Objects/typeobject.c type_call, slot_tp_init).
// - A builtin borrows its arguments: the caller's stack holds them during the call.
// - When a frame ends, its locals are dropped in order: co_varnames, then cells, then free
//   variables (Python/frame.c _PyFrame_Clear; Objects/frameobject.c frame_dealloc before 3.11).
import type { CallExpr, Expr } from '../../language/ast.ts';
import { initCallSpecialized } from './specialization.ts';
import { stackRefBorrowed } from './borrowed-refs.ts';
import type { PyObj } from '../objects.ts';
import { classLookup, typeName } from '../objects.ts';
import { derefWeakref } from '../weakrefs.ts';
import { atLeast } from '../profile.ts';
import { giveUp, PyException, type Runtime } from '../runtime.ts';
import { none } from '../singletons.ts';
import { newTuple } from '../values.ts';
import { hasBuiltinMethod, ownAttribute } from './attributes.ts';
import { callBuiltin } from './builtins.ts';
import { evalExpr } from './expressions.ts';
import type { Frame } from './frame.ts';
import { callMethodOfBuiltin } from './methods.ts';
import { execBody, ReturnSignal } from './statements.ts';

const MAX_DEPTH = 150;

function argsMovedFromPython(rt: Runtime): boolean {
  return atLeast(rt.profile, 3, 11);
}

export function callExpr(rt: Runtime, frame: Frame, e: CallExpr): PyObj {
  if (e.func.kind === 'Attribute') {
    const method = methodCall(rt, frame, e.func.value, e.func.attr, e.args);
    if (method) return method;
  }
  const f = evalExpr(rt, frame, e.func);
  const args: PyObj[] = [];
  try {
    for (const a of e.args) args.push(evalExpr(rt, frame, a));
  } catch (err) {
    // The error unwinds the value stack from its top (Python/ceval.c exception_unwind): the
    // arguments evaluated so far, last first, then the callable.
    for (const a of [...args].reverse()) rt.decref(a);
    rt.decref(f);
    throw err;
  }
  return callFromPython(rt, frame, f, args, e.args, e);
}

/**
 * `obj.name(args)` compiled as LOAD_METHOD: when the attribute is a plain function of the class
 * or a method of a builtin type, no bound method object is made; the object itself sits on the
 * stack as `self`. Returns null when the attribute is something else (then it is an ordinary call).
 */
function methodCall(rt: Runtime, frame: Frame, objExpr: Expr, name: string, argExprs: Expr[]): PyObj | null {
  const obj = evalExpr(rt, frame, objExpr);
  const p = obj.payload;
  let func: PyObj | undefined;
  if (p.kind === 'instance' && !ownAttribute(obj, name)) {
    const c = classLookup(p.cls, name);
    if (c && c.payload.kind === 'function') func = c;
  }
  const builtinMethod = !func && p.kind !== 'instance' && p.kind !== 'class' && p.kind !== 'module' && hasBuiltinMethod(obj, name);
  if (!func && !builtinMethod) {
    rt.decref(obj);
    return null;
  }
  const args: PyObj[] = [];
  try {
    for (const a of argExprs) args.push(evalExpr(rt, frame, a));
  } catch (err) {
    // As in callExpr: the arguments last first, then the object under them.
    for (const a of [...args].reverse()) rt.decref(a);
    rt.decref(obj);
    throw err;
  }
  if (builtinMethod) {
    try {
      return callMethodOfBuiltin(rt, obj, name, args);
    } finally {
      for (const a of args) rt.decref(a);
      rt.decref(obj);
    }
  }
  rt.incref(func as PyObj);
  return callFromPython(rt, frame, func as PyObj, [obj, ...args], argExprs, null, objExpr);
}

/** Calls `f` with `args` (references owned by the caller, as on CPython's stack); drops them all. */
function callFromPython(rt: Runtime, frame: Frame, f: PyObj, args: PyObj[], argExprs: Expr[], site: CallExpr | null, selfExpr: Expr | null = null): PyObj {
  const p = f.payload;
  const borrowed = [...(selfExpr ? [stackRefBorrowed(rt, frame, selfExpr)] : []), ...argExprs.map((a) => stackRefBorrowed(rt, frame, a))];
  if (p.kind === 'class' && site && initCallSpecialized(rt, site, p.cls, args.length)) {
    try {
      return instantiate(rt, f, args, true, borrowed);
    } finally {
      rt.decref(f);
    }
  }
  if (p.kind === 'function' || (p.kind === 'method' && argsMovedFromPython(rt))) {
    let func = f;
    let all = args;
    if (p.kind === 'method') {
      func = rt.incref(p.func);
      all = [rt.incref(p.self), ...args];
      rt.decref(f);
    }
    rt.fire(argsMovedFromPython(rt) ? 'args-moved' : 'args-copied');
    if (argsMovedFromPython(rt)) {
      try {
        return invokeFunction(rt, func, all, true, p.kind === 'method' ? [false, ...borrowed] : borrowed);
      } finally {
        rt.decref(func);
      }
    }
    try {
      return invokeFunction(rt, func, all, false);
    } finally {
      for (let i = all.length - 1; i >= 0; i--) rt.decref(all[i]);
      rt.decref(func);
    }
  }
  // A C callee borrows the stack's references; borrowed loads among them own nothing at all.
  const temps = args.filter((_, i) => borrowed[i]);
  for (const t of temps) rt.borrowedTemps.set(t, (rt.borrowedTemps.get(t) ?? 0) + 1);
  try {
    if (p.kind === 'builtin' && p.self === null) return callBuiltin(rt, frame, p.name, args, argExprs);
    return callObject(rt, f, args);
  } finally {
    for (const t of temps) rt.borrowedTemps.set(t, (rt.borrowedTemps.get(t) ?? 1) - 1);
    for (const a of args) rt.decref(a);
    rt.decref(f);
  }
}

/** Calls a callable from C: `args` stay owned by the caller. */
export function callObject(rt: Runtime, f: PyObj, args: PyObj[]): PyObj {
  const p = f.payload;
  if (p.kind === 'function' || p.kind === 'method') rt.fire('call-from-c');
  switch (p.kind) {
    case 'function': return invokeFunction(rt, f, args, false);
    case 'method': return invokeFunction(rt, p.func, [p.self, ...args], false);
    case 'class': return instantiate(rt, f, args);
    case 'builtin':
      if (p.self) return callMethodOfBuiltin(rt, p.self, p.name, args);
      return callBuiltin(rt, null, p.name, args, null);
    case 'type': return callBuiltin(rt, null, p.name, args, null);
    case 'weakref':
      if (args.length) throw new PyException('TypeError', 'weakref() takes no arguments');
      return derefWeakref(rt, p);
    default:
      throw new PyException('TypeError', `'${typeName(f)}' object is not callable`);
  }
}

/**
 * type_call: a new instance, then __init__. With `moved` (CALL_ALLOC_AND_ENTER_INIT) the
 * arguments move into __init__'s frame and no tuple packs them.
 */
function instantiate(rt: Runtime, clsObj: PyObj, args: PyObj[], moved = false, borrowedArgs: boolean[] = []): PyObj {
  if (clsObj.payload.kind !== 'class') throw new Error('not a class');
  const cls = clsObj.payload.cls;
  const init = classLookup(cls, '__init__');
  if (!init && args.length) throw new PyException('TypeError', `${cls.name}() takes no arguments`);
  const inst = rt.alloc({ kind: 'instance', cls, attrs: new Map(), dict: null });
  rt.track(inst);
  if (!init) return inst;
  rt.fire(moved ? 'call-alloc-and-enter-init' : 'instance-args-tuple');
  const packed = moved ? null : newTuple(rt, args.map((a) => rt.incref(a)));
  try {
    const r = moved
      ? invokeFunction(rt, init, [rt.incref(inst), ...args], true, [false, ...borrowedArgs])
      : invokeFunction(rt, init, [inst, ...args], false);
    const isNone = r.payload.kind === 'none';
    rt.decref(r);
    if (!isNone) throw new PyException('TypeError', '__init__() should return None');
    return inst;
  } catch (err) {
    rt.decref(inst);
    throw err;
  } finally {
    if (packed) rt.decref(packed);
  }
}

/**
 * Runs a Python function. With `moved`, the frame takes over the references in `args`;
 * otherwise it takes references of its own.
 */
export function invokeFunction(rt: Runtime, funcObj: PyObj, args: PyObj[], moved: boolean, borrowedArgs: boolean[] = []): PyObj {
  const fp = funcObj.payload;
  if (fp.kind !== 'function') throw new Error('not a function');
  const params = fp.def.params;
  const defaults = fp.defaults && fp.defaults.payload.kind === 'tuple' ? fp.defaults.payload.items : [];
  const required = params.length - defaults.length;
  if (args.length > params.length || args.length < required) {
    if (moved) for (const a of args) rt.decref(a);
    throw new PyException('TypeError', `${fp.def.name}() takes ${params.length} positional arguments but ${args.length} were given`);
  }
  if (rt.frames.length > MAX_DEPTH) {
    if (moved) for (const a of args) rt.decref(a);
    giveUp('recursion deeper than the model follows');
  }
  const unit = fp.code;
  const scope = unit.scope;
  const frame: Frame = { unit, fast: new Map(), cells: new Map(), classNs: null, borrowed: new Set(), qualname: fp.qualname };
  const newCell = (content: PyObj | null): PyObj => {
    rt.fire('closure-cells');
    const c = rt.alloc({ kind: 'cell', content });
    rt.track(c);
    return c;
  };
  params.forEach((param, i) => {
    const value = i < args.length ? (moved ? args[i] : rt.incref(args[i])) : rt.incref(defaults[i - required]);
    if (scope.cells.has(param.name)) frame.cells.set(param.name, newCell(value));
    else {
      frame.fast.set(param.name, value);
      if (moved && borrowedArgs[i]) frame.borrowed?.add(param.name);
    }
  });
  for (const name of [...scope.cells].sort()) if (!frame.cells.has(name)) frame.cells.set(name, newCell(null));
  for (const name of [...scope.frees].sort()) {
    const cell = fp.closure.get(name);
    if (cell) frame.cells.set(name, rt.incref(cell));
  }
  rt.frames.push(frame);
  try {
    execBody(rt, frame, fp.def.body);
    return none(rt);
  } catch (e) {
    if (e instanceof ReturnSignal) return e.value;
    throw e;
  } finally {
    rt.frames.pop();
    clearFrame(rt, frame);
  }
}

export function clearFrame(rt: Runtime, frame: Frame): void {
  const slots = localsplus(rt, frame);
  if (slots.filter(([where, name]) => (where === 'fast' ? frame.fast : frame.cells).has(name)).length > 1) rt.fire('frame-clear-order');
  // 3.14 closes the frame's stack references from the top down (Python/frame.c
  // _PyFrame_ClearLocals walks stackpointer back to localsplus); before, locals went first to last.
  if (atLeast(rt.profile, 3, 14)) slots.reverse();
  for (const [where, name] of slots) {
    const map = where === 'fast' ? frame.fast : frame.cells;
    const v = map.get(name);
    if (v) {
      map.delete(name);
      rt.decref(v);
    }
  }
}

/**
 * A function frame's slots in CPython's layout: co_varnames, then cell variables, then free
 * variables, each group sorted by the compiler (Python/compile.c dictbytype). From 3.11 a
 * parameter that is a cell variable keeps its slot (MAKE_CELL replaces the value in place); up to
 * 3.10 its cell sits with the other cells and its own slot is empty.
 */
function localsplus(rt: Runtime, frame: Frame): Array<['fast' | 'cell', string]> {
  const { scope, varnames } = frame.unit;
  const inPlace = atLeast(rt.profile, 3, 11);
  const names = [...varnames, ...[...frame.fast.keys()].filter((k) => !varnames.includes(k))];
  const slots: Array<['fast' | 'cell', string]> = names.map((n) => [inPlace && scope.cells.has(n) ? 'cell' : 'fast', n]);
  const cells = [...scope.cells].sort().filter((n) => !(inPlace && varnames.includes(n)));
  const frees = [...scope.frees].sort().filter((n) => !scope.cells.has(n));
  return [...slots, ...cells.map((n): ['cell', string] => ['cell', n]), ...frees.map((n): ['cell', string] => ['cell', n])];
}

export function installCaller(rt: Runtime): void {
  rt.callFromC = (callable, args) => callObject(rt, callable, args);
}

