// Which features of the case language a program uses, read off its AST (not off the plan it was
// built from), so that statistics over generated programs check what really reaches CPython.
import type { Expr, Program, Stmt } from '../language/ast.ts';
import { childrenOf, endingFeature, exprFeatures, isNoneMethodCall, observationFeatures, strTyped, walkCalls } from './featureExprs.ts';

export { childrenOf } from './featureExprs.ts';

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
  'set.add', 'set.discard', 'list.insert', 'list.extend', 'list.remove', 'list.reverse', 'dict.update',
  'augmented attribute', 'augmented subscript', 'global', 'nested def', 'class with __slots__',
  'class attribute', 'method', 'subclass of a class with attributes', 'bound method in a name',
  'ending: missing key', 'ending: index out of range', 'ending: unbound name', 'ending: wrong arity',
  'ending: division by zero', 'ending: attribute outside the slots', 'x = _',
  // values
  'int -6', 'int -5', 'int 0', 'int 256', 'int 257', 'large int', 'int(str)', 'int arithmetic at run time',
  'folded int expression', 'float', 'float -0.0', 'identifier-like str', 'not identifier-like str', 'empty str',
  'one-character str', 'non-ASCII str', 'str made at run time', 'str.join', 'str repetition', 'str(int)',
  'str.upper', 'f-string', 'sys.intern', 'bytes', 'True', 'False', 'None', 'Ellipsis',
  'empty tuple', 'tuple', 'empty list', 'list', 'empty dict', 'dict', 'object()',
  'set display', 'empty set', 'frozenset', 'empty frozenset', 'slice', 'reverse slice', 'tuple()', 'list()', 'dict.get', 'dict.setdefault',
  'dict.pop', 'copy()', 'list.pop', 'list.index', 'str.lower', 'str.strip', 'str.replace', 'str.split',
  'f-string with !r', 'f-string with !s', 'f-string with several fields',
  // observations
  'observe is', 'observe is not', 'observe id ==', 'observe sys.getrefcount', 'observe refcount delta',
  'observe w() is None', 'observe gc.collect()', 'observe gc.is_tracked', 'observe type().__name__',
  'observe log', 'observe ==', 'observe len', 'observe plain value', 'observe subscript', 'observe hash',
  'observe _', 'observe inside a function body',
  'observe !=', 'observe <', 'observe <=', 'observe >', 'observe >=', 'observe in', 'observe not in',
  'observe comparison chain', 'observe slice', 'observe slice is', 'observe repr', 'observe bool',
  'observe str.startswith', 'observe str.find', 'observe list.count', 'observe method call',
  'observe _ is', 'observe sys.getrefcount(_)',
] as const;

export type Feature = (typeof FEATURES)[number];

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

  const classesWithAttributes = new Set<string>();
  const bound = new Set<string>();
  const stmt = (s: Stmt, topLevel: boolean, inDef = false): void => {
    switch (s.kind) {
      case 'Import':
        add(`import ${s.module}` as Feature);
        return;
      case 'Assign': {
        add('assignment');
        if (s.targets.length > 1) add('chained assignment');
        if (s.value.kind === 'Name') add(s.value.id === '_' && program.mode === 'repl' ? 'x = _' : 'aliasing');
        if (s.value.kind === 'Attribute' && s.value.attr === 'get') add('bound method in a name');
        for (const t of s.targets) {
          if (t.kind === 'Name') {
            if (t.id === 'log' && s.value.kind === 'List' && s.value.elts.length === 0) add('log = []');
            if (topLevel && assigned.has(t.id)) add('rebinding');
            if (topLevel) assigned.add(t.id);
            if (topLevel) bound.add(t.id);
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
        if (s.target.kind === 'Attribute') add('augmented attribute');
        if (s.target.kind === 'Subscript') add('augmented subscript');
        expr(s.value);
        expr(s.target);
        return;
      case 'Delete':
        for (const t of s.targets) {
          add(t.kind === 'Name' ? 'del name' : t.kind === 'Attribute' ? 'del attribute' : 'del subscript');
          if (t.kind === 'Name' && topLevel) bound.delete(t.id);
        }
        return;
      case 'ExprStmt':
        if (topLevel) observationFeatures(s.value, program.mode, add);
        else if (program.mode !== 'repl' && !isNoneMethodCall(s.value)) add('observe inside a function body');
        expr(s.value);
        return;
      case 'FunctionDef':
        add('def');
        if (inDef) add('nested def');
        if (topLevel) bound.add(s.name);
        for (const b of s.body) stmt(b, false, true);
        return;
      case 'ClassDef': {
        if (topLevel) bound.add(s.name);
        if (s.base !== null) add('subclass');
        if (s.base !== null && classesWithAttributes.has(s.base)) add('subclass of a class with attributes');
        for (const b of s.body) {
          if (b.kind === 'FunctionDef' && !b.name.startsWith('__')) add('method');
          if (b.kind !== 'Assign') continue;
          const slots = b.targets.some((t) => t.kind === 'Name' && t.id === '__slots__');
          add(slots ? 'class with __slots__' : 'class attribute');
          if (!slots) classesWithAttributes.add(s.name);
        }
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
        add('global');
        return;
      case 'Pass':
        return;
    }
  };

  const userFunctions = new Set(program.body.flatMap((s) => (s.kind === 'FunctionDef' ? [s.name] : [])));
  const classes = new Set(program.body.flatMap((s) => (s.kind === 'ClassDef' ? [s.name] : [])));
  for (const s of program.body) stmt(s, true);
  const last = program.body.at(-1);
  if (last !== undefined) {
    const ending = endingFeature(last, bound);
    if (ending !== null) add(ending);
  }
  walkCalls(program.body, (callee) => {
    if (userFunctions.has(callee)) add('call of a user function');
    if (classes.has(callee)) add('instance');
  });
  if (otherLinks.some(([a, b]) => a !== b && otherLinks.some(([c, d]) => c === b && d === a))) add('cycle between two instances');
  return found;
}

