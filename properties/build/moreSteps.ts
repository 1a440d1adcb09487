// The statements the extensions add (see extendedPlan.ts); each finds what it needs among the bound
// names, or makes no statement.
import type { Mode, Stmt, Target } from '../../language/ast.ts';
import type { ChainInto, MoreStep, Step } from './extendedPlan.ts';
import { augWide } from './augSteps.ts';
import { hasGet, useGet } from './callValues.ts';
import { settableAttr } from './classes.ts';
import { defCall, type StepBuilder } from './functionBodies.ts';
import { dictSetitem } from './instanceDicts.ts';
import { anyObject, KEPT_ID_NAME, type Heap, type SymObject } from './heap.ts';
import { makeCalls } from './makeCalls.ts';
import { cycleMore } from './moreCycles.ts';
import { mutateMore } from './moreMethods.ts';
import { assign, attr, call, exprStmt, int, method, name, str, subscript } from './nodes.ts';
import { sliceAssign, sliceDel } from './sliceForms.ts';
import { fillSlots } from './slotFills.ts';
import { buildItem, buildValue, derivationSeed } from './values.ts';
import { weakrefAny } from './weakrefs.ts';

const MORE_KINDS: ReadonlySet<string> = new Set<MoreStep['kind']>([
  'def-call', 'keep-id', 'slice-assign', 'slice-del', 'attr-append', 'keep-clear', 'cycle-more', 'chain-into',
  'weakref-any', 'dict-setitem', 'mutate-more', 'aug-wide', 'method-put', 'make', 'fill-slots',
]);

export const isMoreStep = (step: Step): step is MoreStep => MORE_KINDS.has(step.kind);

export function buildMoreStep(step: MoreStep, heap: Heap, mode: Mode, buildStep: StepBuilder): Stmt[] {
  switch (step.kind) {
    case 'def-call':
      return defCall(step.fn, step.target, heap, mode, buildStep);
    case 'keep-id': {
      const src = heap.choose(step.source, anyObject);
      if (src === null) return [];
      heap.bind(KEPT_ID_NAME, heap.create('int').id);
      return [assign([name(KEPT_ID_NAME)], call(name('id'), name(src)))];
    }
    case 'slice-assign':
      return sliceAssign(step.list, step.form, step.item, step.empty, heap);
    case 'slice-del':
      return sliceDel(step.list, step.form, heap);
    case 'attr-append': {
      const o = heap.choose(step.obj, (x) => itemsList(heap, x) !== null);
      if (o === null) return [];
      const item = buildItem(step.item, heap);
      if (item === null) return [];
      const list = itemsList(heap, heap.objectOf(o))!;
      list.items.push(item.obj.id);
      list.len = list.items.length;
      return [exprStmt(method(attr(name(o), 'items'), 'append', item.expr))];
    }
    case 'keep-clear':
      return heap.uses.has('keep') ? [exprStmt(method(name('keep'), 'clear'))] : [];
    case 'cycle-more':
      return cycleMore(step.shape, step.a, heap);
    case 'chain-into':
      return chainInto(step.into, step.target, step.value, heap);
    case 'weakref-any':
      return weakrefAny(step.slot, step.target, step.callback, heap);
    case 'dict-setitem':
      return dictSetitem(step.obj, step.key, step.item, heap);
    case 'mutate-more':
      return mutateMore(step.method, step.target, step.seed, heap);
    case 'aug-wide':
      return augWide(step.source, step.op, heap);
    case 'method-put': {
      const o = heap.choose(step.obj, hasGet);
      const v = heap.choose(step.value, anyObject);
      if (o === null || v === null) return [];
      useGet(heap);
      heap.uses.add('D.put');
      heap.objectOf(o).fields.set('other', heap.objectOf(v).id);
      return [exprStmt(method(name(o), 'put', name(v)))];
    }
    case 'make':
      return makeCalls(step.targets, step.args, heap);
    case 'fill-slots':
      return fillSlots(step.obj, step.values, step.fresh, heap);
  }
}

/** The list an instance holds in `items` (T's own, or one a step stored), if any. */
function itemsList(heap: Heap, obj: SymObject): SymObject | null {
  const id = obj.kind === 'instance' ? obj.fields.get('items') : undefined;
  const list = id === undefined ? null : heap.get(id);
  return list?.kind === 'list' ? list : null;
}

/** `a.other = x = value`, `l[0] = x = value`, `d['k'] = x = value`: assigned left to right. */
function chainInto(into: ChainInto, slot: number, spec: Parameters<typeof buildValue>[0], heap: Heap): Stmt[] {
  const x = heap.slot(slot);
  let first: Target;
  let store: (id: number) => void;
  if (into.kind === 'attr') {
    const o = heap.choose(into.obj, (v) => v.kind === 'instance');
    if (o === null) return [];
    const obj = heap.objectOf(o);
    const valueIsList = spec.kind === 'list';
    const attrName = settableAttr(obj, into.attr, valueIsList);
    first = attr(name(o), attrName);
    store = (id) => obj.fields.set(attrName, id);
  } else {
    const c = heap.choose(into.container, (v) => v.kind === 'dict' || (v.kind === 'list' && v.items.length > 0));
    if (c === null) return [];
    const obj = heap.objectOf(c);
    if (obj.kind === 'list') {
      first = subscript(name(c), int(0n));
      store = (id) => (obj.items[0] = id);
    } else {
      first = subscript(name(c), str(into.key));
      store = (id) => {
        obj.fields.set(into.key, id);
        obj.len = obj.fields.size;
      };
    }
  }
  const built = buildValue(spec, heap, x) ?? (derivationSeed(spec) === null ? null : buildValue(derivationSeed(spec)!, heap, x));
  if (built === null) return [];
  store(built.obj.id);
  heap.bind(x, built.obj.id);
  return [assign([first, name(x)], built.expr)];
}
