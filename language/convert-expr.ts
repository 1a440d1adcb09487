// Expressions: Lezer's concrete tree to the AST, refusing what the case language leaves out.
import type { SyntaxNode } from '@lezer/common';
import {
  MODULE_FUNCTIONS,
  type AttributeExpr,
  type BinOp,
  type CmpOp,
  type CompareExpr,
  type Expr,
  type SubscriptExpr,
} from './ast.ts';
import { ASSIGN, MAX_EXPR_DEPTH, PARAM, USE, type Ctx } from './context.ts';
import { convertNumber, convertString } from './convert-literal.ts';
import { commaItems, kids, unparenthesized } from './lezer-nodes.ts';
import { rejectedConstructReason } from './rejected-constructs.ts';
import {
  attributeReason,
  isModuleName,
  methodReason,
  moduleUseReason,
  nameReason,
  type NameRole,
} from './vocabulary.ts';

const ARITHMETIC: ReadonlySet<string> = new Set(['+', '-', '*', '//', '%', '**']);
const COMPARISONS: ReadonlySet<string> = new Set(['is', 'is not', '==', '!=', '<', '<=', '>', '>=', 'in', 'not in']);

export function text(ctx: Ctx, node: SyntaxNode): string {
  return ctx.src.slice(node.from, node.to);
}

/** Checks a variable name in its role and records it in the current scope. */
export function checkedName(node: SyntaxNode, ctx: Ctx, role: NameRole): string {
  if (node.name !== 'VariableName') ctx.src.fail(node.from, 'invalid syntax');
  const id = text(ctx, node);
  const reason = nameReason(id, role);
  if (reason) ctx.src.fail(node.from, reason);
  if (role === 'load' || role === 'call') ctx.scope.mark(id, USE);
  else if (role === 'param') ctx.scope.mark(id, PARAM);
  else if (role !== 'global') ctx.scope.mark(id, ASSIGN);
  return id;
}

export function convertExpr(node: SyntaxNode, ctx: Ctx): Expr {
  ctx.depth.expr++;
  try {
    if (ctx.depth.expr > MAX_EXPR_DEPTH) ctx.src.fail(node.from, 'expression nested too deeply');
    return convertExprNode(node, ctx);
  } finally {
    ctx.depth.expr--;
  }
}

function convertExprNode(node: SyntaxNode, ctx: Ctx): Expr {
  const rejected = rejectedConstructReason(node);
  if (rejected) ctx.src.fail(node.from, rejected);
  const loc = ctx.src.loc(node.from);
  switch (node.name) {
    case 'VariableName':
      return { kind: 'Name', id: checkedName(node, ctx, 'load'), loc };
    case 'Number':
      return convertNumber(node, ctx);
    case 'String':
    case 'FormatString':
    case 'ContinuedString':
      return convertString(node, ctx);
    case 'Boolean':
      return { kind: 'Bool', value: text(ctx, node) === 'True', loc };
    case 'None':
      return { kind: 'None', loc };
    case 'Ellipsis':
      return { kind: 'Ellipsis', loc };
    case 'ParenthesizedExpression': {
      const inner = kids(node);
      if (inner.length !== 3) ctx.src.fail(node.from, 'invalid syntax');
      if (inner[1].name === '*') ctx.src.fail(inner[1].from, 'starred expressions are not part of the case language');
      return convertExpr(inner[1], ctx);
    }
    case 'TupleExpression':
      return { kind: 'Tuple', elts: elements(bracketed(node, ctx), ctx), loc };
    case 'ArrayExpression':
      return { kind: 'List', elts: elements(bracketed(node, ctx), ctx), loc };
    case 'SetExpression':
      return { kind: 'Set', elts: elements(bracketed(node, ctx), ctx), loc };
    case 'DictionaryExpression':
      return { kind: 'Dict', entries: dictEntries(bracketed(node, ctx), ctx), loc };
    case 'CallExpression':
      return convertCall(node, ctx);
    case 'MemberExpression':
      return convertMember(node, ctx, 'load');
    case 'UnaryExpression':
      return convertUnary(node, ctx);
    case 'BinaryExpression':
      return isComparison(node, ctx) ? convertCompare(node, ctx) : convertBinary(node, ctx);
    default:
      return ctx.src.fail(node.from, 'invalid syntax');
  }
}

/** The children between a display's brackets. */
function bracketed(node: SyntaxNode, ctx: Ctx): SyntaxNode[] {
  const k = kids(node);
  if (k.length < 2) ctx.src.fail(node.from, 'invalid syntax');
  return k.slice(1, -1);
}

function single(item: SyntaxNode[], ctx: Ctx): SyntaxNode {
  if (item[0].name === '*') ctx.src.fail(item[0].from, 'starred expressions are not part of the case language');
  if (item[0].name === '**') ctx.src.fail(item[0].from, "'**' unpacking is not part of the case language");
  if (item.length !== 1) ctx.src.fail(item[1].from, 'invalid syntax');
  return item[0];
}

function elements(nodes: SyntaxNode[], ctx: Ctx): Expr[] {
  const { items } = commaItems(nodes);
  return items.map((item) => convertExpr(single(item, ctx), ctx));
}

function dictEntries(nodes: SyntaxNode[], ctx: Ctx): { key: Expr; value: Expr }[] {
  return commaItems(nodes).items.map((item) => {
    if (item[0].name === '**') ctx.src.fail(item[0].from, "'**' unpacking is not part of the case language");
    if (item.length !== 3 || item[1].name !== ':') ctx.src.fail(item[0].from, 'invalid syntax');
    const key = convertExpr(item[0], ctx);
    return { key, value: convertExpr(item[2], ctx) };
  });
}

/**
 * A comma-separated run of expressions as statements and f-string fields hold them: one
 * expression, or a tuple when there is a comma.
 */
export function convertExprList(nodes: SyntaxNode[], ctx: Ctx): Expr {
  const { items, trailingComma } = commaItems(nodes);
  if (items.length === 0) ctx.src.fail(nodes[0]?.from ?? 0, 'invalid syntax');
  if (items.length === 1 && !trailingComma) return convertExpr(single(items[0], ctx), ctx);
  const loc = ctx.src.loc(items[0][0].from);
  return { kind: 'Tuple', elts: items.map((item) => convertExpr(single(item, ctx), ctx)), loc };
}

function isAttributeForm(node: SyntaxNode): boolean {
  return node.name === 'MemberExpression' && node.firstChild?.nextSibling?.name === '.';
}

function convertCall(node: SyntaxNode, ctx: Ctx): Expr {
  const [funcNode, argList] = kids(node);
  const loc = ctx.src.loc(node.from);
  const callee = unparenthesized(funcNode);
  let func: Expr;
  if (callee.name === 'VariableName') func = { kind: 'Name', id: checkedName(callee, ctx, 'call'), loc: ctx.src.loc(callee.from) };
  else if (isAttributeForm(callee)) func = convertMember(callee, ctx, 'call');
  else func = convertExpr(funcNode, ctx);
  const args: Expr[] = [];
  for (const item of commaItems(bracketed(argList, ctx)).items) {
    const first = item[0];
    if (first.name === '*') ctx.src.fail(first.from, "'*' arguments are not part of the case language");
    if (first.name === '**') ctx.src.fail(first.from, "'**' arguments are not part of the case language");
    const assign = item.find((n) => n.name === 'AssignOp');
    if (assign) {
      ctx.src.fail(first.from, text(ctx, assign) === ':=' ? "':=' is not part of the case language" : 'keyword arguments are not part of the case language');
    }
    if (item.some((n) => n.name === 'for')) ctx.src.fail(first.from, 'generator expressions are not part of the case language');
    args.push(convertExpr(single(item, ctx), ctx));
  }
  return { kind: 'Call', func, args, loc };
}

export type MemberRole = 'load' | 'store' | 'del' | 'call';

/** `x.attr` or `x[index]`, read, bound, unbound or called. */
export function convertMember(node: SyntaxNode, ctx: Ctx, role: MemberRole): AttributeExpr | SubscriptExpr {
  const k = kids(node);
  const valueNode = k[0];
  const loc = ctx.src.loc(node.from);
  if (k[1]?.name === '.') {
    const prop = k[2];
    if (!prop || prop.name !== 'PropertyName') return ctx.src.fail(k[1].to, 'invalid syntax');
    const attr = text(ctx, prop);
    const valueText = text(ctx, valueNode);
    if (valueNode.name === 'Number' && k[1].from === valueNode.to && /^[0-9_]+$/.test(valueText)) {
      ctx.src.fail(valueNode.from, `float literal '${valueText}.' needs a digit after the point`);
    }
    if (valueNode.name === 'VariableName' && isModuleName(valueText)) {
      if (role === 'store' || role === 'del' || !MODULE_FUNCTIONS[valueText].includes(attr)) {
        ctx.src.fail(valueNode.from, moduleUseReason(valueText));
      }
      ctx.scope.mark(valueText, USE);
      return { kind: 'Attribute', value: { kind: 'Name', id: valueText, loc: ctx.src.loc(valueNode.from) }, attr, loc };
    }
    const value = convertExpr(valueNode, ctx);
    const reason = attributeReason(attr, role === 'call' ? 'load' : role);
    if (reason) ctx.src.fail(prop.from, reason);
    if (role === 'call') {
      const notMethod = methodReason(attr, ctx.programAttributes);
      if (notMethod) ctx.src.fail(prop.from, notMethod);
    }
    return { kind: 'Attribute', value, attr, loc };
  }
  if (k[1]?.name !== '[' || k[k.length - 1].name !== ']') return ctx.src.fail(node.from, 'invalid syntax');
  const value = convertExpr(valueNode, ctx);
  const { items, trailingComma } = commaItems(k.slice(2, -1));
  if (items.length === 0) ctx.src.fail(k[1].to, 'invalid syntax');
  if (items.length === 1 && !trailingComma) return { kind: 'Subscript', value, index: subscriptItem(items[0], ctx, true), loc };
  const tupleLoc = ctx.src.loc(items[0][0].from);
  const elts = items.map((item) => subscriptItem(item, ctx, false));
  return { kind: 'Subscript', value, index: { kind: 'Tuple', elts, loc: tupleLoc }, loc };
}

function subscriptItem(item: SyntaxNode[], ctx: Ctx, sliceAllowed: boolean): Expr {
  if (!item.some((n) => n.name === ':')) return convertExpr(single(item, ctx), ctx);
  if (!sliceAllowed) ctx.src.fail(item[0].from, 'extended slices are not part of the case language');
  const parts: SyntaxNode[][] = [[]];
  for (const n of item) {
    if (n.name === ':') parts.push([]);
    else parts[parts.length - 1].push(n);
  }
  if (parts.length > 3) ctx.src.fail(item[0].from, 'invalid syntax');
  const bound = (p: SyntaxNode[] | undefined): Expr | null => (p && p.length > 0 ? convertExpr(single(p, ctx), ctx) : null);
  const loc = ctx.src.loc(item[0].from);
  const lower = bound(parts[0]);
  const upper = bound(parts[1]);
  return { kind: 'Slice', lower, upper, step: bound(parts[2]), loc };
}

function convertUnary(node: SyntaxNode, ctx: Ctx): Expr {
  const k = kids(node);
  if (k.length !== 2) ctx.src.fail(node.from, 'invalid syntax');
  const [opNode, operandNode] = k;
  const op = text(ctx, opNode);
  const loc = ctx.src.loc(node.from);
  if (op === '+') ctx.src.fail(opNode.from, "unary '+' is not part of the case language");
  if (op === '~') ctx.src.fail(opNode.from, "'~' operator is not part of the case language");
  if (op !== '-' && op !== 'not') ctx.src.fail(opNode.from, 'invalid syntax');
  return { kind: 'UnaryOp', op, operand: convertExpr(operandNode, ctx), loc };
}

function operatorText(node: SyntaxNode, ctx: Ctx): { op: string; at: number } {
  const k = kids(node);
  if (k.length < 3) ctx.src.fail(node.from, 'invalid syntax');
  const ops = k.slice(1, -1);
  return { op: ops.map((n) => text(ctx, n)).join(' '), at: ops[0].from };
}

function isComparison(node: SyntaxNode, ctx: Ctx): boolean {
  if (node.name !== 'BinaryExpression') return false;
  const { op } = operatorText(node, ctx);
  return COMPARISONS.has(op) || op === '<>';
}

function convertBinary(node: SyntaxNode, ctx: Ctx): Expr {
  const k = kids(node);
  const { op, at } = operatorText(node, ctx);
  const loc = ctx.src.loc(node.from);
  const left = convertExpr(k[0], ctx);
  if (op === 'and' || op === 'or') ctx.src.fail(at, `'${op}' is not part of the case language`);
  if (!ARITHMETIC.has(op)) ctx.src.fail(at, `'${op}' operator is not part of the case language`);
  return { kind: 'BinOp', op: op as BinOp, left, right: convertExpr(k[k.length - 1], ctx), loc };
}

function bareNot(node: SyntaxNode): boolean {
  return node.name === 'UnaryExpression' && node.firstChild?.name === 'not';
}

/** `a < b < c`: Lezer nests a chain to the left; Python keeps it one comparison. */
function convertCompare(node: SyntaxNode, ctx: Ctx): CompareExpr {
  const k = kids(node);
  const leftNode = k[0];
  const rightNode = k[k.length - 1];
  const { op, at } = operatorText(node, ctx);
  if (bareNot(leftNode)) ctx.src.fail(leftNode.from, 'invalid syntax');
  let chain: CompareExpr;
  if (isComparison(leftNode, ctx)) chain = convertCompare(leftNode, ctx);
  else {
    const left = convertExpr(leftNode, ctx);
    chain = { kind: 'Compare', left, ops: [], comparators: [], loc: ctx.src.loc(node.from) };
  }
  if (op === '<>') ctx.src.fail(at, 'invalid syntax');
  if (bareNot(rightNode)) ctx.src.fail(rightNode.from, 'invalid syntax');
  chain.ops.push(op as CmpOp);
  chain.comparators.push(convertExpr(rightNode, ctx));
  return chain;
}
