// Values made by calling the program's own functions and methods: bound methods kept in a name,
// closures, a function reading a global, a function reading `a` from the enclosing scope.
import type { CallSpec } from './extendedPlan.ts';
import { GLOBAL_NAME, Heap, type SymObject } from './heap.ts';
import { attr, call, method, name } from './nodes.ts';
import type { Built } from './values.ts';

/** An instance of a class with D's class attribute `n` and method `get` (D itself or F(D)). */
export const hasGet = (obj: SymObject): boolean => obj.kind === 'instance' && (obj.cls === 'D' || obj.cls === 'F');

/** What `get` needs in the prelude. */
export function useGet(heap: Heap): void {
  heap.uses.add('D');
  heap.uses.add('D.n');
  heap.uses.add('D.get');
}

type CallValueSpec = Extract<CallSpec, { kind: 'bound-method' | 'call-method' | 'closure' | 'call-closure' | 'get-global' | 'peek' }>;

export function buildCallValue(spec: CallValueSpec, heap: Heap): Built | null {
  switch (spec.kind) {
    case 'bound-method': {
      const src = heap.choose(spec.source, hasGet);
      if (src === null) return null;
      useGet(heap);
      return { expr: attr(name(src), 'get'), obj: heap.create('method', { items: [heap.objectOf(src).id] }) };
    }
    case 'call-method': {
      const src = heap.choose(spec.source, (o) => o.kind === 'method' || hasGet(o));
      if (src === null) return null;
      useGet(heap);
      const obj = heap.objectOf(src);
      return { expr: obj.kind === 'method' ? call(name(src)) : method(name(src), 'get'), obj: heap.create('int') };
    }
    case 'closure': {
      const src = heap.choose(spec.source, () => true);
      if (src === null) return null;
      heap.uses.add('outer');
      return { expr: call(name('outer'), name(src)), obj: heap.create('function', { items: [heap.objectOf(src).id] }) };
    }
    case 'call-closure': {
      // A closure holds what it closed over; a plain function (`x = g`) takes an argument.
      const src = heap.choose(spec.source, (o) => o.kind === 'function' && o.items.length > 0);
      if (src === null) return null;
      return { expr: call(name(src)), obj: heap.get(heap.objectOf(src).items[0]!) };
    }
    case 'get-global':
      if (!heap.isBound(GLOBAL_NAME)) return null;
      heap.uses.add('getg');
      return { expr: call(name('getg')), obj: heap.objectOf(GLOBAL_NAME) };
    case 'peek':
      if (!heap.isBound('a')) return null;
      heap.uses.add('peek');
      return { expr: call(name('peek')), obj: heap.objectOf('a') };
  }
}
