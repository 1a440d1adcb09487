// Features read off expressions: what an observation observes, what a value is made of, and what
// a last statement that raises on purpose raises.
import type { Expr, Program, Stmt } from '../language/ast.ts';
import type { Feature } from './features.ts';

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** The statement a program ends with, when its shape is one of the endings that raise on purpose. */
export function endingFeature(last: Stmt, bound: ReadonlySet<string>): Feature | null {
  if (last.kind === 'Assign') {
    const [t] = last.targets;
    return t?.kind === 'Attribute' && t.attr === 'n' && last.value.kind === 'Int' ? 'ending: attribute outside the slots' : null;
  }
  if (last.kind !== 'ExprStmt') return null;
  const e = last.value;
  if (e.kind === 'Subscript' && e.index.kind === 'Str' && e.index.value === 'q') return 'ending: missing key';
  if (e.kind === 'Subscript' && ((e.index.kind === 'Int' && e.index.value === 99n) || (e.value.kind === 'Tuple' && e.value.elts.length === 0))) {
    return 'ending: index out of range';
  }
  if (e.kind === 'BinOp' && e.op === '//' && e.right.kind === 'Int' && e.right.value === 0n) return 'ending: division by zero';
  if (e.kind === 'Name' && !bound.has(e.id) && e.id !== '_' && e.id !== 'log') return 'ending: unbound name';
  if (e.kind === 'Call') {
    const f = e.func;
    if ((f.kind === 'Name' && f.id === 'g' && e.args.length === 0) || (f.kind === 'Name' && f.id === 'D' && e.args.length === 1)) return 'ending: wrong arity';
    if (e.args.length === 1 && e.args[0]!.kind === 'Int' && (f.kind === 'Name' || (f.kind === 'Attribute' && f.attr === 'get'))) return 'ending: wrong arity';
  }
  return null;
}

const ORDER_FEATURES: Partial<Record<string, Feature>> = {
  '!=': 'observe !=', '<': 'observe <', '<=': 'observe <=', '>': 'observe >', '>=': 'observe >=', 'in': 'observe in', 'not in': 'observe not in',
};

const METHOD_OBSERVATIONS: Partial<Record<string, Feature>> = {
  startswith: 'observe str.startswith', find: 'observe str.find', count: 'observe list.count',
};

export function observationFeatures(e: Expr, mode: Program['mode'], add: (f: Feature) => void): void {
  if (e.kind === 'Compare' && e.ops.length > 1) return void add('observe comparison chain');
  if (e.kind === 'Compare' && e.ops.length === 1) {
    const [op] = e.ops;
    const left = e.left;
    const right = e.comparators[0]!;
    const ordered = ORDER_FEATURES[op!];
    if (ordered !== undefined) add(ordered);
    else if (op === 'is' && left.kind === 'Call' && left.args.length === 0 && right.kind === 'None') add('observe w() is None');
    else if (op === 'is' && left.kind === 'Subscript' && left.index.kind === 'Slice') add('observe slice is');
    else if (op === 'is' && left.kind === 'Name' && left.id === '_' && mode === 'repl') add('observe _ is');
    else if (op === 'is') add('observe is');
    else if (op === 'is not') add('observe is not');
    else if (op === '==' && isCallOf(left, 'id') && isCallOf(right, 'id')) add('observe id ==');
    else if (op === '==') add('observe ==');
    return;
  }
  if (e.kind === 'BinOp' && e.op === '-' && isModuleCall(e.left, 'sys', 'getrefcount')) return void add('observe refcount delta');
  if (isModuleCall(e, 'sys', 'getrefcount')) {
    const [arg] = e.kind === 'Call' ? e.args : [];
    return void add(arg?.kind === 'Name' && arg.id === '_' && mode === 'repl' ? 'observe sys.getrefcount(_)' : 'observe sys.getrefcount');
  }
  if (isModuleCall(e, 'gc', 'collect')) return void add('observe gc.collect()');
  if (isModuleCall(e, 'gc', 'is_tracked')) return void add('observe gc.is_tracked');
  if (e.kind === 'Attribute' && e.attr === '__name__' && isCallOf(e.value, 'type')) return void add('observe type().__name__');
  if (isCallOf(e, 'len')) return void add('observe len');
  if (isCallOf(e, 'hash')) return void add('observe hash');
  if (isCallOf(e, 'repr')) return void add('observe repr');
  if (isCallOf(e, 'bool')) return void add('observe bool');
  if (e.kind === 'Call' && e.func.kind === 'Attribute') {
    const f = METHOD_OBSERVATIONS[e.func.attr];
    if (f !== undefined) return void add(f);
    if (e.func.attr === 'get' && e.args.length === 0) return void add('observe method call');
  }
  if (e.kind === 'Call' && e.func.kind === 'Name' && e.args.length === 0 && /^[abcxyz]$/.test(e.func.id)) return void add('observe method call');
  if (e.kind === 'Subscript') return void add(e.index.kind === 'Slice' ? 'observe slice' : 'observe subscript');
  if (e.kind === 'Name') {
    if (e.id === 'log') add('observe log');
    else if (e.id === '_' && mode === 'repl') add('observe _');
    else add('observe plain value');
  }
}

/** Methods whose name alone says which feature a call of them is. */
const METHOD_FEATURES: Partial<Record<string, Feature>> = {
  join: 'str.join', upper: 'str.upper', clear: 'container clear', add: 'set.add', discard: 'set.discard',
  insert: 'list.insert', extend: 'list.extend', remove: 'list.remove', reverse: 'list.reverse', update: 'dict.update',
  setdefault: 'dict.setdefault', copy: 'copy()', index: 'list.index', lower: 'str.lower', strip: 'str.strip',
  replace: 'str.replace', split: 'str.split',
};

export function exprFeatures(e: Expr, add: (f: Feature) => void, isStr: (name: string) => boolean): void {
  switch (e.kind) {
    case 'Int':
      if (e.value === 0n) add('int 0');
      if (e.value === 256n) add('int 256');
      if (e.value === 257n) add('int 257');
      if (e.value >= 2n ** 62n) add('large int');
      return;
    case 'UnaryOp':
      if (e.op === '-' && e.operand.kind === 'Int' && e.operand.value === 5n) add('int -5');
      if (e.op === '-' && e.operand.kind === 'Int' && e.operand.value === 6n) add('int -6');
      if (e.op === '-' && e.operand.kind === 'Float' && e.operand.value === 0) add('float -0.0');
      return;
    case 'Float':
      add('float');
      return;
    case 'Str':
      if (e.value === '') add('empty str');
      else if (IDENTIFIER.test(e.value)) add('identifier-like str');
      else add('not identifier-like str');
      if ([...e.value].length === 1) add('one-character str');
      if (/[^\x00-\x7f]/.test(e.value)) add('non-ASCII str');
      return;
    case 'Bytes':
      add('bytes');
      return;
    case 'Bool':
      add(e.value ? 'True' : 'False');
      return;
    case 'None':
      add('None');
      return;
    case 'Ellipsis':
      add('Ellipsis');
      return;
    case 'Tuple':
      add(e.elts.length === 0 ? 'empty tuple' : 'tuple');
      return;
    case 'List':
      add(e.elts.length === 0 ? 'empty list' : 'list');
      return;
    case 'Dict':
      add(e.entries.length === 0 ? 'empty dict' : 'dict');
      return;
    case 'Set':
      add('set display');
      return;
    case 'Subscript':
      if (e.index.kind === 'Slice') add(e.index.step === null ? 'slice' : 'reverse slice');
      return;
    case 'FString': {
      add('f-string');
      const fields = e.parts.filter((p) => typeof p !== 'string');
      if (fields.length > 1) add('f-string with several fields');
      for (const f of fields) {
        if (f.conversion === 'r') add('f-string with !r');
        if (f.conversion === 's') add('f-string with !s');
      }
      return;
    }
    case 'BinOp':
      if (isIntConstant(e.left) && isIntConstant(e.right)) add('folded int expression');
      if (e.left.kind === 'Name' && e.right.kind === 'Int') {
        add(isStr(e.left.id) ? 'str repetition' : 'int arithmetic at run time');
      }
      if (e.left.kind === 'Str' && e.right.kind === 'Name') add('str made at run time');
      return;
    case 'Call':
      if (isCallOf(e, 'int') && e.args[0]?.kind === 'Str') add('int(str)');
      if (isCallOf(e, 'str') && e.args.length === 1) add('str(int)');
      if (isCallOf(e, 'object')) add('object()');
      if (isModuleCall(e, 'sys', 'intern')) add('sys.intern');
      if (isModuleCall(e, 'weakref', 'ref')) add(e.args.length > 1 ? 'weakref.ref with callback' : 'weakref.ref');
      if (isCallOf(e, 'set') && e.args.length === 0) add('empty set');
      if (isCallOf(e, 'frozenset')) add(e.args.length === 0 ? 'empty frozenset' : 'frozenset');
      if (isCallOf(e, 'tuple') && e.args[0]?.kind === 'Name') add('tuple()');
      if (isCallOf(e, 'list') && e.args[0]?.kind === 'Name') add('list()');
      if (e.func.kind === 'Attribute') {
        const named = METHOD_FEATURES[e.func.attr];
        if (named !== undefined) add(named);
        const strArg = e.args[0]?.kind === 'Str';
        if (e.func.attr === 'get' && strArg) add('dict.get');
        if (e.func.attr === 'pop') add(strArg ? 'dict.pop' : 'list.pop');
        if (e.func.attr === 'append') {
          add('list.append');
          const [arg] = e.args;
          if (arg?.kind === 'Name' && e.func.value.kind === 'Name' && arg.id === e.func.value.id) add('list containing itself');
        }
      }
      return;
    default:
      return;
  }
}

export function strTyped(e: Expr, isStr: (name: string) => boolean): boolean {
  switch (e.kind) {
    case 'Str':
    case 'FString':
      return true;
    case 'Name':
      return isStr(e.id);
    case 'BinOp':
      return strTyped(e.left, isStr) || strTyped(e.right, isStr);
    case 'Call':
      return isCallOf(e, 'str') || isModuleCall(e, 'sys', 'intern') || (e.func.kind === 'Attribute' && ['join', 'upper'].includes(e.func.attr));
    default:
      return false;
  }
}

/** `x.append(...)`, `x.clear()`: statements that are calls yet never observations. */
export function isNoneMethodCall(e: Expr): boolean {
  return e.kind === 'Call' && e.func.kind === 'Attribute' && ['append', 'clear', 'extend', 'insert', 'update', 'add', 'discard', 'remove', 'reverse'].includes(e.func.attr);
}

function isIntConstant(e: Expr): boolean {
  return e.kind === 'Int' || (e.kind === 'UnaryOp' && e.op === '-' && e.operand.kind === 'Int');
}

function isCallOf(e: Expr, fn: string): boolean {
  return e.kind === 'Call' && e.func.kind === 'Name' && e.func.id === fn;
}

function isModuleCall(e: Expr, module: string, fn: string): boolean {
  return e.kind === 'Call' && e.func.kind === 'Attribute' && e.func.attr === fn && e.func.value.kind === 'Name' && e.func.value.id === module;
}

export function childrenOf(e: Expr): Expr[] {
  switch (e.kind) {
    case 'Tuple':
    case 'List':
    case 'Set':
      return e.elts;
    case 'Dict':
      return e.entries.flatMap((en) => [en.key, en.value]);
    case 'FString':
      return e.parts.flatMap((p) => (typeof p === 'string' ? [] : [p.value]));
    case 'Attribute':
      return [e.value];
    case 'Subscript':
      return [e.value, e.index];
    case 'Slice':
      return [e.lower, e.upper, e.step].filter((x): x is Expr => x !== null);
    case 'BinOp':
      return [e.left, e.right];
    case 'UnaryOp':
      return [e.operand];
    case 'Compare':
      return [e.left, ...e.comparators];
    case 'Call':
      return [e.func, ...e.args];
    default:
      return [];
  }
}

export function walkCalls(body: Stmt[], visit: (callee: string) => void): void {
  const expr = (e: Expr): void => {
    if (e.kind === 'Call' && e.func.kind === 'Name') visit(e.func.id);
    childrenOf(e).forEach(expr);
  };
  for (const s of body) {
    if (s.kind === 'Assign') expr(s.value);
    else if (s.kind === 'AugAssign') expr(s.value);
    else if (s.kind === 'ExprStmt') expr(s.value);
    else if (s.kind === 'Return' && s.value !== null) expr(s.value);
    else if (s.kind === 'FunctionDef' || s.kind === 'ClassDef') walkCalls(s.body, visit);
  }
}
