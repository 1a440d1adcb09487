// Executing statements (Python/compile.c decides the order of evaluation; Python/ceval.c what
// each instruction holds). Assignment evaluates the value first, then each target left to right;
// a store drops the old value after the new one is in place.
import type { ClassDef, Expr, FunctionDef, SliceExpr, Stmt, Target } from '../../language/ast.ts';
import { docstring } from '../compile/code-unit.ts';
import type { ClassInfo, PyObj } from '../objects.ts';
import { binaryOp, repeatCount } from '../ops.ts';
import { setInPlaceSubtract } from '../set-algebra.ts';
import { dropItemsLastFirst } from '../dealloc.ts';
import { reprOf } from '../repr.ts';
import { giveUp, PyException, type Runtime } from '../runtime.ts';
import { moduleObject, none } from '../singletons.ts';
import { newTuple } from '../values.ts';
import { deleteAttribute, getAttribute, setAttribute } from './attributes.ts';
import { iterate } from './builtins.ts';
import { dictSet, evalExpr } from './expressions.ts';
import { qualnameIn, type Frame } from './frame.ts';
import { deleteName, loadName, storeName } from './names.ts';
import { storesBorrowed } from './borrowed-refs.ts';
import { nameKind } from '../compile/scope.ts';
import { delItem, delSlice, getItem, setItem, setSlice } from './subscripts.ts';

export class ReturnSignal {
  constructor(readonly value: PyObj) {}
}

export function execBody(rt: Runtime, frame: Frame, body: Stmt[]): void {
  const skipDoc = docstring(body) !== null && frame.unit.kind !== 'class';
  body.forEach((s, i) => {
    if (i === 0 && skipDoc) {
      if (frame.unit.kind === 'module') storeName(rt, frame, '__doc__', evalExpr(rt, frame, (s as { value: Expr }).value));
      return;
    }
    execStmt(rt, frame, s);
    rt.stepHook?.(s, frame);
  });
}

/** Records an observation: repr(value), null where the model cannot know it. */
export function observe(rt: Runtime, value: PyObj): void {
  if (value.payload.kind === 'none') return;
  let r = reprOf(value);
  if (rt.finalizerOrderUnknown && value.payload.kind === 'list') r = null;
  rt.record(r);
}

export function execStmt(rt: Runtime, frame: Frame, s: Stmt): void {
  switch (s.kind) {
    case 'ExprStmt': {
      const v = evalExpr(rt, frame, s.value);
      if (rt.mode !== 'repl') observe(rt, v);
      rt.decref(v);
      return;
    }
    case 'Assign': {
      const v = evalExpr(rt, frame, s.value);
      const toFast = s.targets.some((t) => t.kind === 'Name' && nameKind(frame.unit.scope, t.id) === 'fast');
      const borrowedCopy = toFast && storesBorrowed(rt, frame, s.value);
      s.targets.forEach((t, i) => {
        if (i < s.targets.length - 1) rt.incref(v);
        assign(rt, frame, t, v);
        if (borrowedCopy && t.kind === 'Name' && nameKind(frame.unit.scope, t.id) === 'fast') frame.borrowed?.add(t.id);
      });
      return;
    }
    case 'AugAssign': return augAssign(rt, frame, s.target, s.op, s.value);
    case 'Delete':
      for (const t of s.targets) del(rt, frame, t);
      return;
    case 'Import':
      storeName(rt, frame, s.module, moduleObject(rt, s.module));
      return;
    case 'FunctionDef':
      storeName(rt, frame, s.name, makeFunction(rt, frame, s));
      return;
    case 'ClassDef':
      storeName(rt, frame, s.name, makeClass(rt, frame, s));
      return;
    case 'Return':
      throw new ReturnSignal(s.value ? evalExpr(rt, frame, s.value) : none(rt));
    case 'Global':
    case 'Pass':
      return;
  }
}

/** Stores `v` (a reference handed over) into a target. */
function assign(rt: Runtime, frame: Frame, t: Target, v: PyObj): void {
  if (t.kind === 'Name') return storeName(rt, frame, t.id, v);
  try {
    if (t.kind === 'Attribute') {
      const obj = evalExpr(rt, frame, t.value);
      try {
        setAttribute(rt, obj, t.attr, v);
      } finally {
        rt.decref(obj);
      }
      return;
    }
    const container = evalExpr(rt, frame, t.value);
    let index: PyObj | null = null;
    try {
      if (t.index.kind === 'Slice') {
        withBounds(rt, frame, t.index, (lo, hi, st) => setSlice(rt, container, lo, hi, st, v, (o) => iterate(rt, o)));
        return;
      }
      index = evalExpr(rt, frame, t.index);
      setItem(rt, container, index, v, (d, k, val) => dictSet(rt, d, k, val));
    } finally {
      rt.decref(container);
      if (index) rt.decref(index);
    }
  } finally {
    rt.decref(v);
  }
}

function del(rt: Runtime, frame: Frame, t: Target): void {
  if (t.kind === 'Name') return deleteName(rt, frame, t.id);
  const obj = evalExpr(rt, frame, t.value);
  try {
    if (t.kind === 'Attribute') return deleteAttribute(rt, obj, t.attr);
    if (t.index.kind === 'Slice') return withBounds(rt, frame, t.index, (lo, hi, st) => delSlice(rt, obj, lo, hi, st, (o) => iterate(rt, o)));
    const index = evalExpr(rt, frame, t.index);
    try {
      delItem(rt, obj, index);
    } finally {
      rt.decref(index);
    }
  } finally {
    rt.decref(obj);
  }
}

/** Evaluates a slice's bounds (absent ones are null), hands them to `use`, then drops them. */
function withBounds(rt: Runtime, frame: Frame, slice: SliceExpr, use: (lo: PyObj | null, hi: PyObj | null, st: PyObj | null) => void): void {
  const held: PyObj[] = [];
  try {
    const [lo, hi, st] = [slice.lower, slice.upper, slice.step].map((x) => {
      if (!x) return null;
      const b = evalExpr(rt, frame, x);
      held.push(b);
      return b;
    });
    use(lo, hi, st);
  } finally {
    for (const b of held) rt.decref(b);
  }
}

/**
 * `a op= b`: lists extend or repeat in place (Objects/listobject.c list_inplace_concat,
 * list_inplace_repeat: a count below 1 clears the list, its items dropped last to first); a set
 * subtracts a set in place (set-algebra.ts).
 */
function inPlace(rt: Runtime, op: '+' | '-' | '*', a: PyObj, b: PyObj): PyObj {
  const p = a.payload;
  if (p.kind === 'list' && op === '+') {
    p.items.push(...iterate(rt, b, 'list'));
    return rt.incref(a);
  }
  const n = p.kind === 'list' && op === '*' ? repeatCount(b) : null;
  if (p.kind === 'list' && n !== null) {
    if (n < 1n) dropItemsLastFirst(rt, p.items);
    else {
      const once = [...p.items];
      for (let i = 1n; i < n; i++) p.items.push(...once.map((x) => rt.incref(x)));
    }
    return rt.incref(a);
  }
  const set = op === '-' ? setInPlaceSubtract(rt, a, b) : null;
  return set ?? binaryOp(rt, op, a, b);
}

/** `cur op= value`: takes over `cur`, returns the result. */
function combine(rt: Runtime, frame: Frame, cur: PyObj, op: '+' | '-' | '*', valueExpr: Expr): PyObj {
  try {
    const v = evalExpr(rt, frame, valueExpr);
    try {
      return inPlace(rt, op, cur, v);
    } finally {
      rt.decref(v);
    }
  } finally {
    rt.decref(cur);
  }
}

function augAssign(rt: Runtime, frame: Frame, t: Target, op: '+' | '-' | '*', valueExpr: Expr): void {
  if (t.kind === 'Name') {
    storeName(rt, frame, t.id, combine(rt, frame, loadName(rt, frame, t.id), op, valueExpr));
    return;
  }
  const obj = evalExpr(rt, frame, t.value);
  let index: PyObj | null = null;
  try {
    if (t.kind === 'Subscript') {
      if (t.index.kind === 'Slice') giveUp('slice augmented assignment');
      index = evalExpr(rt, frame, t.index);
    }
    const cur = t.kind === 'Attribute' ? getAttribute(rt, obj, t.attr) : getItem(rt, obj, index as PyObj);
    const result = combine(rt, frame, cur, op, valueExpr);
    try {
      if (t.kind === 'Attribute') setAttribute(rt, obj, t.attr, result);
      else setItem(rt, obj, index as PyObj, result, (d, k, val) => dictSet(rt, d, k, val));
    } finally {
      rt.decref(result);
    }
  } finally {
    rt.decref(obj);
    if (index) rt.decref(index);
  }
}

/**
 * MAKE_FUNCTION: the code, the constant defaults tuple, and the closure: a tuple of the cells of
 * its free variables in co_freevars order (BUILD_TUPLE of LOAD_CLOSUREs), which the function holds.
 */
export function makeFunction(rt: Runtime, frame: Frame, s: FunctionDef): PyObj {
  const unit = frame.unit.children.get(s);
  if (!unit) throw new Error(`no code for ${s.name}`);
  unit.refs++;
  const d = frame.unit.defaultsConst.get(s);
  // Up to 3.10 the function holds the constant MAKE_FUNCTION gave it as __qualname__; from 3.11
  // it shares its code's co_qualname, a str of the code's own (Objects/funcobject.c).
  const q = frame.unit.qualnameConst.get(s);
  const closure = new Map<string, PyObj>();
  for (const name of [...unit.scope.frees].sort()) {
    const cell = frame.cells.get(name);
    if (cell) closure.set(name, cell);
  }
  // func_doc: the docstring, the code's first constant (Objects/funcobject.c
  // PyFunction_NewWithQualName: consts[0] if it is a str up to 3.13, if CO_HAS_DOCSTRING from 3.14).
  const doc = unit.doc ? rt.incref(unit.doc) : null;
  const closureTuple = closure.size > 0 ? newTuple(rt, [...closure.values()].map((c) => rt.incref(c)), 'display-or-list') : null;
  const f = rt.alloc({
    kind: 'function', def: s, code: unit, qualname: qualnameIn(frame, s.name), qualnameStr: q ? rt.incref(q) : null, doc, defaults: d ? rt.incref(d) : null, closure, closureTuple, globals: 'module',
  });
  rt.track(f);
  return f;
}

function slotNames(v: PyObj | undefined): string[] | null {
  if (!v) return null;
  const p = v.payload;
  const names = p.kind === 'str' ? [p.value] : p.kind === 'tuple' ? p.items.map((i) => (i.payload.kind === 'str' ? i.payload.value : '')) : null;
  if (!names) throw new PyException('TypeError', '__slots__ must be a str or a tuple of str');
  // Objects/typeobject.c type_new sorts the slot names.
  return names.sort();
}

/** __build_class__: runs the class body in a namespace, then makes the class from it. */
function makeClass(rt: Runtime, frame: Frame, s: ClassDef): PyObj {
  let base: ClassInfo | null = null;
  if (s.base && s.base !== 'object') {
    const b = loadName(rt, frame, s.base);
    rt.decref(b);
    if (b.payload.kind !== 'class') throw new PyException('TypeError', 'bases must be types');
    base = b.payload.cls;
  }
  const unit = frame.unit.children.get(s);
  if (!unit) throw new Error(`no code for ${s.name}`);
  const ns = new Map<string, PyObj>();
  const cells = new Map<string, PyObj>();
  for (const name of unit.scope.frees) {
    const c = frame.cells.get(name);
    if (c) cells.set(name, c);
  }
  const qualname = qualnameIn(frame, s.name);
  const classFrame: Frame = { unit, fast: new Map(), cells, classNs: ns, qualname };
  execBody(rt, classFrame, s.body);
  const cls: ClassInfo = {
    name: s.name,
    qualname,
    base,
    obj: null as unknown as PyObj,
    attrs: ns,
    slots: slotNames(ns.get('__slots__')),
    modified: false,
  };
  const o = rt.alloc({ kind: 'class', cls });
  o.rcExact = false;
  rt.track(o);
  cls.obj = o;
  return o;
}
