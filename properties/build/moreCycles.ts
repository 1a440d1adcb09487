// Cycles beyond the core's: through a dict (`d['k'] = d`), a bound method or a closure stored on
// its own instance, a tuple inside a list, and an instance's own `__dict__` among its attributes.
import type { Stmt } from '../../language/ast.ts';
import type { MoreCycleShape, Pick } from './extendedPlan.ts';
import { hasGet, useGet } from './callValues.ts';
import { hasDict, settableAttr } from './classes.ts';
import { dictExpr } from './instanceDicts.ts';
import { isKind, type Heap } from './heap.ts';
import { assign, attr, call, exprStmt, method, name, str, subscript } from './nodes.ts';

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
    case 'own-dict': {
      const a = heap.choose(pick, hasDict);
      if (a === null) return [];
      const obj = heap.objectOf(a);
      obj.fields.set('me', heap.dictOf(obj).id);
      return [assign([attr(name(a), 'me')], dictExpr(a))];
    }
  }
}
