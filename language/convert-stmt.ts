// Statements, function and class definitions: Lezer's concrete tree to the AST, with the scope
// rules CPython's compiler enforces (return and global placement, global after use, parameters).
import type { SyntaxNode } from '@lezer/common';
import type { AugOp, ClassDef, Expr, FunctionDef, Param, Stmt, Target } from './ast.ts';
import { ASSIGN, GLOBAL, MAX_BLOCK_DEPTH, PARAM, Scope, USE, type Ctx } from './context.ts';
import { checkedName, convertExpr, convertExprList, convertMember, text } from './convert-expr.ts';
import { commaItems, kids, unparenthesized } from './lezer-nodes.ts';
import { rejectedConstructReason } from './rejected-constructs.ts';
import { identifierProblem, isDunder, isModuleName, METHOD_DUNDERS } from './vocabulary.ts';

const CLASS_BODY_REASON = 'class body may hold only pass, constant class attributes, __slots__ and def';

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

export function convertBlock(container: SyntaxNode, ctx: Ctx): Stmt[] {
  ctx.depth.block++;
  try {
    if (ctx.depth.block > MAX_BLOCK_DEPTH) ctx.src.fail(container.from, 'blocks nested too deeply');
    return statementNodes(container).map((n) => convertStatement(n, ctx));
  } finally {
    ctx.depth.block--;
  }
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
function assignGroups(k: SyntaxNode[]): SyntaxNode[][] {
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

/** A constant expression: a literal, a negated number, a tuple of constants (checked on the tree). */
function isConstantNode(node: SyntaxNode, ctx: Ctx): boolean {
  const n = unparenthesized(node);
  switch (n.name) {
    case 'Number':
    case 'String':
    case 'Boolean':
    case 'None':
    case 'Ellipsis':
      return true;
    case 'ContinuedString':
      return kids(n).every((c) => c.name === 'String');
    case 'UnaryExpression': {
      const [op, operand] = kids(n);
      return text(ctx, op) === '-' && operand !== undefined && unparenthesized(operand).name === 'Number';
    }
    case 'TupleExpression':
      return commaItems(kids(n).slice(1, -1)).items.every((item) => isConstantList(item, ctx));
    default:
      return false;
  }
}

function isConstantList(item: SyntaxNode[], ctx: Ctx): boolean {
  return item.length === 1 && isConstantNode(item[0], ctx);
}

function convertParams(paramList: SyntaxNode, ctx: Ctx, outer: Ctx): Param[] {
  const inner = kids(paramList).slice(1, -1);
  const params: Param[] = [];
  const seen = new Set<string>();
  for (const item of commaItems(inner).items) {
    const first = item[0];
    if (first.name === '*' || first.name === '**' || first.name === '/') {
      ctx.src.fail(first.from, `'${first.name}' parameters are not part of the case language`);
    }
    const typeDef = item.find((n) => n.name === 'TypeDef');
    if (typeDef) ctx.src.fail(typeDef.from, 'annotations are not part of the case language');
    const name = checkedName(first, ctx, 'param');
    if (seen.has(name)) ctx.src.fail(first.from, `duplicate argument '${name}' in function definition`);
    seen.add(name);
    let dflt: Expr | null = null;
    if (item.length > 1) {
      if (item.length !== 3 || item[1].name !== 'AssignOp') ctx.src.fail(item[1].from, 'invalid syntax');
      if (!isConstantNode(item[2], ctx)) ctx.src.fail(item[2].from, 'a default must be a constant');
      // Defaults are evaluated where the def statement runs.
      dflt = convertExpr(item[2], outer);
    } else if (params.some((p) => p.default !== null)) {
      ctx.src.fail(first.from, 'parameter without a default follows parameter with a default');
    }
    params.push({ name, default: dflt });
  }
  return params;
}

function convertFunction(node: SyntaxNode, ctx: Ctx, isMethod: boolean): FunctionDef {
  const k = kids(node);
  const nameNode = k[1];
  const loc = ctx.src.loc(node.from);
  let name: string;
  if (isMethod) name = methodOrAttributeName(nameNode, ctx, METHOD_DUNDERS);
  else name = checkedName(nameNode, ctx, 'def');
  const typeParams = k.find((n) => n.name === 'TypeParamList');
  if (typeParams) ctx.src.fail(typeParams.from, 'type parameters are not part of the case language');
  const paramList = k.find((n) => n.name === 'ParamList');
  const body = k.find((n) => n.name === 'Body');
  if (!paramList || !body) return ctx.src.fail(node.from, 'invalid syntax');
  const inner: Ctx = { ...ctx, scope: new Scope('function') };
  const params = convertParams(paramList, inner, ctx);
  const returns = k.find((n) => n.name === 'TypeDef');
  if (returns) ctx.src.fail(returns.from, 'annotations are not part of the case language');
  return { kind: 'FunctionDef', name, params, body: convertBlock(body, inner), loc };
}

/** A name bound in a class body: only a method or class attribute, so built-in names are fine. */
function methodOrAttributeName(node: SyntaxNode, ctx: Ctx, dunders: ReadonlySet<string>): string {
  const name = text(ctx, node);
  const bad = node.name === 'VariableName' ? identifierProblem(name) : 'invalid syntax';
  if (bad) ctx.src.fail(node.from, bad);
  if (isDunder(name) && !dunders.has(name)) ctx.src.fail(node.from, `dunder name '${name}' is not part of the case language`);
  ctx.scope.mark(name, ASSIGN);
  return name;
}

function convertClass(node: SyntaxNode, ctx: Ctx): ClassDef {
  const k = kids(node);
  const loc = ctx.src.loc(node.from);
  const name = checkedName(k[1], ctx, 'class');
  const typeParams = k.find((n) => n.name === 'TypeParamList');
  if (typeParams) ctx.src.fail(typeParams.from, 'type parameters are not part of the case language');
  const argList = k.find((n) => n.name === 'ArgList');
  let base: string | null = null;
  if (argList) {
    const { items } = commaItems(kids(argList).slice(1, -1));
    for (const [index, item] of items.entries()) {
      if (item.some((n) => n.name === 'AssignOp')) ctx.src.fail(item[0].from, 'keyword arguments are not part of the case language');
      if (index > 0) ctx.src.fail(item[0].from, 'a class may have at most one base');
      const baseNode = unparenthesized(item[0]);
      if (item.length !== 1 || baseNode.name !== 'VariableName') {
        ctx.src.fail(item[0].from, 'a base class must be object or a class defined earlier in the program');
      }
      base = checkedName(baseNode, ctx, 'load');
      if (base !== 'object' && !ctx.classNames.has(base)) {
        ctx.src.fail(baseNode.from, `base class '${base}' must be object or a class defined earlier in the program`);
      }
    }
  }
  ctx.classNames.add(name);
  const body = k.find((n) => n.name === 'Body');
  if (!body) return ctx.src.fail(node.from, 'invalid syntax');
  const inner: Ctx = { ...ctx, scope: new Scope('class') };
  ctx.depth.block++;
  try {
    if (ctx.depth.block > MAX_BLOCK_DEPTH) ctx.src.fail(body.from, 'blocks nested too deeply');
    return { kind: 'ClassDef', name, base, body: statementNodes(body).map((n) => convertClassStatement(n, inner)), loc };
  } finally {
    ctx.depth.block--;
  }
}

const SLOT_DUNDERS: ReadonlySet<string> = new Set(['__dict__', '__weakref__']);

function convertClassStatement(node: SyntaxNode, ctx: Ctx): Stmt {
  const loc = ctx.src.loc(node.from);
  if (node.name === 'PassStatement') return { kind: 'Pass', loc };
  if (node.name === 'FunctionDefinition' && node.firstChild?.name !== 'async') return convertFunction(node, ctx, true);
  if (node.name !== 'AssignStatement') return ctx.src.fail(node.from, CLASS_BODY_REASON);
  const k = kids(node);
  const typeDef = k.find((n) => n.name === 'TypeDef');
  if (typeDef) ctx.src.fail(typeDef.from, 'annotations are not part of the case language');
  const groups = assignGroups(k);
  if (groups.length !== 2 || groups[0].length !== 1 || groups[0][0].name !== 'VariableName') {
    return ctx.src.fail(node.from, CLASS_BODY_REASON);
  }
  const targetNode = groups[0][0];
  const name = methodOrAttributeName(targetNode, ctx, new Set(['__slots__']));
  const valueNodes = groups[1];
  if (valueNodes.length === 0) ctx.src.fail(node.to, 'invalid syntax');
  if (name === '__slots__') checkSlots(valueNodes, ctx);
  else if (!commaItems(valueNodes).items.every((item) => isConstantList(item, ctx))) {
    ctx.src.fail(valueNodes[0].from, 'a class attribute must be a constant');
  }
  const value = convertExprList(valueNodes, ctx);
  return { kind: 'Assign', targets: [{ kind: 'Name', id: name, loc: ctx.src.loc(targetNode.from) }], value, loc };
}

/** `__slots__ = 'a'` or a tuple of str constants, each naming a slot CPython would accept. */
function checkSlots(valueNodes: SyntaxNode[], ctx: Ctx): void {
  const reason = '__slots__ must be a str or a tuple of str constants';
  const { items, trailingComma } = commaItems(valueNodes);
  let elements: SyntaxNode[];
  if (items.length === 1 && !trailingComma) {
    const only = unparenthesized(items[0][0]);
    if (items[0].length !== 1) ctx.src.fail(valueNodes[0].from, reason);
    if (only.name === 'TupleExpression') {
      elements = commaItems(kids(only).slice(1, -1)).items.map((item) => {
        if (item.length !== 1) ctx.src.fail(item[0].from, reason);
        return item[0];
      });
    } else elements = [only];
  } else {
    elements = items.map((item) => {
      if (item.length !== 1) ctx.src.fail(item[0].from, reason);
      return item[0];
    });
  }
  for (const el of elements) {
    const n = unparenthesized(el);
    if (n.name !== 'String' && !(n.name === 'ContinuedString' && kids(n).every((c) => c.name === 'String'))) {
      ctx.src.fail(el.from, reason);
    }
    const raw = ctx.src.slice(n.from, n.to);
    if (/^[A-Za-z]*[bB]/.test(raw)) ctx.src.fail(el.from, reason);
    const slot = slotName(n, ctx);
    const bad = identifierProblem(slot);
    if (bad || (isDunder(slot) && !SLOT_DUNDERS.has(slot))) {
      ctx.src.fail(el.from, `'${slot}' is not a slot name of the case language`);
    }
  }
}

function slotName(node: SyntaxNode, ctx: Ctx): string {
  const value = convertExpr(node, ctx);
  return value.kind === 'Str' ? value.value : '';
}
