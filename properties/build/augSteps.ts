// Augmented assignments: to a name (`x += 1`), an attribute (`a.n += 1`) and a subscript
// (`d['k'] += 1`, `l[0] *= 2`). An int or str target gets a new object; a list grows in place.
import type { AugOp, Stmt, Target } from '../../language/ast.ts';
import type { Pick, Step } from './extendedPlan.ts';
import { hasGet } from './callValues.ts';
import { Heap, isKind, type SymObject } from './heap.ts';
import { attr, int, name, str, subscript } from './nodes.ts';

/**
 * An int or str target takes any of the three (a str takes `+` for `-`); a list item takes `+`
 * only: the model declines `*=` on a list, and a name's `l *= 2` already exercises it.
 */
function takes(obj: SymObject, op: AugOp): boolean {
  return obj.kind === 'int' || obj.kind === 'str' || (obj.kind === 'list' && op === '+');
}

/** The statement, and the object the target holds afterwards. */
function augmented(target: Target, obj: SymObject, op: AugOp, heap: Heap): { stmt: Stmt; result: SymObject } {
  const doubling = op === '*';
  if (obj.kind === 'int') return { stmt: { kind: 'AugAssign', target, op, value: int(doubling ? 2n : 1n) }, result: heap.create('int') };
  if (obj.kind === 'str') {
    // `-` has no str form: a str target takes `+` instead.
    const len = obj.len === undefined ? undefined : doubling ? obj.len * 2 : obj.len + 1;
    const text = obj.text === undefined ? undefined : doubling ? obj.text.repeat(2) : `${obj.text}a`;
    const stmt: Stmt = { kind: 'AugAssign', target, op: doubling ? '*' : '+', value: doubling ? int(2n) : str('a') };
    return { stmt, result: heap.str(text, len) };
  }
  if (doubling) {
    obj.items = [...obj.items, ...obj.items];
    obj.len = obj.items.length;
    return { stmt: { kind: 'AugAssign', target, op: '*', value: int(2n) }, result: obj };
  }
  obj.items.push(heap.create('int').id);
  obj.len = obj.items.length;
  return { stmt: { kind: 'AugAssign', target, op: '+', value: { kind: 'List', elts: [int(1n)] } }, result: obj };
}

/** `x += 1` on an int, `s += 'a'` on a str, `l += [1]` on a list (in place); `*=` doubles. */
export function augment(pick: Pick, op: AugOp, heap: Heap): Stmt[] {
  const target = heap.choose(pick, isKind('int', 'str', 'list'));
  if (target === null) return [];
  const { stmt, result } = augmented(name(target), heap.objectOf(target), op, heap);
  heap.bind(target, result.id);
  return [stmt];
}

/** `a.n += 1` on an instance of D or F: the first one reads the class attribute, then binds its own. */
export function augAttr(step: Extract<Step, { kind: 'aug-attr' }>, heap: Heap): Stmt[] {
  const o = heap.choose(step.obj, hasGet);
  if (o === null) return [];
  heap.uses.add('D');
  heap.uses.add('D.n');
  const obj = heap.objectOf(o);
  const { stmt, result } = augmented(attr(name(o), 'n'), heap.create('int'), step.op, heap);
  obj.fields.set('n', result.id);
  return [stmt];
}

/** `d['k'] += 1` on the first key holding an int, str or list; `l[0] op= ...` likewise. */
export function augItem(step: Extract<Step, { kind: 'aug-item' }>, heap: Heap): Stmt[] {
  const fits = (id: number | undefined): boolean => id !== undefined && takes(heap.get(id), step.op);
  const c = heap.choose(step.container, (o) =>
    (o.kind === 'dict' && [...o.fields.values()].some(fits)) || (o.kind === 'list' && fits(o.items[0])));
  if (c === null) return [];
  const obj = heap.objectOf(c);
  if (obj.kind === 'list') {
    const { stmt, result } = augmented(subscript(name(c), int(0n)), heap.get(obj.items[0]!), step.op, heap);
    obj.items[0] = result.id;
    return [stmt];
  }
  const [key, id] = [...obj.fields.entries()].find(([, v]) => fits(v))!;
  const { stmt, result } = augmented(subscript(name(c), str(key)), heap.get(id), step.op, heap);
  obj.fields.set(key, result.id);
  return [stmt];
}

/**
 * `x += 1.5`, `x -= 0.5`, `x *= 2.0` of a float; `t += (1,)`, `t *= 2` of a tuple; `b += b'x'`,
 * `b *= 2` of bytes (a new object each, `-` reads as `+`); int, str and list as `augment` does.
 */
export function augWide(pick: Pick, op: AugOp, heap: Heap): Stmt[] {
  const target = heap.choose(pick, isKind('int', 'str', 'list', 'float', 'tuple', 'bytes'));
  if (target === null) return [];
  const obj = heap.objectOf(target);
  if (obj.kind !== 'float' && obj.kind !== 'tuple' && obj.kind !== 'bytes') return augment(pick, op, heap);
  const t = name(target);
  let stmt: Stmt;
  let result: SymObject;
  if (obj.kind === 'float') {
    stmt = { kind: 'AugAssign', target: t, op, value: { kind: 'Float', value: op === '*' ? 2.0 : op === '-' ? 0.5 : 1.5 } };
    result = heap.create('float');
  } else if (op === '*') {
    stmt = { kind: 'AugAssign', target: t, op: '*', value: int(2n) };
    const items = [...obj.items, ...obj.items];
    result = heap.create(obj.kind, { items, len: obj.len === undefined ? undefined : obj.len * 2, text: obj.text?.repeat(2) });
  } else if (obj.kind === 'tuple') {
    stmt = { kind: 'AugAssign', target: t, op: '+', value: { kind: 'Tuple', elts: [int(1n)] } };
    const items = [...obj.items, heap.create('int').id];
    result = heap.create('tuple', { items, len: items.length });
  } else {
    stmt = { kind: 'AugAssign', target: t, op: '+', value: { kind: 'Bytes', value: 'x' } };
    result = heap.create('bytes', { text: obj.text === undefined ? undefined : `${obj.text}x`, len: obj.len === undefined ? undefined : obj.len + 1 });
  }
  heap.bind(target, result.id);
  return [stmt];
}
