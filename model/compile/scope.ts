// Where each name lives, as Python/symtable.c decides: a function's parameters and the names it
// binds are fast locals (unless declared global); a local that a nested function uses becomes a
// cell; a name a function uses but does not bind is free if an enclosing function binds it, else
// global. A class body's names live in the class namespace and are invisible to its methods.
import type { Expr, Stmt, Target } from '../../language/ast.ts';

export type ScopeKind = 'module' | 'function' | 'class';

export interface Scope {
  kind: ScopeKind;
  /** Names bound in this scope (locals of a function, class attributes of a class body). */
  bound: Set<string>;
  declaredGlobal: Set<string>;
  params: string[];
  /** Locals captured by nested functions. */
  cells: Set<string>;
  /** Names taken from an enclosing function. */
  frees: Set<string>;
  parent: Scope | null;
  children: Map<Stmt, Scope>;
}

export function boundNames(body: Stmt[], into: Set<string>, globals: Set<string>): void {
  const bindTarget = (t: Target): void => {
    if (t.kind === 'Name') into.add(t.id);
  };
  for (const s of body) {
    switch (s.kind) {
      case 'Import': into.add(s.module); break;
      case 'Assign': s.targets.forEach(bindTarget); break;
      case 'AugAssign': bindTarget(s.target); break;
      case 'Delete': s.targets.forEach(bindTarget); break;
      case 'FunctionDef': case 'ClassDef': into.add(s.name); break;
      case 'Global': s.names.forEach((n) => globals.add(n)); break;
      default: break;
    }
  }
  for (const g of globals) into.delete(g);
}

/** Names an expression reads. */
export function usedNames(e: Expr | null, out: Set<string>): void {
  if (!e) return;
  switch (e.kind) {
    case 'Name': out.add(e.id); break;
    case 'Tuple': case 'List': case 'Set': e.elts.forEach((x) => usedNames(x, out)); break;
    case 'Dict': e.entries.forEach(({ key, value }) => { usedNames(key, out); usedNames(value, out); }); break;
    case 'FString':
      for (const p of e.parts) {
        if (typeof p === 'string') continue;
        usedNames(p.value, out);
        for (const q of p.spec ?? []) if (typeof q !== 'string') usedNames(q.value, out);
      }
      break;
    case 'Attribute': usedNames(e.value, out); break;
    case 'Subscript': usedNames(e.value, out); usedNames(e.index, out); break;
    case 'Slice': usedNames(e.lower, out); usedNames(e.upper, out); usedNames(e.step, out); break;
    case 'BinOp': usedNames(e.left, out); usedNames(e.right, out); break;
    case 'UnaryOp': usedNames(e.operand, out); break;
    case 'Compare': usedNames(e.left, out); e.comparators.forEach((x) => usedNames(x, out)); break;
    case 'Call': usedNames(e.func, out); e.args.forEach((x) => usedNames(x, out)); break;
    default: break;
  }
}

function usedInStatements(body: Stmt[], out: Set<string>): void {
  for (const s of body) {
    switch (s.kind) {
      case 'Assign': usedNames(s.value, out); s.targets.forEach((t) => t.kind !== 'Name' && usedNames(t, out)); break;
      case 'AugAssign': usedNames(s.value, out); usedNames(s.target, out); break;
      case 'Delete': s.targets.forEach((t) => t.kind !== 'Name' && usedNames(t, out)); break;
      case 'ExprStmt': usedNames(s.value, out); break;
      case 'Return': usedNames(s.value, out); break;
      case 'FunctionDef': s.params.forEach((p) => usedNames(p.default, out)); break;
      case 'ClassDef': if (s.base) out.add(s.base); break;
      default: break;
    }
  }
}

/** Builds the scope tree of a body run as `kind` (module or function). */
export function analyse(body: Stmt[], kind: ScopeKind, params: string[] = [], parent: Scope | null = null): Scope {
  const scope: Scope = {
    kind, bound: new Set(params), declaredGlobal: new Set(), params, cells: new Set(), frees: new Set(),
    parent, children: new Map(),
  };
  boundNames(body, scope.bound, scope.declaredGlobal);
  for (const s of body) {
    if (s.kind === 'FunctionDef') {
      scope.children.set(s, analyse(s.body, 'function', s.params.map((p) => p.name), scope));
    } else if (s.kind === 'ClassDef') {
      const cls = analyse(s.body, 'class', [], scope);
      scope.children.set(s, cls);
    }
  }
  if (kind === 'function') resolveFrees(scope, body);
  return scope;
}

/** A function's free names: used (by it or its nested functions) but bound by an enclosing function. */
function resolveFrees(scope: Scope, body: Stmt[]): void {
  const used = new Set<string>();
  usedInStatements(body, used);
  for (const child of scope.children.values()) for (const f of child.frees) used.add(f);
  for (const name of used) {
    if (scope.bound.has(name) || scope.declaredGlobal.has(name)) continue;
    const owner = enclosingFunctionBinding(scope.parent, name);
    if (owner) {
      scope.frees.add(name);
      for (let s = scope.parent; s && s !== owner; s = s.parent) s.frees.add(name);
      owner.cells.add(name);
    }
  }
  for (const child of scope.children.values()) {
    for (const f of child.frees) if (scope.bound.has(f)) scope.cells.add(f);
  }
}

function enclosingFunctionBinding(s: Scope | null, name: string): Scope | null {
  for (; s; s = s.parent) {
    if (s.kind === 'class') continue;
    if (s.kind === 'module') return null;
    if (s.declaredGlobal.has(name)) return null;
    if (s.bound.has(name)) return s;
  }
  return null;
}

export type NameKind = 'fast' | 'cell' | 'global' | 'name';

/** How code in `scope` reaches `name` (LOAD_FAST, LOAD_DEREF, LOAD_GLOBAL or LOAD_NAME). */
export function nameKind(scope: Scope, name: string): NameKind {
  if (scope.kind === 'module') return 'name';
  // A class body's own names are LOAD_NAME/STORE_NAME even when a method closes over an enclosing
  // function's variable of the same name (symtable.c DEF_FREE_CLASS, compile.c compiler_nameop):
  // the cell only passes through to the method.
  if (scope.kind === 'class') return scope.frees.has(name) && !scope.bound.has(name) ? 'cell' : 'name';
  if (scope.declaredGlobal.has(name)) return 'global';
  if (scope.cells.has(name) || scope.frees.has(name)) return 'cell';
  if (scope.bound.has(name)) return 'fast';
  return 'global';
}
