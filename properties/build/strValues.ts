// Strs made by methods and f-strings, with their text when the builder can know it (a later
// `s.split()` needs the text to know how many items it makes).
import type { Expr, FStringPart } from '../../language/ast.ts';
import type { FStringFieldSpec, Pick, StrMethod } from './extendedPlan.ts';
import { Heap, isKind } from './heap.ts';
import { method, name, str } from './nodes.ts';
import type { Built } from './values.ts';

/** `s.upper()` of a known text (ASCII case mapping: what the strings here need). */
export function upperOf(text: string | undefined): string | undefined {
  return text?.toUpperCase();
}

/** The fields are separated by `-` so that the text shows where each one starts. */
export function fstringFields(fields: FStringFieldSpec[], heap: Heap): Built | null {
  const parts: FStringPart[] = [];
  for (const f of fields) {
    // Only values whose text carries no address: the f-string's text may be observed later.
    const src = heap.choose(f.source, (o) => heap.printable(o));
    if (src === null) return null;
    if (parts.length > 0) parts.push('-');
    parts.push({ value: name(src), conversion: f.conversion, spec: null });
  }
  if (parts.length === 0) return null;
  return { expr: { kind: 'FString', parts }, obj: heap.str() };
}

const WHITESPACE = /[ \t\n\r\x0b\x0c\x1c-\x1f]+/;

/** The items `s.split()` makes, when the text is known. */
export function splitOf(text: string): string[] {
  return text.split(WHITESPACE).filter((x) => x !== '');
}

export function buildStrMethod(which: StrMethod, pick: Pick, heap: Heap): Built | null {
  if (which === 'join') {
    // `'-'.join(l)` of a list or tuple of strs only: anything else raises TypeError.
    const src = heap.choose(pick, (o) => (o.kind === 'list' || o.kind === 'tuple') && o.items.every((i) => heap.get(i).kind === 'str'));
    if (src === null) return null;
    const texts = heap.objectOf(src).items.map((i) => heap.get(i).text);
    const known = texts.every((t): t is string => t !== undefined);
    return { expr: method(str('-'), 'join', name(src)), obj: heap.str(known ? texts.join('-') : undefined) };
  }
  if (which === 'split') {
    // Only a known text: the list's items must be known for later steps to use them.
    const src = heap.choose(pick, (o) => o.kind === 'str' && o.text !== undefined);
    if (src === null) return null;
    const source = heap.objectOf(src);
    const parts = splitOf(source.text!);
    // CPython returns the str itself as the only item when there is nothing to split.
    const items = parts.length === 1 && parts[0] === source.text ? [source.id] : parts.map((p) => heap.str(p).id);
    return { expr: method(name(src), 'split'), obj: heap.create('list', { items, len: items.length }) };
  }
  const src = heap.choose(pick, isKind('str'));
  if (src === null) return null;
  const { text, len } = heap.objectOf(src);
  const args: Expr[] = which === 'replace' ? [str('a'), str('b')] : [];
  const result = text === undefined ? undefined : which === 'lower' ? text.toLowerCase() : which === 'strip' ? text.trim() : text.split('a').join('b');
  return {
    expr: method(name(src), which, ...args),
    obj: heap.str(result, which === 'strip' ? undefined : len),
  };
}
