// The text int() and float() parse: Objects/unicodeobject.c _PyUnicode_TransformDecimalAndSpaceToASCII
// turns every non-ASCII white space character into a space and every Unicode decimal digit into
// its ASCII digit, and leaves any other character, which then fails the parse. The parsers strip
// ASCII white space only (Py_ISSPACE): U+0085 and U+00A0 are stripped, a BOM (U+FEFF) is not, and
// the ASCII separators U+001C-U+001F are not either.

// Py_UNICODE_ISSPACE above ASCII (Objects/unicodetype_db.h _PyUnicode_IsWhitespace).
const NON_ASCII_SPACE = /[\u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]/u;
const DECIMAL = /\p{Nd}/u;

/** The digit a Unicode decimal digit stands for: Unicode encodes them in runs of ten, from 0. */
function digitOf(cp: number): number {
  let start = cp;
  while (start > 0 && DECIMAL.test(String.fromCodePoint(start - 1))) start--;
  return (cp - start) % 10;
}

export function asciiNumericText(text: string): string {
  let out = '';
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (cp < 128) out += ch;
    else if (NON_ASCII_SPACE.test(ch)) out += ' ';
    else if (DECIMAL.test(ch)) out += String(digitOf(cp));
    else out += ch;
  }
  return out;
}

/** Strips what Py_ISSPACE calls white space: space, \t, \n, \v, \f, \r. */
export function stripAsciiSpace(text: string): string {
  return text.replace(/^[ \t\n\v\f\r]+|[ \t\n\v\f\r]+$/g, '');
}

/** The text int() or float() parses, transformed and stripped. */
export function numericText(text: string): string {
  return stripAsciiSpace(asciiNumericText(text));
}
