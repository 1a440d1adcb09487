// Constant expressions, as defaults and class attributes must be: a literal, a negated number, or a
// tuple of constants. Checked on the tree, before converting, so the error names the whole value.
import type { SyntaxNode } from '@lezer/common';
import type { Ctx } from './context.ts';
import { text } from './convert-expr.ts';
import { commaItems, kids, unparenthesized } from './lezer-nodes.ts';

/** A constant expression: a literal, a negated number, a tuple of constants (checked on the tree). */
export function isConstantNode(node: SyntaxNode, ctx: Ctx): boolean {
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

export function isConstantList(item: SyntaxNode[], ctx: Ctx): boolean {
  return item.length === 1 && isConstantNode(item[0], ctx);
}
