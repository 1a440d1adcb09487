// Turns one step of a plan into statements, updating the symbolic heap; no statements when the
// step's precondition fails where it stands (the step is skipped, the program stays valid).
import type { Expr, Mode, Stmt } from '../../language/ast.ts';
import type { AttrName, Step } from './extendedPlan.ts';
import { augAttr, augItem, augment } from './augSteps.ts';
import { deletableAttr, settableAttr, takesWeakref } from './classes.ts';
import { anyObject, BASELINE_NAME, countDeltaKnown, GLOBAL_NAME, Heap, isKind, surelyOwn, WEAKREF_NAMES, type SymObject } from './heap.ts';
import { ownedDict } from './instanceDicts.ts';
import { instanceSpec } from './instances.ts';
import { buildMoreStep, isMoreStep } from './moreSteps.ts';
import { dictUpdate, listMutate, setMethod } from './methodSteps.ts';
import { buildObservation } from './observations.ts';
import { buildItem, buildValue, derivationSeed } from './values.ts';
import { assign, attr, call, del, exprStmt, int, method, moduleCall, name, str, subscript } from './nodes.ts';

const isInstance = isKind('instance');

export function buildStep(step: Step, heap: Heap, mode: Mode): Stmt[] {
  if (isMoreStep(step)) return buildMoreStep(step, heap, mode, buildStep);
  switch (step.kind) {
    case 'assign':
    case 'chain': {
      const targets = (step.kind === 'assign' ? [step.target] : step.targets).map((s) => heap.slot(s));
      const first = targets[0]!;
      const out: Stmt[] = [];
      let built = buildValue(step.value, heap, first);
      const seed = derivationSeed(step.value);
      if (built === null && seed !== null) {
        const seeded = buildValue(seed, heap, first)!;
        heap.bind(first, seeded.obj.id);
        out.push(assign([name(first)], seeded.expr));
        built = buildValue(step.value, heap, first);
      }
      // The seed, if any, stays bound even when the value still finds nothing to derive from.
      if (built === null) return out;
      for (const t of targets) heap.bind(t, built.obj.id);
      out.push(assign(targets.map(name), built.expr));
      return out;
    }
    case 'alias': {
      const src = heap.choose(step.source, anyObject);
      if (src === null) return [];
      const target = heap.slot(step.target);
      heap.bind(target, heap.objectOf(src).id);
      return [assign([name(target)], name(src))];
    }
    case 'del': {
      const victim = heap.choose(step.source, anyObject, [...heap.pool, ...WEAKREF_NAMES]);
      if (victim === null) return [];
      heap.unbind(victim);
      return [del(name(victim))];
    }
    case 'aug':
      return augment(step.source, step.op, heap);
    case 'append': {
      const list = heap.choose(step.list, isKind('list'));
      if (list === null) return [];
      const item = buildItem(step.item, heap);
      if (item === null) return [];
      pushItem(heap.objectOf(list), item.obj.id);
      return [exprStmt(method(name(list), 'append', item.expr))];
    }
    case 'setitem': {
      const c = heap.choose(step.container, (o) => o.kind === 'dict' || (o.kind === 'list' && o.items.length > 0));
      if (c === null) return [];
      const item = buildItem(step.item, heap);
      if (item === null) return [];
      const obj = heap.objectOf(c);
      if (obj.kind === 'list') {
        obj.items[0] = item.obj.id;
        return [assign([subscript(name(c), int(0n))], item.expr)];
      }
      obj.fields.set(step.key, item.obj.id);
      obj.len = obj.fields.size;
      return [assign([subscript(name(c), str(step.key))], item.expr)];
    }
    case 'delitem': {
      // Not an instance's `__dict__`: its first key may be the tag the finalizer logs.
      const c = heap.choose(step.container, (o) => (o.kind === 'dict' && o.fields.size > 0 && !ownedDict(o)) || (o.kind === 'list' && o.items.length > 0));
      if (c === null) return [];
      const obj = heap.objectOf(c);
      if (obj.kind === 'list') {
        obj.items.shift();
        obj.len = obj.items.length;
        return [del(subscript(name(c), int(0n)))];
      }
      const key = [...obj.fields.keys()][0]!;
      obj.fields.delete(key);
      obj.len = obj.fields.size;
      return [del(subscript(name(c), str(key)))];
    }
    case 'clear': {
      const c = heap.choose(step.container, (o) => isKind('list', 'dict')(o) && !ownedDict(o));
      if (c === null) return [];
      const obj = heap.objectOf(c);
      obj.items = [];
      obj.fields.clear();
      obj.len = 0;
      return [exprStmt(method(name(c), 'clear'))];
    }
    case 'setattr': {
      const o = heap.choose(step.obj, isInstance);
      const v = heap.choose(step.value, anyObject);
      if (o === null || v === null) return [];
      const obj = heap.objectOf(o);
      const value = heap.objectOf(v);
      const attrName = settableAttr(obj, step.attr, value.kind === 'list');
      obj.fields.set(attrName, value.id);
      return [assign([attr(name(o), attrName)], name(v))];
    }
    case 'delattr': {
      // Never the tag: a finalizer that cannot read it would fail where no observation sees it.
      const o = heap.choose(step.obj, (x) => isInstance(x) && userAttrs(x).length > 0);
      if (o === null) return [];
      const obj = heap.objectOf(o);
      const attrName = userAttrs(obj)[0]!;
      obj.fields.delete(attrName);
      return [del(attr(name(o), attrName))];
    }
    case 'cycle':
      return cycle(step, heap);
    case 'weakref': {
      const target = heap.choose(step.target, takesWeakref);
      if (target === null) return [];
      const w = WEAKREF_NAMES[step.slot]!;
      heap.uses.add('weakref');
      if (step.callback) {
        heap.uses.add('cb');
        heap.uses.add('log');
      }
      heap.bind(w, heap.create('weakref', { items: [heap.objectOf(target).id] }).id);
      const args: Expr[] = [name(target), ...(step.callback ? [name('cb')] : [])];
      return [assign([name(w)], moduleCall('weakref', 'ref', ...args))];
    }
    case 'baseline': {
      // One baseline in eight (the last pick) is taken around two new references: the program's own change.
      if (step.source === 7) return countAround(step.source, heap);
      // As for absolute counts (observations.ts), three times in four of an object surely the program's own.
      const own = step.source % 4 !== 0 ? heap.choose(step.source >> 2, surelyOwn) : null;
      // Otherwise a shared object whose count's changes the model follows, if there is one.
      const src = own ?? heap.choose(step.source, countDeltaKnown) ?? heap.choose(step.source, anyObject);
      if (src === null) return [];
      heap.uses.add('sys');
      heap.bind(BASELINE_NAME, heap.create('int').id);
      heap.baselineOf = src;
      return [assign([name(BASELINE_NAME)], moduleCall('sys', 'getrefcount', name(src)))];
    }
    case 'observe': {
      const stmt = buildObservation(step.what, heap, mode);
      return stmt === null ? [] : [stmt];
    }
    case 'set-method':
      return setMethod(step, heap);
    case 'list-mutate':
      return listMutate(step, heap);
    case 'dict-update':
      return dictUpdate(step, heap);
    case 'aug-attr':
      return augAttr(step, heap);
    case 'aug-item':
      return augItem(step, heap);
    case 'set-global': {
      const src = heap.choose(step.source, anyObject);
      if (src === null) return [];
      heap.uses.add('setg');
      heap.bind(GLOBAL_NAME, heap.objectOf(src).id);
      return [exprStmt(call(name('setg'), name(src)))];
    }
    case 'alias-underscore': {
      if (mode !== 'repl' || heap.underscore === null) return [];
      const target = heap.slot(step.target);
      heap.bind(target, heap.underscore);
      return [assign([name(target)], name('_'))];
    }
    case 'skip':
      return [];
  }
}

/** The attributes steps set that a `del a.attr` may remove (never the tag, nor what a finalizer reads). */
function userAttrs(obj: SymObject): AttrName[] {
  return [...obj.fields.keys()].filter((k): k is AttrName => (k === 'other' || k === 'me' || k === 'items') && deletableAttr(obj, k));
}

export function pushItem(list: SymObject, id: number): void {
  list.items.push(id);
  list.len = list.items.length;
}

function cycle(step: Extract<Step, { kind: 'cycle' }>, heap: Heap): Stmt[] {
  if (step.shape === 'list-self') {
    const l = heap.choose(step.a, isKind('list'));
    if (l === null) return [];
    const obj = heap.objectOf(l);
    pushItem(obj, obj.id);
    return [exprStmt(method(name(l), 'append', name(l)))];
  }
  const a = heap.choose(step.a, isInstance);
  if (a === null) return [];
  const objA = heap.objectOf(a);
  if (step.shape === 'self') {
    objA.fields.set('me', objA.id);
    return [assign([attr(name(a), 'me')], name(a))];
  }
  if (step.shape === 'instance-list') {
    if (settableAttr(objA, 'items', true) !== 'items') return [];
    const list = heap.create('list', { len: 1, items: [objA.id] });
    objA.fields.set('items', list.id);
    return [assign([attr(name(a), 'items')], { kind: 'List', elts: [name(a)] })];
  }
  // Two distinct instances (a pair of one is the self-cycle); with only one bound, the step makes
  // its partner, of the same class, in the slot `b` names.
  const out: Stmt[] = [];
  let b = heap.choose(step.b, (o) => isInstance(o) && o !== objA);
  if (b === null) {
    b = heap.slot(step.b) === a ? heap.slot(step.b + 1) : heap.slot(step.b);
    // M's __init__ takes an argument (its instances come from make(p)): its partner is a D.
    const cls = objA.cls === undefined || objA.cls === 'M' ? 'D' : objA.cls;
    const partner = buildValue(instanceSpec(cls), heap, b)!;
    heap.bind(b, partner.obj.id);
    out.push(assign([name(b)], partner.expr));
  }
  const objB = heap.objectOf(b);
  objA.fields.set('other', objB.id);
  objB.fields.set('other', objA.id);
  out.push(assign([attr(name(a), 'other')], name(b)), assign([attr(name(b), 'other')], name(a)));
  return out;
}

/**
 * The change two references make to a count, for a shared object whose count's changes the model
 * follows (a small int from 100, a one-character str...): `r = sys.getrefcount(x)`, then
 * `[x, x, sys.getrefcount(x) - r][2]`, where the two x on the stack are the new references: 2
 * while such objects are mortal, 0 once immortal (3.12, PEP 683). With no such object in the heap,
 * x is the literal 256, the small-int cache's last entry: the step then needs no binding, so a
 * program that shows the change shrinks to three statements with `import sys`.
 */
function countAround(source: number, heap: Heap): Stmt[] {
  const src = heap.choose(source, countDeltaKnown);
  const x: Expr = src === null ? int(256n) : name(src);
  heap.uses.add('sys');
  heap.bind(BASELINE_NAME, heap.create('int').id);
  // A later delta observation measures against r for the same object: only a name can be that.
  heap.baselineOf = src;
  // At the prompt the observation is echoed: `_` is now that int.
  if (!heap.inFunction) heap.echo(heap.create('int'));
  const delta: Expr = { kind: 'BinOp', op: '-', left: moduleCall('sys', 'getrefcount', x), right: name(BASELINE_NAME) };
  return [
    assign([name(BASELINE_NAME)], moduleCall('sys', 'getrefcount', x)),
    exprStmt(subscript({ kind: 'List', elts: [x, x, delta] }, int(2n))),
  ];
}
