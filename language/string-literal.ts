// String and bytes literal tokens: prefix, quotes and the exact decoding of escapes that CPython
// performs (Parser/string_parser.c). Lezer only marks where a literal starts and ends.
import { isHighSurrogate, isLowSurrogate, type SourceText } from './source-text.ts';

export interface StringToken {
  bytes: boolean;
  raw: boolean;
  fstring: boolean;
  /** `'`, `"`, `'''` or `"""`. */
  quote: string;
  bodyFrom: number;
  bodyTo: number;
}

/** Splits the literal token at [from, to) into prefix, quotes and body. */
export function splitStringToken(src: SourceText, from: number, to: number): StringToken {
  const text = src.slice(from, to);
  const prefix = /^[A-Za-z]*/.exec(text)![0].toLowerCase();
  const rest = text.slice(prefix.length);
  const q = rest[0];
  const quote = rest.startsWith(q.repeat(3)) && rest.length >= 6 ? q.repeat(3) : q;
  const bodyFrom = from + prefix.length + quote.length;
  const bodyTo = to - quote.length;
  // The closing quote must exist and must not be escaped by an odd run of backslashes.
  const backslashes = /\\*$/.exec(src.slice(bodyFrom, Math.max(bodyFrom, bodyTo)))![0].length;
  if (bodyTo < bodyFrom || !text.endsWith(quote) || (quote.length === 1 && rest.length < 2) || backslashes % 2 === 1) {
    src.fail(from, 'unterminated string literal');
  }
  return {
    bytes: prefix.includes('b'),
    raw: prefix.includes('r'),
    fstring: prefix.includes('f'),
    quote,
    bodyFrom,
    bodyTo,
  };
}

const SIMPLE_ESCAPES: Record<string, string> = {
  '\\': '\\', "'": "'", '"': '"', a: '\x07', b: '\x08', f: '\x0c', n: '\n', r: '\r', t: '\t', v: '\x0b',
};

/**
 * Appends one Python code point. A JS string cannot tell a surrogate pair from two separate
 * surrogate code points, so a program that would need the difference is refused.
 */
function append(out: string, cp: number, src: SourceText, offset: number): string {
  if (isLowSurrogate(cp) && out.length > 0 && isHighSurrogate(out.charCodeAt(out.length - 1))) {
    src.fail(offset, 'adjacent surrogate code points are not part of the case language');
  }
  return out + String.fromCodePoint(cp);
}

/** Joins two decoded pieces under the same rule as `append`. */
export function joinDecoded(a: string, b: string, src: SourceText, offset: number): string {
  if (a.length > 0 && b.length > 0 && isHighSurrogate(a.charCodeAt(a.length - 1)) && isLowSurrogate(b.charCodeAt(0))) {
    src.fail(offset, 'adjacent surrogate code points are not part of the case language');
  }
  return a + b;
}

function hexRun(text: string, at: number, to: number, n: number): number | null {
  const s = text.slice(at, Math.min(at + n, to));
  return s.length === n && /^[0-9a-fA-F]+$/.test(s) ? parseInt(s, 16) : null;
}

/**
 * Decodes the literal text at [from, to) of a token (a whole body, or the text between two
 * replacement fields of an f-string). In an f-string `{{` and `}}` stand for one brace.
 */
export function decodeSegment(src: SourceText, from: number, to: number, tok: StringToken): string {
  const text = src.text;
  let out = '';
  let i = from;
  while (i < to) {
    const cp = text.codePointAt(i)!;
    const ch = String.fromCodePoint(cp);
    const width = ch.length;
    if (tok.bytes && cp > 0x7f) src.fail(i, 'bytes can only contain ASCII literal characters');
    if (ch === '\n' && tok.quote.length === 1) src.fail(i, 'unterminated string literal');
    if (tok.quote.length === 1 ? ch === tok.quote : text.startsWith(tok.quote, i)) src.fail(i, 'invalid syntax');
    if (tok.fstring && (ch === '{' || ch === '}')) {
      if (text[i + 1] === ch && i + 1 < to) {
        out += ch;
        i += 2;
        continue;
      }
      src.fail(i, `f-string: single '${ch}' is not allowed`);
    }
    if (ch !== '\\') {
      out = append(out, cp, src, i);
      i += width;
      continue;
    }
    // A backslash.
    const next = i + 1 < to ? text[i + 1] : '';
    if (tok.fstring && (next === '{' || next === '}' || next === '')) {
      src.fail(i, 'a backslash before a brace in an f-string is not part of the case language');
    }
    if (tok.raw) {
      if (tok.fstring && next === 'N' && text[i + 2] === '{') {
        src.fail(i, "'\\N{' in a raw f-string is not part of the case language");
      }
      // The backslash stays; the character after it is taken as it is (it cannot end the string).
      out += '\\';
      i += 1;
      if (next === tok.quote[0] || next === '\\') {
        out += next;
        i += 1;
      }
      continue;
    }
    if (next === '\n') {
      i += 2;
      continue;
    }
    if (next in SIMPLE_ESCAPES) {
      out += SIMPLE_ESCAPES[next];
      i += 2;
      continue;
    }
    if (next >= '0' && next <= '7') {
      let j = i + 1;
      let value = 0;
      while (j < to && j < i + 4 && text[j] >= '0' && text[j] <= '7') value = value * 8 + Number(text[j++]);
      out = append(out, tok.bytes ? value & 0xff : value, src, i);
      i = j;
      continue;
    }
    if (next === 'x') {
      const v = hexRun(text, i + 2, to, 2);
      if (v === null) src.fail(i, tok.bytes ? 'invalid \\x escape' : 'truncated \\xXX escape');
      out = append(out, v, src, i);
      i += 4;
      continue;
    }
    if (!tok.bytes && (next === 'u' || next === 'U')) {
      const n = next === 'u' ? 4 : 8;
      const v = hexRun(text, i + 2, to, n);
      if (v === null) src.fail(i, next === 'u' ? 'truncated \\uXXXX escape' : 'truncated \\UXXXXXXXX escape');
      if (v > 0x10ffff) src.fail(i, 'illegal Unicode character');
      out = append(out, v, src, i);
      i += 2 + n;
      continue;
    }
    if (!tok.bytes && next === 'N') src.fail(i, '\\N{...} escapes are not part of the case language');
    // An unknown escape keeps its backslash (CPython warns, and still accepts it).
    out += '\\';
    i += 1;
  }
  return out;
}
