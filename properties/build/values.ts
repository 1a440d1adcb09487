// Turns a value spec into an expression and the symbolic object it evaluates to; null when the
// spec needs a bound name of some kind and there is none (the step using it is then skipped).
import type { Expr, ListExpr } from '../../language/ast.ts';
import type { ItemSpec, ValueSpec } from './extendedPlan.ts';
import { hashable } from './compat.ts';
import { buildCallValue } from './callValues.ts';
import { buildDerived } from './derived.ts';
import { buildInstance } from './instances.ts';
import { buildMoreValue, isMoreValue, moreSeed } from './moreValues.ts';
import { anyObject, Heap, isKind, type SymObject } from './heap.ts';
import { binop, bytes, call, float, int, method, moduleCall, name, none, str } from './nodes.ts';
import { buildStrMethod, fstringFields, upperOf } from './strValues.ts';

export interface Built {
  expr: Expr;
  obj: SymObject;
}

const strLen = (s: string): number => [...s].length;

/** `tag` names the instance for a finalizer that logs its tag: the name it is first bound to. */
export function buildValue(spec: ValueSpec, heap: Heap, tag: string): Built | null {
  if (isMoreValue(spec)) return buildMoreValue(spec, heap);
  switch (spec.kind) {
    case 'int-literal':
      return { expr: int(spec.value), obj: heap.create('int', { value: spec.value }) };
    case 'int-folded':
      return { expr: binop(int(spec.left), spec.op, int(spec.right)), obj: heap.create('int', { value: foldInt(spec.left, spec.op, spec.right) }) };
    case 'int-of-str':
      return { expr: call(name('int'), str(String(spec.value))), obj: heap.create('int', { value: spec.value }) };
    case 'int-arith': {
      const src = heap.choose(spec.source, isKind('int'));
      if (src === null) return null;
      return { expr: binop(name(src), spec.op, int(spec.op === '*' ? 2n : 1n)), obj: heap.create('int') };
    }
    case 'float-literal':
      return { expr: float(spec.value), obj: heap.create('float') };
    case 'float-of-str':
      return { expr: call(name('float'), str(spec.text)), obj: heap.create('float') };
    case 'str-literal':
      return { expr: str(spec.value), obj: heap.str(spec.value) };
    case 'str-folded':
      return { expr: binop(str(spec.left), '+', str(spec.right)), obj: heap.str(spec.left + spec.right) };
    case 'str-concat': {
      const src = heap.choose(spec.source, isKind('str'));
      if (src === null) return null;
      const { len, text } = heap.objectOf(src);
      return {
        expr: binop(str(spec.prefix), '+', name(src)),
        obj: heap.str(text === undefined ? undefined : spec.prefix + text, len === undefined ? undefined : strLen(spec.prefix) + len),
      };
    }
    case 'str-join':
      return { expr: joinOf(spec.parts), obj: heap.str(spec.parts.join('')) };
    case 'str-repeat': {
      const src = heap.choose(spec.source, isKind('str'));
      if (src === null) return null;
      const { len, text } = heap.objectOf(src);
      return {
        expr: binop(name(src), '*', int(BigInt(spec.times))),
        obj: heap.str(text?.repeat(spec.times), len === undefined ? undefined : len * spec.times),
      };
    }
    case 'str-of-int':
      return { expr: call(name('str'), int(spec.value)), obj: heap.str(String(spec.value)) };
    case 'str-of-name': {
      const src = heap.choose(spec.source, isKind('int'));
      if (src === null) return null;
      return { expr: call(name('str'), name(src)), obj: heap.create('str') };
    }
    case 'str-upper': {
      const src = heap.choose(spec.source, isKind('str'));
      if (src === null) return null;
      const source = heap.objectOf(src);
      return { expr: method(name(src), 'upper'), obj: heap.str(upperOf(source.text), source.len) };
    }
    case 'str-fstring': {
      const src = heap.choose(spec.source, isKind('int', 'str'));
      if (src === null) return null;
      const source = heap.objectOf(src);
      return {
        expr: { kind: 'FString', parts: [{ value: name(src), conversion: null, spec: null }] },
        obj: source.kind === 'str' ? heap.str(source.text, source.len) : heap.str(),
      };
    }
    case 'str-fstring-fields':
      return fstringFields(spec.fields, heap);
    case 'str-method':
      return buildStrMethod(spec.method, spec.source, heap);
    case 'str-intern':
      heap.uses.add('sys');
      return { expr: moduleCall('sys', 'intern', joinOf(spec.parts)), obj: heap.str(spec.parts.join('')) };
    case 'bytes-literal':
      return { expr: bytes(spec.value), obj: heap.create('bytes', { text: spec.value, len: spec.value.length }) };
    case 'bytes-folded':
      return { expr: binop(bytes(spec.left), '+', bytes(spec.right)), obj: heap.create('bytes', { text: spec.left + spec.right, len: spec.left.length + spec.right.length }) };
    case 'const':
      return buildConst(spec.value, heap);
    case 'tuple':
    case 'tuple-of-list':
    case 'list': {
      const items = buildItems(spec.items, heap);
      if (items === null) return null;
      const elts = items.map((i) => i.expr);
      const obj = heap.create(spec.kind === 'list' ? 'list' : 'tuple', { len: items.length, items: items.map((i) => i.obj.id) });
      if (spec.kind === 'tuple') return { expr: { kind: 'Tuple', elts }, obj };
      if (spec.kind === 'list') return { expr: { kind: 'List', elts }, obj };
      return { expr: call(name('tuple'), { kind: 'List', elts }), obj };
    }
    case 'dict': {
      const values = buildItems(spec.entries.map((e) => e.item), heap);
      if (values === null) return null;
      const obj = heap.create('dict');
      const entries: { key: Expr; value: Expr }[] = [];
      spec.entries.forEach((e, i) => {
        const v = values[i]!;
        entries.push({ key: str(e.key), value: v.expr });
        obj.fields.set(e.key, v.obj.id);
      });
      obj.len = obj.fields.size;
      return { expr: { kind: 'Dict', entries }, obj };
    }
    case 'set':
    case 'frozenset': {
      const items = buildItems(spec.items, heap, (o) => hashable(heap, o));
      if (items === null) return null;
      const obj = heap.create(spec.kind, { items: items.map((i) => i.obj.id) });
      const elts = items.map((i) => i.expr);
      if (spec.kind === 'set') return { expr: elts.length === 0 ? call(name('set')) : { kind: 'Set', elts }, obj };
      return { expr: elts.length === 0 ? call(name('frozenset')) : call(name('frozenset'), { kind: 'List', elts }), obj };
    }
    case 'instance':
    case 'instance-more':
      return buildInstance(spec.cls, heap, tag);
    case 'object':
      return { expr: call(name('object')), obj: heap.create('object') };
    case 'call-identity': {
      const src = heap.choose(spec.source, anyObject);
      if (src === null) return null;
      heap.uses.add('g');
      return { expr: call(name('g'), name(src)), obj: heap.objectOf(src) };
    }
    case 'call-wrap': {
      const src = heap.choose(spec.source, anyObject);
      if (src === null) return null;
      heap.uses.add('mk');
      return { expr: call(name('mk'), name(src)), obj: heap.create('list', { len: 1, items: [heap.objectOf(src).id] }) };
    }
    case 'call-default':
      heap.uses.add('k');
      return { expr: call(name('k')), obj: heap.create('int') };
    case 'bound-method':
    case 'call-method':
    case 'closure':
    case 'call-closure':
    case 'get-global':
    case 'peek':
      return buildCallValue(spec, heap);
    case 'slice':
    case 'convert':
    case 'dict-method':
    case 'list-method':
      return buildDerived(spec, heap);
  }
}

/**
 * A value derived from a bound name of some kind (`x + 1`, `'ab' + s`, `s.upper()`, `d.get('k')`,
 * `a.get`) needs such a name; when none is bound, the step first binds its own target to this
 * value and derives from it.
 */
export function derivationSeed(spec: ValueSpec): ValueSpec | null {
  switch (spec.kind) {
    case 'int-arith':
    case 'str-of-name':
      return { kind: 'int-literal', value: 256n };
    case 'str-concat':
    case 'str-repeat':
    case 'str-upper':
    case 'str-fstring':
      return { kind: 'str-literal', value: 'ab' };
    case 'str-method':
      return spec.method === 'join'
        ? { kind: 'list', items: [{ kind: 'item-str', value: 'a' }, { kind: 'item-str', value: 'abc' }] }
        : { kind: 'str-literal', value: 'a b' };
    case 'slice':
      return { kind: 'str-literal', value: 'hello world' };
    case 'convert':
    case 'list-method':
      return { kind: 'list', items: [{ kind: 'item-int', value: 257n }, { kind: 'item-str', value: 'a' }] };
    case 'dict-method':
      return { kind: 'dict', entries: [{ key: 'k', item: { kind: 'item-int', value: 257n } }] };
    case 'bound-method':
    case 'call-method':
      return { kind: 'instance', cls: 'D' };
    default:
      return moreSeed(spec);
  }
}

function joinOf(parts: string[]): Expr {
  const list: ListExpr = { kind: 'List', elts: parts.map(str) };
  return method(str(''), 'join', list);
}

function buildConst(value: 'True' | 'False' | 'None' | 'Ellipsis', heap: Heap): Built {
  switch (value) {
    case 'True':
    case 'False':
      return { expr: { kind: 'Bool', value: value === 'True' }, obj: heap.create('bool') };
    case 'None':
      return { expr: none, obj: heap.create('none') };
    case 'Ellipsis':
      return { expr: { kind: 'Ellipsis' }, obj: heap.create('ellipsis') };
  }
}

/** `fits` restricts which bound names an `item-name` may pick (literals always fit). */
export function buildItem(spec: ItemSpec, heap: Heap, fits: (obj: SymObject) => boolean = anyObject): Built | null {
  switch (spec.kind) {
    case 'item-int':
      return { expr: int(spec.value), obj: heap.create('int') };
    case 'item-str':
      return { expr: str(spec.value), obj: heap.str(spec.value) };
    case 'item-none':
      return { expr: none, obj: heap.create('none') };
    case 'item-name': {
      const src = heap.choose(spec.source, fits);
      return src === null ? null : { expr: name(src), obj: heap.objectOf(src) };
    }
  }
}

function buildItems(specs: ItemSpec[], heap: Heap, fits: (obj: SymObject) => boolean = anyObject): Built[] | null {
  const built: Built[] = [];
  for (const s of specs) {
    const b = buildItem(s, heap, fits);
    if (b === null) return null;
    built.push(b);
  }
  return built;
}

function foldInt(left: bigint, op: '+' | '-' | '*' | '**', right: bigint): bigint {
  if (op === '+') return left + right;
  if (op === '-') return left - right;
  if (op === '*') return left * right;
  return left ** right;
}
