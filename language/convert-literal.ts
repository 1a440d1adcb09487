// Numeric, string, bytes and f-string literals: Lezer marks the tokens, this file decodes them.
import type { SyntaxNode } from '@lezer/common';
import type { Conversion, Expr, FStringField, FStringPart } from './ast.ts';
import type { Ctx } from './context.ts';
import { convertExprList } from './convert-expr.ts';
import { kids } from './lezer-nodes.ts';
import { parseNumber } from './number-literal.ts';
import { renderExpr } from './render.ts';
import { decodeSegment, joinDecoded, splitStringToken, type StringToken } from './string-literal.ts';

export function convertNumber(node: SyntaxNode, ctx: Ctx): Expr {
  const parsed = parseNumber(ctx.src.slice(node.from, node.to));
  if ('error' in parsed) return ctx.src.fail(node.from, parsed.error);
  const loc = ctx.src.loc(node.from);
  return parsed.kind === 'Int' ? { kind: 'Int', value: parsed.value, loc } : { kind: 'Float', value: parsed.value, loc };
}

/** Appends a part, joining adjacent literal text and dropping empty text (CPython does both). */
function pushPart(parts: FStringPart[], part: FStringPart, ctx: Ctx, offset: number): void {
  if (typeof part !== 'string') parts.push(part);
  else if (part !== '') {
    const last = parts[parts.length - 1];
    if (typeof last === 'string') parts[parts.length - 1] = joinDecoded(last, part, ctx.src, offset);
    else parts.push(part);
  }
}

/** A string, bytes or f-string literal, or several adjacent ones (concatenated as CPython does). */
export function convertString(node: SyntaxNode, ctx: Ctx): Expr {
  const pieces = node.name === 'ContinuedString' ? kids(node) : [node];
  const loc = ctx.src.loc(node.from);
  const parts: FStringPart[] = [];
  let bytes: boolean | null = null;
  let fstring = false;
  for (const piece of pieces) {
    const tok = splitStringToken(ctx.src, piece.from, piece.to);
    if (bytes !== null && tok.bytes !== bytes) ctx.src.fail(piece.from, 'cannot mix bytes and nonbytes literals');
    bytes = tok.bytes;
    if (tok.fstring) {
      fstring = true;
      for (const part of fstringParts(piece, tok, ctx, 0)) pushPart(parts, part, ctx, piece.from);
    } else pushPart(parts, decodeSegment(ctx.src, tok.bodyFrom, tok.bodyTo, tok), ctx, piece.from);
  }
  const joined = parts.length === 0 ? '' : parts[0];
  if (bytes) return { kind: 'Bytes', value: joined as string, loc };
  if (!fstring) return { kind: 'Str', value: joined as string, loc };
  const result: Expr = { kind: 'FString', parts, loc };
  if (ctx.depth.fstring === 0) {
    // A field's text that compiles everywhere may still hold a string whose repr needs a
    // backslash; refuse now what the renderer could not write for Python 3.8 to 3.11.
    try {
      renderExpr(result);
    } catch (e) {
      ctx.src.fail(node.from, `f-string cannot be written for every Python version: ${(e as Error).message}`);
    }
  }
  return result;
}

/** The literal text and replacement fields of one f-string token. */
function fstringParts(piece: SyntaxNode, tok: StringToken, ctx: Ctx, level: number): FStringPart[] {
  const parts: FStringPart[] = [];
  let pos = tok.bodyFrom;
  for (const child of kids(piece)) {
    if (child.name !== 'FormatReplacement') continue;
    if (child.from > pos) pushPart(parts, decodeSegment(ctx.src, pos, child.from, tok), ctx, pos);
    parts.push(convertField(child, tok, ctx, level));
    pos = child.to;
  }
  if (pos < tok.bodyTo) pushPart(parts, decodeSegment(ctx.src, pos, tok.bodyTo, tok), ctx, pos);
  return parts;
}

const FIELD_END: ReadonlySet<string> = new Set(['FormatSelfDoc', 'FormatConversion', 'FormatSpec', '}']);

/**
 * Checks a field's expression text by the rules of CPython before 3.12 (no backslash, no '#', not
 * the enclosing quote), so that the case compiles on every version the project runs.
 */
function checkFieldText(from: number, to: number, tok: StringToken, ctx: Ctx): void {
  const raw = ctx.src.slice(from, to);
  for (let i = 0; i < raw.length; i++) {
    if (raw[i] === '\\') ctx.src.fail(from + i, 'f-string expression part cannot include a backslash');
    if (raw[i] === '#') ctx.src.fail(from + i, "f-string expression part cannot include '#'");
    if (raw.startsWith(tok.quote, i)) {
      ctx.src.fail(from + i, 'f-string expression part cannot reuse the enclosing quote (only Python 3.12+ allows it)');
    }
    if (raw[i] === '\n' && tok.quote.length === 1) ctx.src.fail(from + i, 'unterminated string literal');
  }
}

function convertField(node: SyntaxNode, tok: StringToken, ctx: Ctx, level: number): FStringField {
  const k = kids(node);
  let i = 1;
  const exprNodes: SyntaxNode[] = [];
  while (i < k.length && !FIELD_END.has(k[i].name)) exprNodes.push(k[i++]);
  const exprEnd = i < k.length ? k[i].from : node.to;
  checkFieldText(k[0].to, exprEnd, tok, ctx);
  if (exprNodes.length === 0) ctx.src.fail(k[0].to, 'f-string: empty expression not allowed');
  ctx.depth.fstring++;
  let value: Expr;
  try {
    value = convertExprList(exprNodes, ctx);
  } finally {
    ctx.depth.fstring--;
  }
  let conversion: Conversion = null;
  let spec: FStringPart[] | null = null;
  if (k[i]?.name === 'FormatSelfDoc') ctx.src.fail(k[i].from, "'=' in f-string fields is not part of the case language");
  if (k[i]?.name === 'FormatConversion') {
    conversion = ctx.src.slice(k[i].from + 1, k[i].to) as Conversion;
    const after = ctx.src.text[k[i].to];
    if (after !== ':' && after !== '}') ctx.src.fail(k[i].to, "f-string: expecting '}'");
    i++;
  }
  if (k[i]?.name === 'FormatSpec') spec = convertSpec(k[i++], tok, ctx, level);
  if (k[i]?.name !== '}' || i !== k.length - 1) ctx.src.fail(k[i]?.from ?? node.to, "f-string: expecting '}'");
  return { value, conversion, spec };
}

function convertSpec(node: SyntaxNode, tok: StringToken, ctx: Ctx, level: number): FStringPart[] {
  const k = kids(node);
  const backslash = ctx.src.slice(node.from, node.to).indexOf('\\');
  if (tok.raw && backslash >= 0) {
    // CPython 3.12+ decodes escapes there even in a raw f-string; earlier versions do not.
    ctx.src.fail(node.from + backslash, "a backslash in a raw f-string's format spec is not part of the case language");
  }
  const parts: FStringPart[] = [];
  let pos = k[0].to;
  for (const child of k.slice(1)) {
    if (child.name !== 'FormatReplacement') ctx.src.fail(child.from, 'invalid syntax');
    if (level >= 1) ctx.src.fail(child.from, 'f-string: expressions nested too deeply');
    if (ctx.src.text[child.from + 1] === '{') {
      ctx.src.fail(child.from, "'{{' in a format spec is not part of the case language (its meaning changed in 3.12)");
    }
    if (child.from > pos) pushPart(parts, decodeSegment(ctx.src, pos, child.from, tok), ctx, pos);
    parts.push(convertField(child, tok, ctx, level + 1));
    pos = child.to;
  }
  if (pos < node.to) pushPart(parts, decodeSegment(ctx.src, pos, node.to, tok), ctx, pos);
  return parts;
}
