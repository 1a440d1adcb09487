// The attribute names a program defines anywhere: methods and class attributes of its classes, and
// every `obj.name = ...`. A call `x.name(...)` is part of the case language when `name` is one of
// these (or a built-in type's method); collected first because a use may precede the definition.
import type { SyntaxNode, Tree } from '@lezer/common';
import type { SourceText } from './source-text.ts';
import { commaItems, kids, unparenthesized } from './lezer-nodes.ts';
import { statementNodes } from './convert-stmt.ts';

export function collectProgramAttributes(tree: Tree, src: SourceText): Set<string> {
  const names = new Set<string>();
  const textOf = (n: SyntaxNode) => src.slice(n.from, n.to);
  tree.iterate({
    enter: (ref) => {
      const node = ref.node;
      if (node.name === 'ClassDefinition') {
        const body = kids(node).find((n) => n.name === 'Body');
        for (const stmt of body ? statementNodes(body) : []) {
          if (stmt.name === 'FunctionDefinition') {
            const name = kids(stmt).find((n) => n.name === 'VariableName');
            if (name) names.add(textOf(name));
          } else if (stmt.name === 'AssignStatement') {
            for (const group of targetGroups(stmt)) {
              if (group.length === 1 && group[0].name === 'VariableName') names.add(textOf(group[0]));
            }
          }
        }
      } else if (node.name === 'AssignStatement' || node.name === 'UpdateStatement') {
        for (const group of targetGroups(node)) {
          for (const item of commaItems(group).items) {
            const target = item.length === 1 ? unparenthesized(item[0]) : null;
            const k = target?.name === 'MemberExpression' ? kids(target) : [];
            if (k[1]?.name === '.' && k[2]?.name === 'PropertyName') names.add(textOf(k[2]));
          }
        }
      }
    },
  });
  return names;
}

/** The target groups of `t1 = t2 = value` or `t op= value`. */
function targetGroups(stmt: SyntaxNode): SyntaxNode[][] {
  const groups: SyntaxNode[][] = [[]];
  for (const n of kids(stmt)) {
    if (n.name === 'UpdateOp') return groups;
    if (n.name === 'AssignOp') groups.push([]);
    else groups[groups.length - 1].push(n);
  }
  return groups.slice(0, -1);
}
