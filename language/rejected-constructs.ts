// Python constructs the case language never admits, by Lezer node: the reason names what they are.
import type { SyntaxNode } from '@lezer/common';

const EXPRESSIONS: Record<string, string> = {
  LambdaExpression: "'lambda' is not part of the case language",
  ConditionalExpression: 'conditional expressions are not part of the case language',
  ArrayComprehensionExpression: 'comprehensions are not part of the case language',
  DictionaryComprehensionExpression: 'comprehensions are not part of the case language',
  SetComprehensionExpression: 'comprehensions are not part of the case language',
  ComprehensionExpression: 'generator expressions are not part of the case language',
  AwaitExpression: "'await' is not part of the case language",
  YieldExpression: "'yield' is not part of the case language",
  NamedExpression: "':=' is not part of the case language",
};

const STATEMENTS: Record<string, string> = {
  IfStatement: "'if' statement is not part of the case language",
  WhileStatement: "'while' statement is not part of the case language",
  ForStatement: "'for' statement is not part of the case language",
  TryStatement: "'try' statement is not part of the case language",
  WithStatement: "'with' statement is not part of the case language",
  BreakStatement: "'break' statement is not part of the case language",
  ContinueStatement: "'continue' statement is not part of the case language",
  RaiseStatement: "'raise' statement is not part of the case language",
  AssertStatement: "'assert' statement is not part of the case language",
  MatchStatement: "'match' statement is not part of the case language",
  TypeDefinition: "'type' statement is not part of the case language",
  YieldStatement: "'yield' is not part of the case language",
  PrintStatement: "'print' is not a callable of the case language",
  DecoratedStatement: 'decorators are not part of the case language',
};

/** The reason a node is refused whatever it contains, or null. */
export function rejectedConstructReason(node: SyntaxNode): string | null {
  if (node.firstChild?.name === 'async') return "'async' is not part of the case language";
  if (node.name === 'ScopeStatement' && node.firstChild?.name === 'nonlocal') {
    return "'nonlocal' statement is not part of the case language";
  }
  return EXPRESSIONS[node.name] ?? STATEMENTS[node.name] ?? null;
}
