// format(value, spec) and str.format (Python/formatter_unicode.c, Objects/stringlib/unicode_format.h,
// Objects/unicodeobject.c _PyUnicodeWriter). The text follows the spec; which object the result
// is follows the writer CPython fills:
// - a piece written whole into a writer that holds nothing yet, as the last piece, is kept as is
//   (_PyUnicodeWriter_WriteStr's readonly case): '{}'.format(s) is s, and so is a format string
//   without braces, 'abc'.format(); a str under a spec that neither pads nor cuts it is written
//   whole too (format_string_internal's fast path), so '{:>5}'.format(s) is s when len(s) >= 5;
// - anything else is copied into a new buffer, and _PyUnicodeWriter_Finish hands out the shared
//   '' or one-character latin-1 str for such results (unicode_result), a new str otherwise.
// The model follows the spec language only as far as [[fill]align][width][.precision] with no type; a bool
// formats as an int under a non-empty spec (bool inherits int.__format__), anything but a str,
// int, bool or float raises TypeError for one (object.__format__).
import { floatRepr } from '../language/literals.ts';
import type { PyObj } from './objects.ts';
import { typeName } from './objects.ts';
import { giveUp, PyException, type Runtime } from './runtime.ts';
import { newStr } from './strings.ts';

interface Spec {
  fill: string;
  align: '<' | '>' | '^' | '=' | null;
  width: number;
  /** The most characters of a str kept (null: no precision). */
  precision: number | null;
  /** The type 's', which only a str accepts. */
  strType: boolean;
}

function parseSpec(spec: string): Spec {
  const chars = [...spec];
  let fill = ' ';
  let align: Spec['align'] = null;
  let rest = chars;
  const isAlign = (c: string | undefined): c is '<' | '>' | '^' | '=' => c !== undefined && '<>^='.includes(c);
  if (chars.length >= 2 && isAlign(chars[1])) {
    fill = chars[0];
    align = chars[1];
    rest = chars.slice(2);
  } else if (isAlign(chars[0])) {
    align = chars[0];
    rest = chars.slice(1);
  }
  const m = /^([1-9]\d*)?(?:\.(\d+))?(s?)$/.exec(rest.join(''));
  if (!m) giveUp(`the format spec '${spec}'`);
  return {
    fill, align, width: m[1] === undefined ? 0 : Number(m[1]), precision: m[2] === undefined ? null : Number(m[2]), strType: m[3] === 's',
  };
}

/** Python/formatter_unicode.c calc_padding and fill_padding; '=' pads after the sign. */
function pad(text: string, s: Spec, defaultAlign: '<' | '>'): string {
  const n = [...text].length;
  if (s.width <= n) return text;
  const room = s.width - n;
  const align = s.align ?? defaultAlign;
  const fill = (k: number): string => s.fill.repeat(k);
  switch (align) {
    case '<': return text + fill(room);
    case '>': return fill(room) + text;
    case '^': return fill(Math.floor(room / 2)) + text + fill(room - Math.floor(room / 2));
    case '=': {
      const sign = text.startsWith('-') ? '-' : '';
      return sign + fill(room) + text.slice(sign.length);
    }
  }
}

/**
 * Whether a str formatted under `spec` is written whole — the str itself, not a copy: with no
 * spec, and under one whose width does not exceed its length and whose precision does not cut it
 * (Python/formatter_unicode.c format_string_internal's fast path: _PyUnicodeWriter_WriteStr of the
 * value; measured on 3.8 to 3.15). Call it after applySpec accepted the spec.
 */
export function specKeepsStr(text: string, spec: string): boolean {
  if (spec === '') return true;
  const s = parseSpec(spec);
  const n = [...text].length;
  return s.width <= n && (s.precision === null || s.precision >= n);
}

/** format(value, spec) for a spec the model follows; `value` a str given as its text, or an object. */
export function applySpec(value: PyObj | string, spec: string): string {
  if (typeof value === 'string' || value.payload.kind === 'str') {
    const text = typeof value === 'string' ? value : (value.payload as { value: string }).value;
    if (spec === '') return text;
    const s = parseSpec(spec);
    if (s.align === '=') throw new PyException('ValueError', "'=' alignment not allowed in string format specifier");
    const kept = s.precision === null ? text : [...text].slice(0, s.precision).join('');
    return pad(kept, s, '<');
  }
  const p = value.payload;
  if (p.kind === 'int' || p.kind === 'bool') {
    if (p.unknown) giveUp('formatting a value the model does not know');
    const n = p.kind === 'int' ? p.value : p.value ? 1n : 0n;
    if (spec === '') return p.kind === 'bool' ? (p.value ? 'True' : 'False') : n.toString();
    const s = parseSpec(spec);
    if (s.strType) throw new PyException('ValueError', `Unknown format code 's' for object of type '${typeName(value)}'`);
    if (s.precision !== null) throw new PyException('ValueError', 'Precision not allowed in integer format specifier');
    return pad(n.toString(), s, '>');
  }
  if (p.kind === 'float') {
    if (spec === '') return floatRepr(p.value);
    const s = parseSpec(spec);
    if (s.strType) throw new PyException('ValueError', "Unknown format code 's' for object of type 'float'");
    // Without a type, a precision formats a float like 'g' with its own rules: not followed.
    if (s.precision !== null) giveUp(`the format spec '${spec}' of a float`);
    return pad(floatRepr(p.value), s, '>');
  }
  if (spec === '') giveUp(`format() of a ${typeName(value)} without a spec`);
  if (p.kind === 'instance') giveUp('format() of an instance (a class may define __format__)');
  throw new PyException('TypeError', `unsupported format string passed to ${typeName(value)}.__format__`);
}

/** ascii(x) from repr(x): every non-ASCII character escaped as \xhh, \uhhhh or \Uhhhhhhhh (Objects/object.c PyObject_ASCII). */
export function asciiOf(repr: string): string {
  return [...repr].map((c) => {
    const cp = c.codePointAt(0) ?? 0;
    if (cp < 0x80) return c;
    if (cp < 0x100) return `\\x${cp.toString(16).padStart(2, '0')}`;
    if (cp < 0x10000) return `\\u${cp.toString(16).padStart(4, '0')}`;
    return `\\U${cp.toString(16).padStart(8, '0')}`;
  }).join('');
}

/** One piece of what str.format writes: literal text of the template, or a replacement field. */
type Piece =
  | { kind: 'literal'; text: string; whole: boolean }
  | { kind: 'field'; value: PyObj; conversion: string | null; spec: string };

/** Objects/stringlib/unicode_format.h MarkupIterator_next, with auto or manual field numbering. */
function parseTemplate(template: string, args: PyObj[]): Piece[] {
  const chars = [...template];
  const pieces: Piece[] = [];
  let literal = '';
  let auto: 'auto' | 'manual' | null = null;
  let next = 0;
  const flush = (): void => {
    if (literal !== '') pieces.push({ kind: 'literal', text: literal, whole: literal === template });
    literal = '';
  };
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i];
    if (c === '}') {
      if (chars[i + 1] !== '}') throw new PyException('ValueError', "Single '}' encountered in format string");
      // The doubled brace ends a literal piece (the iterator returns it with the first brace).
      literal += '}';
      i++;
      flush();
      continue;
    }
    if (c !== '{') {
      literal += c;
      continue;
    }
    if (i + 1 >= chars.length) throw new PyException('ValueError', "Single '{' encountered in format string");
    if (chars[i + 1] === '{') {
      literal += '{';
      i++;
      flush();
      continue;
    }
    flush();
    const end = chars.indexOf('}', i + 1);
    if (end < 0) throw new PyException('ValueError', "expected '}' before end of string");
    const body = chars.slice(i + 1, end).join('');
    if (body.includes('{')) giveUp('a nested replacement field in a format spec');
    // Every body matches: the name runs to the first '!' or ':', a conversion to the next ':'.
    const [, name, conversion, spec] = /^([^!:]*)(?:!([^:]*))?(?::(.*))?$/s.exec(body)!;
    let index: number;
    if (name === '') {
      if (auto === 'manual') throw new PyException('ValueError', 'cannot switch from manual field specification to automatic field numbering');
      auto = 'auto';
      index = next++;
    } else if (/^\d+$/.test(name)) {
      if (auto === 'auto') throw new PyException('ValueError', 'cannot switch from automatic field numbering to manual field specification');
      auto = 'manual';
      index = Number(name);
    } else {
      giveUp(`the replacement field '{${body}}'`);
    }
    if (index >= args.length) throw new PyException('IndexError', `Replacement index ${index} out of range for positional args tuple`);
    if (conversion !== undefined && !['r', 's', 'a'].includes(conversion)) {
      throw new PyException('ValueError', 'Unknown conversion specifier');
    }
    pieces.push({ kind: 'field', value: args[index], conversion: conversion ?? null, spec: spec ?? '' });
    i = end;
  }
  flush();
  return pieces;
}

/** The text a field writes, and the str object it writes whole (null: it writes into the buffer). */
function renderField(f: Extract<Piece, { kind: 'field' }>, reprOf: (o: PyObj) => string | null): { text: string; whole: PyObj | 'temporary' | null } {
  const v = f.value;
  if (f.conversion === 'r' || f.conversion === 'a') {
    const r = reprOf(v);
    if (r === null) giveUp('the repr of a value the model does not know');
    const text = f.conversion === 'a' ? asciiOf(r) : r;
    return { text: applySpec(text, f.spec), whole: specKeepsStr(text, f.spec) ? 'temporary' : null };
  }
  const k = v.payload.kind;
  if (k === 'str') return { text: applySpec(v, f.spec), whole: specKeepsStr(v.payload.value, f.spec) ? v : null };
  const scalar = k === 'int' || k === 'bool' || k === 'float';
  if (f.conversion === 's' || (!scalar && f.spec === '')) {
    const s = reprOf(v);
    if (s === null) giveUp('str() of a value the model does not know');
    return { text: applySpec(s, f.spec), whole: specKeepsStr(s, f.spec) ? 'temporary' : null };
  }
  // Exact ints (and floats under a spec) are formatted straight into the buffer; a float without
  // a spec, and every other type, hands over a str made by its __format__.
  const text = applySpec(v, f.spec);
  if (k === 'int' || (k === 'float' && f.spec !== '')) return { text, whole: null };
  return { text, whole: 'temporary' };
}

/**
 * template.format(*args): the result as a new reference. `reprOf` gives repr() text (and str() of
 * non-str values, which the case language's types share with repr).
 */
export function strFormat(rt: Runtime, template: PyObj, args: PyObj[], reprOf: (o: PyObj) => string | null): PyObj {
  if (template.payload.kind !== 'str') throw new Error('format of a non-str');
  const pieces = parseTemplate(template.payload.value, args);
  rt.fire('str-format-writer');
  let kept: PyObj | 'temporary' | null = null;
  let buffered = false;
  let text = '';
  pieces.forEach((piece, i) => {
    const last = i === pieces.length - 1;
    const r = piece.kind === 'literal' ? { text: piece.text, whole: piece.whole ? template : null } : renderField(piece, reprOf);
    if (r.text === '') return;
    text += r.text;
    if (r.whole !== null && last && !buffered && kept === null) kept = r.whole;
    else {
      buffered = true;
      kept = null;
    }
  });
  if (kept === 'temporary') {
    // A str some __format__ or conversion made, written whole: CPython may share it (str(True) is
    // a static str) or not (str(1) is new, never the shared one-character str), so not looked up.
    const o = rt.alloc({ kind: 'str', value: text, interned: false });
    o.identityUnknown = true;
    o.rcExact = false;
    return o;
  }
  if (kept !== null) return rt.incref(kept);
  return newStr(rt, text);
}
