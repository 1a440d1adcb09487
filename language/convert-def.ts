// Function definitions: positional parameters with constant defaults, and the rules CPython's
// compiler applies to them (duplicates, a parameter without default after one with a default).
import type { SyntaxNode } from '@lezer/common';
import type { Expr, FunctionDef, Param } from './ast.ts';
import { isConstantNode } from './constant-node.ts';
import { ASSIGN, Scope, type Ctx } from './context.ts';
import { convertBlock } from './convert-stmt.ts';
import { checkedName, convertExpr, text } from './convert-expr.ts';
import { commaItems, kids } from './lezer-nodes.ts';
import { rejectedConstructReason } from './rejected-constructs.ts';
import { identifierProblem, isDunder, METHOD_DUNDERS } from './vocabulary.ts';

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

export function convertFunction(node: SyntaxNode, ctx: Ctx, isMethod: boolean): FunctionDef {
  const rejected = rejectedConstructReason(node);
  if (rejected) ctx.src.fail(node.from, rejected);
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
export function methodOrAttributeName(node: SyntaxNode, ctx: Ctx, dunders: ReadonlySet<string>): string {
  const name = text(ctx, node);
  const bad = node.name === 'VariableName' ? identifierProblem(name) : 'invalid syntax';
  if (bad) ctx.src.fail(node.from, bad);
  if (isDunder(name) && !dunders.has(name)) ctx.src.fail(node.from, `dunder name '${name}' is not part of the case language`);
  ctx.scope.mark(name, ASSIGN);
  return name;
}
