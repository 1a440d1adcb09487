// Which features of the case language a program uses, read off its AST (not off the plan it was
// built from), so that statistics over generated programs check what really reaches CPython.
import type { Expr, Program, Stmt } from '../language/ast.ts';

export const FEATURES = [
  // modes
  'module mode', 'function mode', 'repl mode',
  // statements
  'import sys', 'import gc', 'import weakref', 'log = []', 'assignment', 'rebinding', 'chained assignment',
  'aliasing', 'del name', 'del attribute', 'del subscript', 'augmented assignment', 'list.append',
  'subscript assignment', 'attribute assignment', 'container clear',
  'class with __del__', 'class without __del__', 'class with __init__', 'subclass', 'instance',
  'cycle between two instances', 'self-cycle', 'list containing itself', 'instance in a list in the instance',
  'weakref.ref', 'weakref.ref with callback', 'def', 'return', 'call of a user function',
  // values
  'int -6', 'int -5', 'int 0', 'int 256', 'int 257', 'large int', 'int(str)', 'int arithmetic at run time',
  'folded int expression', 'float', 'float -0.0', 'identifier-like str', 'not identifier-like str', 'empty str',
  'one-character str', 'non-ASCII str', 'str made at run time', 'str.join', 'str repetition', 'str(int)',
  'str.upper', 'f-string', 'sys.intern', 'bytes', 'True', 'False', 'None', 'Ellipsis',
  'empty tuple', 'tuple', 'empty list', 'list', 'empty dict', 'dict', 'object()',
  // observations
  'observe is', 'observe is not', 'observe id ==', 'observe sys.getrefcount', 'observe refcount delta',
  'observe w() is None', 'observe gc.collect()', 'observe gc.is_tracked', 'observe type().__name__',
  'observe log', 'observe ==', 'observe len', 'observe plain value', 'observe subscript', 'observe hash',
  'observe _', 'observe inside a function body',
] as const;

export type Feature = (typeof FEATURES)[number];

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

export function featuresOf(program: Program): Set<Feature> {
  const found = new Set<Feature>([`${program.mode} mode` as Feature]);
  const add = (f: Feature) => found.add(f);
  const assigned = new Set<string>();
  const otherLinks: [string, string][] = [];

  // Enough typing to tell `s * 2` (a str) from `n * 2` (an int): which names hold a str.
  const strNames = new Set<string>();
  const isStr = (id: string) => strNames.has(id);
  const expr = (e: Expr): void => {
    exprFeatures(e, add, isStr);
    for (const child of childrenOf(e)) expr(child);
  };

  const stmt = (s: Stmt, topLevel: boolean): void => {
    switch (s.kind) {
      case 'Import':
        add(`import ${s.module}` as Feature);
        return;
      case 'Assign': {
        add('assignment');
        if (s.targets.length > 1) add('chained assignment');
        if (s.value.kind === 'Name') add('aliasing');
        for (const t of s.targets) {
          if (t.kind === 'Name') {
            if (t.id === 'log' && s.value.kind === 'List' && s.value.elts.length === 0) add('log = []');
            if (topLevel && assigned.has(t.id)) add('rebinding');
            if (topLevel) assigned.add(t.id);
          } else if (t.kind === 'Subscript') {
            add('subscript assignment');
          } else {
            add('attribute assignment');
            const owner = t.value.kind === 'Name' ? t.value.id : null;
            const value = s.value.kind === 'Name' ? s.value.id : null;
            if (owner !== null && owner === value) add('self-cycle');
            if (owner !== null && value !== null && t.attr === 'other') otherLinks.push([owner, value]);
            if (owner !== null && s.value.kind === 'List' && s.value.elts.some((x) => x.kind === 'Name' && x.id === owner)) {
              add('instance in a list in the instance');
            }
          }
        }
        expr(s.value);
        const holdsStr = strTyped(s.value, isStr);
        for (const t of s.targets) {
          if (t.kind !== 'Name' || !topLevel) continue;
          if (holdsStr) strNames.add(t.id);
          else strNames.delete(t.id);
        }
        return;
      }
      case 'AugAssign':
        add('augmented assignment');
        expr(s.value);
        return;
      case 'Delete':
        for (const t of s.targets) add(t.kind === 'Name' ? 'del name' : t.kind === 'Attribute' ? 'del attribute' : 'del subscript');
        return;
      case 'ExprStmt':
        if (topLevel) observationFeatures(s.value, program.mode, add);
        else if (program.mode !== 'repl' && !isNoneMethodCall(s.value)) add('observe inside a function body');
        expr(s.value);
        return;
      case 'FunctionDef':
        add('def');
        for (const b of s.body) stmt(b, false);
        return;
      case 'ClassDef': {
        if (s.base !== null) add('subclass');
        const methods = s.body.filter((b) => b.kind === 'FunctionDef').map((b) => (b.kind === 'FunctionDef' ? b.name : ''));
        if (methods.includes('__del__')) add('class with __del__');
        else if (s.base === null) add('class without __del__');
        if (methods.includes('__init__')) add('class with __init__');
        for (const b of s.body) stmt(b, false);
        return;
      }
      case 'Return':
        add('return');
        if (s.value !== null) expr(s.value);
        return;
      case 'Global':
      case 'Pass':
        return;
    }
  };

  const userFunctions = new Set(program.body.flatMap((s) => (s.kind === 'FunctionDef' ? [s.name] : [])));
  const classes = new Set(program.body.flatMap((s) => (s.kind === 'ClassDef' ? [s.name] : [])));
  for (const s of program.body) stmt(s, true);
  walkCalls(program.body, (callee) => {
    if (userFunctions.has(callee)) add('call of a user function');
    if (classes.has(callee)) add('instance');
  });
  if (otherLinks.some(([a, b]) => a !== b && otherLinks.some(([c, d]) => c === b && d === a))) add('cycle between two instances');
  return found;
}

function observationFeatures(e: Expr, mode: Program['mode'], add: (f: Feature) => void): void {
  if (e.kind === 'Compare' && e.ops.length === 1) {
    const [op] = e.ops;
    const left = e.left;
    const right = e.comparators[0]!;
    if (op === 'is' && left.kind === 'Call' && left.args.length === 0 && right.kind === 'None') add('observe w() is None');
    else if (op === 'is') add('observe is');
    else if (op === 'is not') add('observe is not');
    else if (op === '==' && isCallOf(left, 'id') && isCallOf(right, 'id')) add('observe id ==');
    else if (op === '==') add('observe ==');
    return;
  }
  if (e.kind === 'BinOp' && e.op === '-' && isModuleCall(e.left, 'sys', 'getrefcount')) return void add('observe refcount delta');
  if (isModuleCall(e, 'sys', 'getrefcount')) return void add('observe sys.getrefcount');
  if (isModuleCall(e, 'gc', 'collect')) return void add('observe gc.collect()');
  if (isModuleCall(e, 'gc', 'is_tracked')) return void add('observe gc.is_tracked');
  if (e.kind === 'Attribute' && e.attr === '__name__' && isCallOf(e.value, 'type')) return void add('observe type().__name__');
  if (isCallOf(e, 'len')) return void add('observe len');
  if (isCallOf(e, 'hash')) return void add('observe hash');
  if (e.kind === 'Subscript') return void add('observe subscript');
  if (e.kind === 'Name') {
    if (e.id === 'log') add('observe log');
    else if (e.id === '_' && mode === 'repl') add('observe _');
    else add('observe plain value');
  }
}

function exprFeatures(e: Expr, add: (f: Feature) => void, isStr: (name: string) => boolean): void {
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
    case 'FString':
      add('f-string');
      return;
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
      if (e.func.kind === 'Attribute') {
        if (e.func.attr === 'join') add('str.join');
        if (e.func.attr === 'upper') add('str.upper');
        if (e.func.attr === 'clear') add('container clear');
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

function strTyped(e: Expr, isStr: (name: string) => boolean): boolean {
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
function isNoneMethodCall(e: Expr): boolean {
  return e.kind === 'Call' && e.func.kind === 'Attribute' && ['append', 'clear', 'extend', 'insert', 'update'].includes(e.func.attr);
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

function walkCalls(body: Stmt[], visit: (callee: string) => void): void {
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
