// printf-style formatting of a str: 'x=%s' % v (Objects/unicodeobject.c PyUnicode_Format). The
// model follows %s, %r, %d, %i and %% with no flags, width or precision; the result is made by a
// string writer and finished by unicode_result, so '' and one latin-1 character are the shared
// strings and anything else is new — except '%s' % s of a str alone, which the writer keeps as it
// is (_PyUnicodeWriter_WriteStr into an empty writer): the result is s itself.
import type { PyObj } from './objects.ts';
import { classLookup, typeName } from './objects.ts';
import { reprOf, strOf } from './repr.ts';
import { giveUp, PyException, type Runtime } from './runtime.ts';
import { newStr } from './strings.ts';

export function formatPercent(rt: Runtime, format: string, args: PyObj): PyObj {
  const values = args.payload.kind === 'tuple' ? args.payload.items : [args];
  let next = 0;
  const take = (): PyObj => {
    if (next >= values.length) throw new PyException('TypeError', 'not enough arguments for format string');
    return values[next++];
  };
  let out = '';
  let only: PyObj | null = null;
  for (let i = 0; i < format.length; i++) {
    const c = format[i];
    if (c !== '%') {
      out += c;
      continue;
    }
    const code = format[++i];
    if (code === '%') out += '%';
    else if (code === 's' || code === 'r') {
      const v = take();
      if (code === 's' && v.payload.kind === 'str' && format === '%s') only = v;
      const text = code === 's' ? strOf(v) : reprOf(v);
      if (text === null) giveUp('formatting a value whose text the model does not know');
      out += text;
    } else if (code === 'd' || code === 'i') {
      const v = take();
      const p = v.payload;
      if (p.kind === 'int' && !p.unknown) out += p.value.toString();
      else if (p.kind === 'bool' && !p.unknown) out += p.value ? '1' : '0';
      else if (p.kind === 'float' || p.kind === 'int' || p.kind === 'bool') giveUp(`%${code} of a value the model does not follow`);
      else throw new PyException('TypeError', `%${code} format: a real number is required, not ${typeName(v)}`);
    } else giveUp(`the printf-style conversion '%${code ?? ''}'`);
  }
  // A mapping argument is allowed when nothing is consumed; a tuple must be used up exactly.
  if (next < values.length && args.payload.kind === 'tuple') throw new PyException('TypeError', 'not all arguments converted during string formatting');
  if (next === 0 && args.payload.kind !== 'tuple' && !isMapping(args)) {
    throw new PyException('TypeError', 'not all arguments converted during string formatting');
  }
  if (only) {
    rt.fire('result-is-operand');
    return rt.incref(only);
  }
  rt.fire('runtime-str-new');
  return newStr(rt, out);
}

/**
 * PyUnicode_Format (Objects/unicodeobject.c) takes a lone argument with mp_subscript for a mapping
 * (PyMapping_Check, not a tuple or str): a list or bytes as much as a dict, unused without error.
 */
function isMapping(o: PyObj): boolean {
  const p = o.payload;
  if (p.kind === 'instance') return classLookup(p.cls, '__getitem__') !== undefined;
  return p.kind === 'dict' || p.kind === 'list' || p.kind === 'bytes';
}
