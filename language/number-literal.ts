// Python's numeric literal grammar, checked exactly: Lezer's Number token is looser (it accepts
// `1__0`, `0_7`, `1_`), and CPython rejects those.

export type NumberValue = { kind: 'Int'; value: bigint } | { kind: 'Float'; value: number };

const D = '[0-9](?:_?[0-9])*';
const DECIMAL = /^(?:0(?:_?0)*|[1-9](?:_?[0-9])*)$/;
const LEADING_ZEROS = /^0(?:_?[0-9])+$/;
const HEX = /^0[xX](?:_?[0-9a-fA-F])+$/;
const OCT = /^0[oO](?:_?[0-7])+$/;
const BIN = /^0[bB](?:_?[01])+$/;
const FLOAT = new RegExp(`^(?:(?:(?:${D})?\\.${D}|${D}\\.)(?:[eE][+-]?${D})?|${D}[eE][+-]?${D})$`);

/** CPython refuses to convert longer decimal literals (the int max str digits limit, 3.8.14+). */
export const MAX_DECIMAL_DIGITS = 4300;

/** The value of a numeric literal, or the reason CPython or the case language rejects it. */
export function parseNumber(text: string): NumberValue | { error: string } {
  if (/[jJ]$/.test(text)) {
    const body = text.slice(0, -1);
    if (FLOAT.test(body) || new RegExp(`^${D}$`).test(body)) {
      return { error: 'complex literals are not part of the case language' };
    }
    return { error: 'invalid imaginary literal' };
  }
  const plain = text.replace(/_/g, '');
  if (DECIMAL.test(text)) {
    if (plain.length > MAX_DECIMAL_DIGITS) {
      return { error: `decimal integer literal exceeds ${MAX_DECIMAL_DIGITS} digits (write it in hexadecimal)` };
    }
    return { kind: 'Int', value: BigInt(plain) };
  }
  if (HEX.test(text) || OCT.test(text) || BIN.test(text)) {
    return { kind: 'Int', value: BigInt(plain.slice(0, 2).toLowerCase() + plain.slice(2)) };
  }
  if (FLOAT.test(text)) return { kind: 'Float', value: Number(plain) };
  if (LEADING_ZEROS.test(text)) {
    return { error: 'leading zeros in decimal integer literals are not permitted' };
  }
  if (/^0[xX]/.test(text)) return { error: 'invalid hexadecimal literal' };
  if (/^0[oO]/.test(text)) return { error: 'invalid octal literal' };
  if (/^0[bB]/.test(text)) return { error: 'invalid binary literal' };
  return { error: 'invalid decimal literal' };
}
