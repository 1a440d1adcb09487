// Exact CPython repr of literal values: the renderer writes literals with these, and the model
// reports observations with them, so both must match `repr()` character for character.
// (Objects/unicodeobject.c unicode_repr, Objects/bytesobject.c PyBytes_Repr, Python/pystrtod.c.)

// Python's str.isprintable(): false for these general categories, except that ' ' is printable.
// The Unicode database is the one of this Node build; a character assigned after the Unicode
// version of a given CPython is printable here but escaped there.
const NON_PRINTABLE = /^[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}\p{Zl}\p{Zp}\p{Zs}]$/u;

export function isPrintable(ch: string): boolean {
  return ch === ' ' || !NON_PRINTABLE.test(ch);
}

function hex(n: number, width: number): string {
  return n.toString(16).padStart(width, '0');
}

/** CPython's choice of quote for str and bytes reprs. */
export function reprQuote(s: string): "'" | '"' {
  return s.includes("'") && !s.includes('"') ? '"' : "'";
}

/** The body of a str repr between quotes `quote` (each code point escaped as CPython does). */
export function strReprBody(s: string, quote: string): string {
  let out = '';
  for (const ch of s) {
    if (ch === quote || ch === '\\') out += '\\' + ch;
    else if (ch === '\t') out += '\\t';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else {
      const cp = ch.codePointAt(0)!;
      if (cp < 0x20 || cp === 0x7f) out += '\\x' + hex(cp, 2);
      else if (cp < 0x7f) out += ch;
      else if (isPrintable(ch)) out += ch;
      else if (cp <= 0xff) out += '\\x' + hex(cp, 2);
      else if (cp <= 0xffff) out += '\\u' + hex(cp, 4);
      else out += '\\U' + hex(cp, 8);
    }
  }
  return out;
}

/** `repr(s)` for a Python str held as a JS string (iterated by code point). */
export function strRepr(s: string): string {
  const q = reprQuote(s);
  return q + strReprBody(s, q) + q;
}

/** The body of a bytes repr between quotes `quote`; `b` holds one character per byte. */
export function bytesReprBody(b: string, quote: string): string {
  let out = '';
  for (let i = 0; i < b.length; i++) {
    const c = b.charCodeAt(i);
    if (c > 0xff) throw new Error(`bytes value holds a character above 0xff at index ${i}`);
    const ch = b[i];
    if (ch === quote || ch === '\\') out += '\\' + ch;
    else if (ch === '\t') out += '\\t';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (c < 0x20 || c >= 0x7f) out += '\\x' + hex(c, 2);
    else out += ch;
  }
  return out;
}

/** `repr(b)` for bytes held as a string of characters 0-255. */
export function bytesRepr(b: string): string {
  const q = reprQuote(b);
  return 'b' + q + bytesReprBody(b, q) + q;
}

/**
 * `repr(x)` for a Python float: the shortest digits that round-trip (JS and CPython agree on
 * these), laid out as CPython does: exponent form when the decimal exponent is < -4 or >= 16.
 */
export function floatRepr(x: number): string {
  if (Number.isNaN(x)) return 'nan';
  if (x === Infinity) return 'inf';
  if (x === -Infinity) return '-inf';
  if (x === 0) return Object.is(x, -0) ? '-0.0' : '0.0';
  const sign = x < 0 ? '-' : '';
  const [mantissa, expText] = Math.abs(x).toExponential().split('e');
  const digits = mantissa.replace('.', '');
  const exp = Number(expText);
  if (exp < -4 || exp >= 16) {
    const frac = digits.length > 1 ? '.' + digits.slice(1) : '';
    const e = Math.abs(exp).toString().padStart(2, '0');
    return `${sign}${digits[0]}${frac}e${exp < 0 ? '-' : '+'}${e}`;
  }
  if (exp < 0) return `${sign}0.${'0'.repeat(-exp - 1)}${digits}`;
  if (digits.length <= exp + 1) return `${sign}${digits}${'0'.repeat(exp + 1 - digits.length)}.0`;
  return `${sign}${digits.slice(0, exp + 1)}.${digits.slice(exp + 1)}`;
}

/** `repr(n)` for a Python int (CPython refuses beyond 4300 decimal digits; callers decide). */
export function intRepr(n: bigint): string {
  return n.toString();
}
