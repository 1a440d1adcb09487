// What must hold before the tree is worth converting: the source is text CPython can read, Lezer
// found no syntax error, and the indentation is what CPython's tokenizer accepts. Lezer recovers
// from errors and does not check dedents, so both are checked here; the earliest problem wins.
import type { SyntaxNode, Tree } from '@lezer/common';
import { kids } from './lezer-nodes.ts';
import { rejectedConstructReason } from './rejected-constructs.ts';
import { isHighSurrogate, isLowSurrogate, type SourceText } from './source-text.ts';

interface Problem {
  offset: number;
  reason: string;
}

export function checkSyntax(tree: Tree, src: SourceText): void {
  const indentation = indentationProblem(tree, src);
  const ranked: [Problem | null, number][] = [
    // Lezer reports a bad indent as an error at the start of the line: the tokenizer's reason wins.
    [indentation, indentation ? src.lineStart(indentation.offset) : 0],
    ...[sourceTextProblem(src), firstErrorNode(tree, src), uncoveredText(tree, src), emptyStatement(tree)].map(
      (p): [Problem | null, number] => [p, p ? p.offset : 0],
    ),
  ];
  let first: [Problem, number] | null = null;
  for (const [p, rank] of ranked) if (p && (!first || rank < first[1])) first = [p, rank];
  if (first) src.fail(first[0].offset, first[0].reason);
}

/** `a;; b`: Lezer accepts an empty statement between semicolons, Python does not. */
function emptyStatement(tree: Tree): Problem | null {
  let found: Problem | null = null;
  tree.iterate({
    enter: (n) => {
      if (found) return false;
      if (n.name !== 'StatementGroup') return undefined;
      const parts = kids(n.node);
      parts.forEach((c, i) => {
        if (!found && c.name === ';' && parts[i + 1]?.name === ';') found = { offset: parts[i + 1].from, reason: 'invalid syntax' };
      });
      return false;
    },
  });
  return found;
}

function sourceTextProblem(src: SourceText): Problem | null {
  const t = src.text;
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (c === 0) return { offset: i, reason: 'source code cannot contain null bytes' };
    if (isHighSurrogate(c) && i + 1 < t.length && isLowSurrogate(t.charCodeAt(i + 1))) i++;
    else if (isHighSurrogate(c) || isLowSurrogate(c)) return { offset: i, reason: 'source contains a lone surrogate' };
  }
  return null;
}

function firstErrorNode(tree: Tree, src: SourceText): Problem | null {
  let found: SyntaxNode | null = null;
  tree.iterate({
    enter: (n) => {
      if (found) return false;
      if (n.type.isError) {
        found = n.node;
        return false;
      }
      return undefined;
    },
  });
  if (!found) return null;
  return explainError(found, src);
}

// Literal and comment tokens are checked whole; any other node's text is its children's.
const WHOLE_TOKENS: ReadonlySet<string> = new Set(['String', 'FormatString', 'Comment', 'Number']);

/**
 * Text no token of the tree covers. Lezer leaves some punctuation out of the tree (the `/` of a
 * positional-only marker), so a construct could otherwise pass unseen.
 */
function uncoveredText(tree: Tree, src: SourceText): Problem | null {
  let pos = 0;
  let found: Problem | null = null;
  const gap = (from: number, to: number): void => {
    if (found || to <= from) return;
    const m = /[^ \t\f\n\\]|\\(?!\n)/.exec(src.slice(from, to));
    if (!m) return;
    const offset = from + m.index;
    found = explainUncovered(tree.resolveInner(offset, 1), src.text[offset], offset);
  };
  tree.iterate({
    enter: (n) => {
      if (found) return false;
      const whole = WHOLE_TOKENS.has(n.name);
      if (whole || !n.node.firstChild) {
        gap(pos, n.from);
        pos = Math.max(pos, n.to);
        return whole ? false : undefined;
      }
      return undefined;
    },
  });
  gap(pos, src.text.length);
  // A line continuation with nothing after it (CPython: unexpected EOF while parsing).
  const tail = /\\\n$/.exec(src.slice(pos, src.text.length));
  if (!found && tail) found = { offset: pos + tail.index, reason: 'unexpected end of file after a line continuation' };
  return found;
}

function explainUncovered(node: SyntaxNode, ch: string, offset: number): Problem {
  let outermost: Problem | null = null;
  for (let n: SyntaxNode | null = node; n; n = n.parent) {
    const reason = rejectedConstructReason(n);
    if (reason) outermost = { offset: n.from, reason };
    else if (n.name === 'TypeDef') outermost = { offset: n.from, reason: 'annotations are not part of the case language' };
  }
  if (outermost) return outermost;
  if (ch === '/' && node.name === 'ParamList') return { offset, reason: "'/' parameters are not part of the case language" };
  return { offset, reason: 'invalid syntax' };
}

/** Names the construct an error sits in, when the case language refuses that construct anyway. */
function explainError(error: SyntaxNode, src: SourceText): Problem {
  let outermost: Problem | null = null;
  for (let n: SyntaxNode | null = error.parent; n; n = n.parent) {
    const reason = rejectedConstructReason(n);
    if (reason) outermost = { offset: n.from, reason };
  }
  if (outermost) return outermost;
  const parent = error.parent;
  if (parent?.name === 'MemberExpression') {
    const [value, dot] = kids(parent);
    const digits = src.slice(value.from, value.to);
    if (value.name === 'Number' && dot?.name === '.' && dot.from === value.to && /^[0-9_]+$/.test(digits)) {
      return { offset: value.from, reason: `float literal '${digits}.' needs a digit after the point` };
    }
  }
  return { offset: error.from, reason: 'invalid syntax' };
}

/** Leading whitespace of the line holding `offset`, when `offset` is the first thing on it. */
function lineIndent(src: SourceText, offset: number): { text: string; atLineStart: boolean } {
  const start = src.lineStart(offset);
  const text = src.slice(start, offset);
  return { text, atLineStart: /^[ \t\f]*$/.test(text) };
}

/** First on its line, and that line does not continue the one before (`\` at its end). */
function startsLogicalLine(tree: Tree, src: SourceText, offset: number): boolean {
  if (!lineIndent(src, offset).atLineStart) return false;
  const start = src.lineStart(offset);
  return !(start >= 2 && src.text[start - 2] === '\\' && tree.resolveInner(start - 2, 1).name !== 'Comment');
}

interface LineStart {
  node: SyntaxNode;
  /** The first statement of an indented block (the only place an indent may grow). */
  opensBlock: boolean;
}

/** Statements that begin a logical line, in source order; a misplaced one is a problem. */
function lineStarts(tree: Tree, container: SyntaxNode, src: SourceText, out: LineStart[]): Problem | null {
  const stmts = kids(container).filter((n) => n.name !== ':' && !n.type.isError);
  const isBody = container.name === 'Body';
  let simpleBody = false;
  for (const [i, s] of stmts.entries()) {
    const starts = startsLogicalLine(tree, src, s.from);
    if (isBody && i === 0 && !starts) simpleBody = true;
    // `def f(): a` holds one line; a later line cannot belong to it.
    else if (simpleBody) return { offset: s.from, reason: 'unexpected indent' };
    if (starts) out.push({ node: s, opensBlock: isBody && i === 0 });
    for (const body of bodiesOf(s)) {
      const p = lineStarts(tree, body, src, out);
      if (p) return p;
    }
  }
  return null;
}

/** The indentation rules of CPython's tokenizer (spaces only here), over the statements' lines. */
function indentationProblem(tree: Tree, src: SourceText): Problem | null {
  const starts: LineStart[] = [];
  const misplaced = lineStarts(tree, tree.topNode, src, starts);
  const stack = [0];
  for (const { node, opensBlock } of starts) {
    if (misplaced && node.from >= misplaced.offset) break;
    const { text } = lineIndent(src, node.from);
    if (/[\t\f]/.test(text)) return { offset: src.lineStart(node.from), reason: 'tabs in indentation are not part of the case language' };
    const indent = text.length;
    const top = stack[stack.length - 1];
    if (opensBlock) {
      if (indent <= top) return { offset: node.from, reason: 'expected an indented block' };
      stack.push(indent);
    } else if (indent > top) return { offset: node.from, reason: 'unexpected indent' };
    else {
      while (indent < stack[stack.length - 1]) stack.pop();
      if (indent !== stack[stack.length - 1]) {
        return { offset: node.from, reason: 'unindent does not match any outer indentation level' };
      }
    }
  }
  return misplaced;
}

/** The blocks a compound statement holds (a decorated definition holds its definition's). */
function bodiesOf(stmt: SyntaxNode): SyntaxNode[] {
  const out: SyntaxNode[] = [];
  for (const c of kids(stmt)) {
    if (c.name === 'Body') out.push(c);
    else if (c.name === 'FunctionDefinition' || c.name === 'ClassDefinition') out.push(...bodiesOf(c));
  }
  return out;
}
