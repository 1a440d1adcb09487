// Cycles beyond the core's: through a dict (`d['k'] = d`), a bound method or a closure stored on
// its own instance, a tuple inside a list, and an instance's own `__dict__` among its attributes;
// and an instance's self-cycle dropped and collected at once (`a.me = a`, `del a`, `gc.collect()`).
import type { Stmt } from '../../language/ast.ts';
import type { MoreCycleShape, Pick } from './extendedPlan.ts';
import { hasGet, useGet } from './callValues.ts';
import { hasDict, settableAttr } from './classes.ts';
import { dictExpr } from './instanceDicts.ts';
import { isKind, type Heap, type SymObject } from './heap.ts';
import { assign, attr, call, del, exprStmt, method, moduleCall, name, str, subscript } from './nodes.ts';

export function cycleMore(shape: MoreCycleShape, pick: Pick, heap: Heap): Stmt[] {
  switch (shape) {
    case 'dict-self': {
      const d = heap.choose(pick, isKind('dict'));
      if (d === null) return [];
      const obj = heap.objectOf(d);
      obj.fields.set('k', obj.id);
      obj.len = obj.fields.size;
      return [assign([subscript(name(d), str('k'))], name(d))];
    }
    case 'tuple-list': {
      const l = heap.choose(pick, isKind('list'));
      if (l === null) return [];
      const obj = heap.objectOf(l);
      obj.items.push(heap.create('tuple', { items: [obj.id], len: 1 }).id);
      obj.len = obj.items.length;
      return [exprStmt(method(name(l), 'append', { kind: 'Tuple', elts: [name(l)] }))];
    }
    case 'method': {
      const a = heap.choose(pick, hasGet);
      if (a === null) return [];
      useGet(heap);
      const obj = heap.objectOf(a);
      obj.fields.set('me', heap.create('method', { items: [obj.id] }).id);
      return [assign([attr(name(a), 'me')], attr(name(a), 'get'))];
    }
    case 'closure': {
      const a = heap.choose(pick, (o) => o.kind === 'instance' && settableAttr(o, 'me', false) === 'me');
      if (a === null) return [];
      heap.uses.add('outer');
      const obj = heap.objectOf(a);
      obj.fields.set('me', heap.create('function', { items: [obj.id] }).id);
      return [assign([attr(name(a), 'me')], call(name('outer'), name(a)))];
    }
    case 'dropped':
      return dropped(pick, heap);
    case 'own-dict': {
      const a = heap.choose(pick, hasDict);
      if (a === null) return [];
      const obj = heap.objectOf(a);
      obj.fields.set('me', heap.dictOf(obj).id);
      return [assign([attr(name(a), 'me')], dictExpr(a))];
    }
  }
}

/**
 * `a.me = a`, `del a`, `gc.collect()`: the collector finds the cycle unreachable, clears weak
 * references to it and runs its finalizer. An instance nothing else holds is taken when one is bound.
 */
function dropped(pick: Pick, heap: Heap): Stmt[] {
  const fits = (o: SymObject): boolean => o.kind === 'instance' && settableAttr(o, 'me', false) === 'me';
  const names = heap.eligible(fits);
  const alone = names.filter((n) => !heap.heldElsewhere(n));
  const a = alone.length > 0 ? alone[pick % alone.length]! : heap.choose(pick, fits);
  if (a === null) return [];
  const obj = heap.objectOf(a);
  obj.fields.set('me', obj.id);
  heap.unbind(a);
  heap.uses.add('gc');
  const collected = moduleCall('gc', 'collect');
  if (!heap.inFunction) heap.echo(heap.create('int'));
  return [assign([attr(name(a), 'me')], name(a)), del(name(a)), exprStmt(collected)];
}
