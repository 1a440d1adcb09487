// Small helpers over Lezer's concrete syntax tree.
import type { SyntaxNode } from '@lezer/common';

/** The children of a node, without comments (Lezer keeps them wherever they occur). */
export function kids(node: SyntaxNode): SyntaxNode[] {
  const out: SyntaxNode[] = [];
  for (let c = node.firstChild; c; c = c.nextSibling) if (c.name !== 'Comment') out.push(c);
  return out;
}

export interface CommaList {
  items: SyntaxNode[][];
  trailingComma: boolean;
  /** The comma nodes, to point at one (an empty item, a forbidden trailing comma). */
  commas: SyntaxNode[];
}

/** Splits a run of sibling nodes at its commas. */
export function commaItems(nodes: SyntaxNode[]): CommaList {
  const items: SyntaxNode[][] = [[]];
  const commas: SyntaxNode[] = [];
  for (const n of nodes) {
    if (n.name === ',') {
      commas.push(n);
      items.push([]);
    } else items[items.length - 1].push(n);
  }
  const trailingComma = commas.length > 0 && items[items.length - 1].length === 0;
  if (trailingComma || (commas.length === 0 && items[0].length === 0)) items.pop();
  return { items, trailingComma, commas };
}

/** The node with parentheses around it removed: `((x))` is `x`. */
export function unparenthesized(node: SyntaxNode): SyntaxNode {
  let n = node;
  while (n.name === 'ParenthesizedExpression') {
    const inner = kids(n);
    if (inner.length !== 3) return n;
    n = inner[1];
  }
  return n;
}
