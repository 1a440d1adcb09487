// Statements: Lezer's concrete tree to the AST, with the scope rules CPython's compiler enforces
// (where return and global may stand, global after a use or an assignment).
import type { SyntaxNode } from '@lezer/common';
import type { AugOp, Expr, Stmt, Target } from './ast.ts';
import { ASSIGN, GLOBAL, MAX_BLOCK_DEPTH, PARAM, USE, type Ctx } from './context.ts';
import { convertClass } from './convert-class.ts';
import { convertFunction } from './convert-def.ts';
import { checkedName, convertExprList, convertMember, text } from './convert-expr.ts';
import { commaItems, kids, unparenthesized } from './lezer-nodes.ts';
import { rejectedConstructReason } from './rejected-constructs.ts';
import { isModuleName } from './vocabulary.ts';

/** The statement nodes of a Script or Body, with `a; b` groups taken apart. */
export function statementNodes(container: SyntaxNode): SyntaxNode[] {
  const out: SyntaxNode[] = [];
  for (const n of kids(container)) {
    if (n.name === ':') continue;
    if (n.name === 'StatementGroup') out.push(...kids(n).filter((c) => c.name !== ';'));
    else out.push(n);
  }
  return out;
}

/** Runs `convert` one block deeper, refusing nesting CPython's parser could not take. */
export function nestedBlock<T>(container: SyntaxNode, ctx: Ctx, convert: () => T): T {
  ctx.depth.block++;
  try {
    if (ctx.depth.block > MAX_BLOCK_DEPTH) ctx.src.fail(container.from, 'blocks nested too deeply');
    return convert();
  } finally {
    ctx.depth.block--;
  }
}

export function convertBlock(container: SyntaxNode, ctx: Ctx): Stmt[] {
  return nestedBlock(container, ctx, () => statementNodes(container).map((n) => convertStatement(n, ctx)));
}

function convertStatement(node: SyntaxNode, ctx: Ctx): Stmt {
  const rejected = rejectedConstructReason(node);
  if (rejected) ctx.src.fail(node.from, rejected);
  const loc = ctx.src.loc(node.from);
  const k = kids(node);
  switch (node.name) {
    case 'PassStatement':
      return { kind: 'Pass', loc };
    case 'ExpressionStatement':
      return { kind: 'ExprStmt', value: convertExprList(k, ctx), loc };
    case 'ImportStatement':
      return convertImport(node, ctx);
    case 'AssignStatement':
      return convertAssign(node, ctx);
    case 'UpdateStatement':
      return convertAugAssign(node, ctx);
    case 'DeleteStatement': {
      const { items } = commaItems(k.slice(1));
      if (items.length === 0) ctx.src.fail(k[0].to, 'invalid syntax');
      return { kind: 'Delete', targets: items.map((item) => convertTarget(item, ctx, 'del')), loc };
    }
    case 'ReturnStatement': {
      if (ctx.scope.kind !== 'function') ctx.src.fail(node.from, "'return' outside a function");
      return { kind: 'Return', value: k.length > 1 ? convertExprList(k.slice(1), ctx) : null, loc };
    }
    case 'ScopeStatement':
      return convertGlobal(node, ctx);
    case 'FunctionDefinition':
      return convertFunction(node, ctx, false);
    case 'ClassDefinition':
      return convertClass(node, ctx);
    default:
      return ctx.src.fail(node.from, 'invalid syntax');
  }
}

function convertImport(node: SyntaxNode, ctx: Ctx): Stmt {
  const k = kids(node);
  const name = k[1] ? text(ctx, k[1]) : '';
  if (k.length !== 2 || k[0].name !== 'import' || k[1].name !== 'VariableName' || !isModuleName(name)) {
    ctx.src.fail(node.from, "only 'import sys', 'import gc' and 'import weakref' are part of the case language");
  }
  ctx.scope.mark(name, ASSIGN);
  return { kind: 'Import', module: name, loc: ctx.src.loc(node.from) };
}

/** An assignment or deletion target: a name, an attribute or a subscript. */
function convertTarget(item: SyntaxNode[], ctx: Ctx, role: 'store' | 'del'): Target {
  const verb = role === 'store' ? 'assign to' : 'delete';
  if (item.length !== 1) {
    ctx.src.fail(item[0].from, item[0].name === '*' ? 'starred expressions are not part of the case language' : 'invalid syntax');
  }
  const node = unparenthesized(item[0]);
  const loc = ctx.src.loc(node.from);
  switch (node.name) {
    case 'VariableName':
      return { kind: 'Name', id: checkedName(node, ctx, role), loc };
    case 'MemberExpression':
      return convertMember(node, ctx, role);
    case 'TupleExpression':
    case 'ArrayExpression':
      return ctx.src.fail(node.from, role === 'store' ? 'unpacking assignment is not part of the case language' : `cannot ${verb} a tuple or list in the case language`);
    case 'Number':
    case 'String':
    case 'FormatString':
    case 'ContinuedString':
    case 'Boolean':
    case 'None':
    case 'Ellipsis':
      return ctx.src.fail(node.from, `cannot ${verb} literal`);
    case 'CallExpression':
      return ctx.src.fail(node.from, `cannot ${verb} function call`);
    default: {
      const rejected = rejectedConstructReason(node);
      return ctx.src.fail(node.from, rejected ?? `cannot ${verb} expression`);
    }
  }
}

/** Splits `t1 = t2 = value` at its `=` signs. */
export function assignGroups(k: SyntaxNode[]): SyntaxNode[][] {
  const groups: SyntaxNode[][] = [[]];
  for (const n of k) {
    if (n.name === 'AssignOp') groups.push([]);
    else groups[groups.length - 1].push(n);
  }
  return groups;
}

function targetOfGroup(group: SyntaxNode[], ctx: Ctx): Target {
  const { items, trailingComma } = commaItems(group);
  if (items.length !== 1 || trailingComma) ctx.src.fail(group[0].from, 'unpacking assignment is not part of the case language');
  return convertTarget(items[0], ctx, 'store');
}

function valueOfGroup(group: SyntaxNode[], ctx: Ctx, after: number): Expr {
  if (group.length === 0) ctx.src.fail(after, 'invalid syntax');
  const rejected = rejectedConstructReason(group[0]);
  if (rejected) ctx.src.fail(group[0].from, rejected);
  return convertExprList(group, ctx);
}

function convertAssign(node: SyntaxNode, ctx: Ctx): Stmt {
  const k = kids(node);
  const typeDef = k.find((n) => n.name === 'TypeDef');
  const groups = assignGroups(k);
  const targets: Target[] = [];
  for (const group of groups.slice(0, -1)) {
    if (typeDef && group.includes(typeDef)) ctx.src.fail(typeDef.from, 'annotations are not part of the case language');
    targets.push(targetOfGroup(group, ctx));
  }
  if (typeDef) ctx.src.fail(typeDef.from, 'annotations are not part of the case language');
  const value = valueOfGroup(groups[groups.length - 1], ctx, node.to);
  return { kind: 'Assign', targets, value, loc: ctx.src.loc(node.from) };
}

const AUG_OPS: ReadonlySet<string> = new Set(['+=', '-=', '*=']);

function convertAugAssign(node: SyntaxNode, ctx: Ctx): Stmt {
  const k = kids(node);
  const at = k.findIndex((n) => n.name === 'UpdateOp');
  const target = targetOfGroup(k.slice(0, at), ctx);
  const opText = text(ctx, k[at]);
  if (!AUG_OPS.has(opText)) ctx.src.fail(k[at].from, `'${opText}' operator is not part of the case language`);
  const value = valueOfGroup(k.slice(at + 1), ctx, k[at].to);
  return { kind: 'AugAssign', target, op: opText.slice(0, -1) as AugOp, value, loc: ctx.src.loc(node.from) };
}

function convertGlobal(node: SyntaxNode, ctx: Ctx): Stmt {
  if (ctx.scope.kind !== 'function') {
    ctx.src.fail(node.from, "'global' is part of the case language only inside a function");
  }
  const k = kids(node);
  const { items, trailingComma, commas } = commaItems(k.slice(1));
  if (trailingComma || items.length === 0) ctx.src.fail(commas[commas.length - 1]?.from ?? node.to, 'invalid syntax');
  const names: string[] = [];
  for (const item of items) {
    if (item.length !== 1) ctx.src.fail(item[0].from, 'invalid syntax');
    const name = checkedName(item[0], ctx, 'global');
    const flags = ctx.scope.get(name);
    if (flags & PARAM) ctx.src.fail(item[0].from, `name '${name}' is parameter and global`);
    if (flags & USE) ctx.src.fail(item[0].from, `name '${name}' is used prior to global declaration`);
    if (flags & ASSIGN) ctx.src.fail(item[0].from, `name '${name}' is assigned to before global declaration`);
    ctx.scope.mark(name, GLOBAL);
    names.push(name);
  }
  return { kind: 'Global', names, loc: ctx.src.loc(node.from) };
}
