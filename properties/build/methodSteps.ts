// Statements that call a method of a built-in container for its effect (it returns None, so the
// statement observes nothing): `s.add`, `s.discard`, `l.insert`, `l.extend`, `l.remove`,
// `l.reverse`, `d.update`.
import type { Stmt } from '../../language/ast.ts';
import type { Step } from './extendedPlan.ts';
import { hashable, neverEqual } from './compat.ts';
import { Heap, isKind } from './heap.ts';
import { exprStmt, int, method, name, str, subscript } from './nodes.ts';
import { buildItem } from './values.ts';

export function setMethod(step: Extract<Step, { kind: 'set-method' }>, heap: Heap): Stmt[] {
  const s = heap.choose(step.set, isKind('set'));
  if (s === null) return [];
  const item = buildItem(step.item, heap, (o) => hashable(heap, o));
  if (item === null) return [];
  const obj = heap.objectOf(s);
  // The items of a set are those it may hold: an equal item already there stays (the new one is
  // not added), and discard may take an equal item that is not this object. They are read only
  // for whether the set prints, which a superset never gets wrong.
  if (step.method === 'add') obj.items.push(item.obj.id);
  else obj.items = obj.items.filter((i) => i !== item.obj.id);
  return [exprStmt(method(name(s), step.method, item.expr))];
}

export function listMutate(step: Extract<Step, { kind: 'list-mutate' }>, heap: Heap): Stmt[] {
  const l = heap.choose(step.list, isKind('list'));
  if (l === null) return [];
  const obj = heap.objectOf(l);
  const done = (stmt: Stmt): Stmt[] => {
    obj.len = obj.items.length;
    return [stmt];
  };
  switch (step.method) {
    case 'insert': {
      const item = buildItem(step.item, heap);
      if (item === null) return [];
      obj.items.unshift(item.obj.id);
      return done(exprStmt(method(name(l), 'insert', int(0n), item.expr)));
    }
    case 'extend': {
      const src = heap.choose(step.arg, isKind('list', 'tuple'));
      if (src === null) {
        const item = buildItem(step.item, heap);
        if (item === null) return [];
        obj.items.push(item.obj.id);
        return done(exprStmt(method(name(l), 'extend', { kind: 'List', elts: [item.expr] })));
      }
      obj.items.push(...[...heap.objectOf(src).items]);
      return done(exprStmt(method(name(l), 'extend', name(src))));
    }
    case 'remove': {
      // The first equal item goes: only an object no earlier item can equal is sure to be the one.
      const x = heap.choose(step.arg, (o) => {
        const at = obj.items.indexOf(o.id);
        return at >= 0 && obj.items.slice(0, at).every((i) => neverEqual(heap.get(i), o));
      });
      if (x !== null) {
        obj.items.splice(obj.items.indexOf(heap.objectOf(x).id), 1);
        return done(exprStmt(method(name(l), 'remove', name(x))));
      }
      // The first item is always the one found first (the comparison starts with identity).
      if (obj.items.length === 0) return [];
      obj.items.shift();
      return done(exprStmt(method(name(l), 'remove', subscript(name(l), int(0n)))));
    }
    case 'reverse':
      obj.items.reverse();
      return done(exprStmt(method(name(l), 'reverse')));
  }
}

export function dictUpdate(step: Extract<Step, { kind: 'dict-update' }>, heap: Heap): Stmt[] {
  const d = heap.choose(step.dict, isKind('dict'));
  if (d === null) return [];
  const item = buildItem(step.item, heap);
  if (item === null) return [];
  const obj = heap.objectOf(d);
  obj.fields.set(step.key, item.obj.id);
  obj.len = obj.fields.size;
  return [exprStmt(method(name(d), 'update', { kind: 'Dict', entries: [{ key: str(step.key), value: item.expr }] }))];
}
