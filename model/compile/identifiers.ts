// The identifiers of a program: every name the parser meets (variables, attributes, parameters,
// functions, classes, imported modules, globals). The parser interns each one as it reads it
// (Parser/pegen.c _PyPegen_new_identifier), so they are all interned before any code object of
// the compilation is made; the oracle's own wrapper adds `__case__` and `__cmm_observe__`.
import type { Expr, FStringPart, Stmt } from '../../language/ast.ts';

const WRAPPER_NAMES = ['__case__', '__cmm_observe__'];

function fromExpr(e: Expr | null, into: Set<string>): void {
  if (!e) return;
  switch (e.kind) {
    case 'Name': into.add(e.id); return;
    case 'Attribute': into.add(e.attr); fromExpr(e.value, into); return;
    case 'Tuple': case 'List': case 'Set': e.elts.forEach((x) => fromExpr(x, into)); return;
    case 'Dict': e.entries.forEach(({ key, value }) => { fromExpr(key, into); fromExpr(value, into); }); return;
    case 'FString': fromParts(e.parts, into); return;
    case 'Subscript': fromExpr(e.value, into); fromExpr(e.index, into); return;
    case 'Slice': fromExpr(e.lower, into); fromExpr(e.upper, into); fromExpr(e.step, into); return;
    case 'BinOp': fromExpr(e.left, into); fromExpr(e.right, into); return;
    case 'UnaryOp': fromExpr(e.operand, into); return;
    case 'Compare': fromExpr(e.left, into); e.comparators.forEach((x) => fromExpr(x, into)); return;
    case 'Call': fromExpr(e.func, into); e.args.forEach((x) => fromExpr(x, into)); return;
    default: return;
  }
}

function fromParts(parts: FStringPart[], into: Set<string>): void {
  for (const p of parts) {
    if (typeof p === 'string') continue;
    fromExpr(p.value, into);
    if (p.spec) fromParts(p.spec, into);
  }
}

function fromStmts(body: Stmt[], into: Set<string>): void {
  for (const s of body) {
    switch (s.kind) {
      case 'Import': into.add(s.module); break;
      case 'Assign': s.targets.forEach((t) => fromExpr(t, into)); fromExpr(s.value, into); break;
      case 'AugAssign': fromExpr(s.target, into); fromExpr(s.value, into); break;
      case 'Delete': s.targets.forEach((t) => fromExpr(t, into)); break;
      case 'ExprStmt': fromExpr(s.value, into); break;
      case 'Return': fromExpr(s.value, into); break;
      case 'Global': s.names.forEach((n) => into.add(n)); break;
      case 'FunctionDef':
        into.add(s.name);
        s.params.forEach((p) => { into.add(p.name); fromExpr(p.default, into); });
        fromStmts(s.body, into);
        break;
      case 'ClassDef':
        into.add(s.name);
        if (s.base) into.add(s.base);
        fromStmts(s.body, into);
        break;
      case 'Pass': break;
    }
  }
}

/** The strings surely interned while `body` (one compilation) is compiled. */
export function programIdentifiers(body: Stmt[]): Set<string> {
  const names = new Set<string>(WRAPPER_NAMES);
  fromStmts(body, names);
  return names;
}
