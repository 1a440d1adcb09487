// The values the extensions add (see extendedPlan.ts), each turned into an expression and the
// symbolic object it evaluates to; null when the value needs a bound name of some kind and none is.
import type { FStringPart } from '../../language/ast.ts';
import type { BoundaryValue, BuiltinCall, CallableName, ClassAttr, FStringSpecField, MoreValueSpec, ValueSpec } from './extendedPlan.ts';
import { arith } from './arithmetic.ts';
import { builtinCall } from './builtinCalls.ts';
import { hasGet, useGet } from './callValues.ts';
import { instanceDict } from './instanceDicts.ts';
import type { Heap, SymObject } from './heap.ts';
import { moreMethod } from './moreMethods.ts';
import { attr, bytes, call, int, name, str } from './nodes.ts';
import { moreSlice } from './sliceForms.ts';
import type { Built } from './values.ts';

/** The extensions' values but `instance-more`, which `buildValue` makes with the core's instances. */
export type MoreValue = Exclude<MoreValueSpec, { kind: 'instance-more' }>;

const MORE_KINDS: ReadonlySet<string> = new Set<MoreValue['kind']>([
  'instance-dict', 'callable', 'slice-more', 'arith', 'builtin-call', 'method-more', 'fstring-spec', 'attr-read', 'boundary',
]);

export const isMoreValue = (spec: ValueSpec): spec is MoreValue => MORE_KINDS.has(spec.kind);

export function buildMoreValue(spec: MoreValue, heap: Heap): Built | null {
  switch (spec.kind) {
    case 'instance-dict':
      return instanceDict(spec.source, heap);
    case 'callable':
      return callableValue(spec.which, heap);
    case 'slice-more':
      return moreSlice(spec.source, spec.form, heap);
    case 'arith':
      return arith(spec.form, spec.source, spec.other, heap);
    case 'builtin-call':
      return builtinCall(spec.fn, spec.source, spec.n, heap);
    case 'method-more':
      return moreMethod(spec.method, spec.source, spec.other, heap);
    case 'fstring-spec':
      return fstringSpec(spec.fields, heap);
    case 'attr-read': {
      const src = heap.choose(spec.source, hasGet);
      if (src === null) return null;
      useGet(heap);
      if (spec.attr !== 'n') heap.uses.add(spec.attr === 'label' ? 'D.label' : 'D.pair');
      const own = spec.attr === 'n' ? heap.objectOf(src).fields.get('n') : undefined;
      return { expr: attr(name(src), spec.attr), obj: own === undefined ? classAttr(spec.attr, heap) : heap.get(own) };
    }
    case 'boundary':
      return boundary(spec.which, heap);
  }
}

/** The object a class attribute of D is (one each, made by the class body). */
function classAttr(which: ClassAttr, heap: Heap): SymObject {
  return heap.singleton(`D.${which}`, () => {
    if (which === 'n') return heap.create('int');
    if (which === 'label') return heap.str('hello world');
    return heap.create('tuple', { items: [heap.create('int').id, heap.str('a').id], len: 2 });
  });
}

/** `x = g`, `x = D`: the one function or class object the prelude made. */
function callableValue(which: CallableName, heap: Heap): Built {
  heap.uses.add(which);
  if (which === 'C') heap.uses.add('log');
  const kind = which === 'g' || which === 'outer' ? 'function' : 'class';
  return { expr: name(which), obj: heap.singleton(which, () => heap.create(kind)) };
}

function boundary(which: BoundaryValue, heap: Heap): Built {
  switch (which) {
    case 'int-1024':
      return { expr: int(1024n), obj: heap.create('int') };
    case 'int-1025':
      return { expr: int(1025n), obj: heap.create('int') };
    case 'chr-255':
      return { expr: call(name('chr'), int(255n)), obj: heap.str('\xff') };
    case 'chr-256':
      return { expr: call(name('chr'), int(256n)), obj: heap.str('\u0100') };
    case 'byte-128':
      return { expr: bytes('\x80'), obj: heap.create('bytes', { text: '\x80', len: 1 }) };
    case 'float-zero-of-str':
      return { expr: call(name('float'), str('-0.0')), obj: heap.create('float') };
  }
}

/**
 * `f'{a!a}'`, `f'{a:>5}'`: a format spec applies to what formats with one (an int, float, str or
 * bool, or anything once converted to a str); the sources print without an address.
 */
function fstringSpec(fields: FStringSpecField[], heap: Heap): Built | null {
  const parts: FStringPart[] = [];
  for (const f of fields) {
    const formats = (kind: string): boolean => f.spec === null || f.conversion !== null || ['int', 'float', 'str', 'bool'].includes(kind);
    const src = heap.choose(f.source, (o) => heap.printable(o) && formats(o.kind));
    if (src === null) return null;
    if (parts.length > 0) parts.push('-');
    parts.push({ value: name(src), conversion: f.conversion, spec: f.spec === null ? null : [f.spec] });
  }
  if (parts.length === 0) return null;
  return { expr: { kind: 'FString', parts }, obj: heap.str() };
}

function builtinSeed(fn: BuiltinCall): ValueSpec | null {
  switch (fn) {
    case 'ord':
      return { kind: 'str-literal', value: 'a' };
    case 'float-of':
      return { kind: 'int-literal', value: 257n };
    case 'int-of-float':
    case 'str-of-float':
      return { kind: 'float-of-str', text: '1.5' };
    case 'dict-copy':
      return { kind: 'dict', entries: [{ key: 'k', item: { kind: 'item-int', value: 257n } }] };
    case 'set-of':
    case 'frozenset-of':
      return { kind: 'list', items: [{ kind: 'item-int', value: 1n }, { kind: 'item-str', value: 'a' }] };
    default:
      return null;
  }
}

/** A value to bind first when an extension's value finds nothing to derive from (see `derivationSeed`). */
export function moreSeed(spec: ValueSpec): ValueSpec | null {
  switch (spec.kind) {
    case 'instance-dict':
    case 'attr-read':
      return { kind: 'instance', cls: 'D' };
    case 'slice-more':
      return { kind: 'list', items: [{ kind: 'item-int', value: 1n }, { kind: 'item-int', value: 257n }, { kind: 'item-str', value: 'a' }] };
    case 'arith':
      if (spec.form === 'bytes-concat') return { kind: 'bytes-literal', value: 'abc' };
      if (spec.form === 'concat' || spec.form.startsWith('repeat')) return { kind: 'tuple-of-list', items: [{ kind: 'item-int', value: 257n }] };
      return spec.form === 'not' || spec.form === 'percent' ? null : { kind: 'float-of-str', text: '1.5' };
    case 'builtin-call':
      return builtinSeed(spec.fn);
    case 'method-more':
      if (['keys', 'values', 'items', 'popitem'].includes(spec.method)) return { kind: 'dict', entries: [{ key: 'k', item: { kind: 'item-int', value: 257n } }] };
      if (['union', 'intersection', 'difference'].includes(spec.method)) return { kind: 'set', items: [{ kind: 'item-int', value: 1n }] };
      if (spec.method === 'bit_length') return { kind: 'int-literal', value: 257n };
      if (spec.method === 'decode') return { kind: 'bytes-literal', value: 'abc' };
      return { kind: 'str-literal', value: ' a b ' };
    default:
      return null;
  }
}

