// Class definitions: one base at most (object or a class defined earlier), and a body of pass,
// constant class attributes, __slots__ and methods.
import type { SyntaxNode } from '@lezer/common';
import type { ClassDef, Stmt } from './ast.ts';
import { isConstantList } from './constant-node.ts';
import { Scope, type Ctx } from './context.ts';
import { convertFunction, methodOrAttributeName } from './convert-def.ts';
import { checkedName, convertExpr, convertExprList } from './convert-expr.ts';
import { assignGroups, nestedBlock, statementNodes } from './convert-stmt.ts';
import { commaItems, kids, unparenthesized } from './lezer-nodes.ts';
import { identifierProblem, isDunder } from './vocabulary.ts';

const CLASS_BODY_REASON = 'class body may hold only pass, constant class attributes, __slots__ and def';

export function convertClass(node: SyntaxNode, ctx: Ctx): ClassDef {
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
  const stmts = nestedBlock(body, ctx, () => statementNodes(body).map((n) => convertClassStatement(n, inner)));
  return { kind: 'ClassDef', name, base, body: stmts, loc };
}

const SLOT_DUNDERS: ReadonlySet<string> = new Set(['__dict__', '__weakref__']);
const SLOTS: ReadonlySet<string> = new Set(['__slots__']);

function convertClassStatement(node: SyntaxNode, ctx: Ctx): Stmt {
  const loc = ctx.src.loc(node.from);
  if (node.name === 'PassStatement') return { kind: 'Pass', loc };
  if (node.name === 'FunctionDefinition') return convertFunction(node, ctx, true);
  if (node.name !== 'AssignStatement') return ctx.src.fail(node.from, CLASS_BODY_REASON);
  const k = kids(node);
  const typeDef = k.find((n) => n.name === 'TypeDef');
  if (typeDef) ctx.src.fail(typeDef.from, 'annotations are not part of the case language');
  const groups = assignGroups(k);
  if (groups.length !== 2 || groups[0].length !== 1 || groups[0][0].name !== 'VariableName') {
    return ctx.src.fail(node.from, CLASS_BODY_REASON);
  }
  const targetNode = groups[0][0];
  const name = methodOrAttributeName(targetNode, ctx, SLOTS);
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
