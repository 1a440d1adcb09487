// Weak references beyond instances with a dict: to functions, closures, bound methods (which die at
// once unless kept), sets, frozensets, classes, and instances with `__weakref__` in their slots;
// with no callback, the shared `cb`, or one of their own that says which reference was called.
// And the weak reference observed as an object: tracked, its count, its type, and whether
// `weakref.ref(a)` hands back the same one.
import type { Expr, Stmt } from '../../language/ast.ts';
import type { CallbackChoice, Pick } from './extendedPlan.ts';
import { takesWeakref } from './classes.ts';
import { isKind, WEAKREF_NAMES, type Heap, type SymObject } from './heap.ts';
import { assign, attr, call, compare, moduleCall, name } from './nodes.ts';

const weakTarget = (o: SymObject): boolean => takesWeakref(o) || isKind('function', 'method', 'set', 'frozenset', 'class')(o);

export function weakrefAny(slot: 0 | 1, pick: Pick, callback: CallbackChoice, heap: Heap): Stmt[] {
  const target = heap.choose(pick, weakTarget);
  if (target === null) return [];
  const w = WEAKREF_NAMES[slot]!;
  heap.uses.add('weakref');
  const cb = callback === 'none' ? null : callback === 'shared' ? 'cb' : slot === 0 ? 'cbw' : 'cbv';
  if (cb !== null) {
    heap.uses.add(cb);
    heap.uses.add('log');
  }
  heap.bind(w, heap.create('weakref', { items: [heap.objectOf(target).id] }).id);
  return [assign([name(w)], moduleCall('weakref', 'ref', name(target), ...(cb === null ? [] : [name(cb)])))];
}

export type WeakObservation = 'tracked' | 'refcount' | 'type' | 'same';

export function observeWeak(what: WeakObservation, pick: Pick, heap: Heap): { expr: Expr; result: SymObject } | null {
  const w = heap.choose(pick, isKind('weakref'), WEAKREF_NAMES);
  if (w === null) return null;
  const ref = name(w);
  switch (what) {
    case 'tracked':
      heap.uses.add('gc');
      return { expr: moduleCall('gc', 'is_tracked', ref), result: heap.create('bool') };
    case 'refcount':
      heap.uses.add('sys');
      return { expr: moduleCall('sys', 'getrefcount', ref), result: heap.create('int') };
    case 'type':
      return { expr: attr(call(name('type'), ref), '__name__'), result: heap.str() };
    case 'same': {
      // Only of a referent still bound to a name: `weakref.ref(a)` of it makes or finds a reference.
      const target = heap.objectOf(w).items[0];
      const a = target === undefined ? null : heap.choose(0, (o) => o.id === target);
      if (a === null) return null;
      return { expr: compare(moduleCall('weakref', 'ref', name(a)), 'is', ref), result: heap.create('bool') };
    }
  }
}
