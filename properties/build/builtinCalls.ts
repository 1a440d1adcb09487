// Calls of the case language's built-in callables beyond the core's: chr and ord (the cache of
// one-character strs), dict(), bytes(), float(), int() of a float, str() of a float, the empty
// tuple() and list(), set() and frozenset() of a sequence, the empty frozenset(), bool(), type().
import type { BuiltinCall, Pick } from './extendedPlan.ts';
import { hashable } from './compat.ts';
import { isKind, type Heap, type ObjKind, type SymObject } from './heap.ts';
import { call, int, name } from './nodes.ts';
import type { Built } from './values.ts';

/** `chr(n)`: ASCII, the last of Latin-1, the first past it, and one far past it. */
export const CHR_CODES: readonly number[] = [97, 255, 256, 9786];

/** The class object `type(obj)` evaluates to: one per class, one per built-in kind. */
export function typeOf(heap: Heap, obj: SymObject): SymObject {
  const key = obj.kind === 'instance' ? `class ${obj.cls ?? ''}` : `type ${obj.kind}`;
  return heap.singleton(key, () => heap.create('class'));
}

export function builtinCall(fn: BuiltinCall, pick: Pick, n: 0 | 1 | 2 | 3, heap: Heap): Built | null {
  const of = (fits: (o: SymObject) => boolean): string | null => heap.choose(pick, fits);
  const made = (expr: Built['expr'], obj: SymObject): Built => ({ expr, obj });
  switch (fn) {
    case 'chr': {
      const ch = String.fromCodePoint(CHR_CODES[n]!);
      return made(call(name('chr'), int(BigInt(CHR_CODES[n]!))), heap.str(ch));
    }
    case 'ord': {
      const s = of((o) => o.kind === 'str' && o.len === 1);
      return s === null ? null : made(call(name('ord'), name(s)), heap.create('int'));
    }
    case 'dict-empty':
      return made(call(name('dict')), heap.create('dict', { len: 0 }));
    case 'dict-copy': {
      const d = of(isKind('dict'));
      if (d === null) return null;
      const fields = new Map(heap.objectOf(d).fields);
      return made(call(name('dict'), name(d)), heap.create('dict', { fields, len: fields.size }));
    }
    case 'bytes-count':
      return made(call(name('bytes'), int(BigInt(n))), heap.create('bytes', { text: '\0'.repeat(n), len: n }));
    case 'bytes-list': {
      const code = 97 + n;
      return made(call(name('bytes'), { kind: 'List', elts: [int(BigInt(code))] }), heap.create('bytes', { text: String.fromCharCode(code), len: 1 }));
    }
    case 'float-of':
    case 'int-of-float':
    case 'str-of-float': {
      const x = of(isKind(fn === 'float-of' ? 'int' : 'float', 'float', 'bool'));
      if (x === null) return null;
      const [callee, kind]: [string, ObjKind] = fn === 'float-of' ? ['float', 'float'] : fn === 'int-of-float' ? ['int', 'int'] : ['str', 'str'];
      return made(call(name(callee), name(x)), kind === 'str' ? heap.str() : heap.create(kind));
    }
    case 'tuple-empty':
      return made(call(name('tuple')), heap.create('tuple', { len: 0 }));
    case 'list-empty':
      return made(call(name('list')), heap.create('list', { len: 0 }));
    case 'set-of':
    case 'frozenset-of': {
      const seq = of((o) => (o.kind === 'list' || o.kind === 'tuple') && o.items.every((i) => hashable(heap, heap.get(i))));
      if (seq === null) return null;
      const kind = fn === 'set-of' ? 'set' : 'frozenset';
      return made(call(name(kind), name(seq)), heap.create(kind, { items: [...heap.objectOf(seq).items] }));
    }
    case 'frozenset-empty':
      // One shared object up to 3.9 (Objects/setobject.c emptyfrozenset).
      return made(call(name('frozenset')), heap.create('frozenset'));
    case 'bool-of': {
      const x = of(() => true);
      return x === null ? null : made(call(name('bool'), name(x)), heap.create('bool'));
    }
    case 'type-of': {
      const x = of(() => true);
      return x === null ? null : made(call(name('type'), name(x)), typeOf(heap, heap.objectOf(x)));
    }
  }
}
