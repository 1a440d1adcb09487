// A code object's own tuples and the compiler's constant cache. When the compiler makes a code
// object it looks its tuples up in the cache that merges the compilation's constants
// (Python/compile.c makecode with merge_const_tuple, 3.8-3.10, and merge_const_one, 3.11-3.12;
// Python/assemble.c makecode with _PyCompile_ConstCacheMergeOne from 3.13): co_names,
// co_varnames, co_cellvars, co_freevars and co_consts up to 3.10; co_names, co_consts and the
// local names (co_localsplusnames) from 3.11. A tuple already there is used instead, a new one is
// registered, and a constant equal to it compiled later is that tuple
// (merge_consts_recursive). So in a module with `def f(a=None): return a`, the constant
// `(None,)` is f.__code__.co_consts and `('a',)` is its local names: one reference more each; and
// two functions with equal constants share one co_consts tuple, which holds each constant once.
//
// The model knows a function's co_consts, order included, up to 3.13 when it defines no other
// code object (checked against the code objects of generated programs on 3.8-3.13), and the
// local names on every version. From 3.14 the CFG optimizer decides co_consts (small ints loaded
// by LOAD_SMALL_INT, folding, no slot for a missing docstring), which the model does not follow:
// the count of a constant tuple that could be such a co_consts, and of a constant that several
// functions hold, is declined. Class bodies and co_names are left out: their tuples hold names
// and the class's qualified name, which no constant of the programs the model meets equals.
import type { PyObj } from '../objects.ts';
import { atLeast } from '../profile.ts';
import type { Runtime } from '../runtime.ts';
import { keyOf, materialize, type CodeUnit, type Compilation } from './code-unit.ts';
import type { ConstVal } from './fold.ts';

/** `unit` holds the constant `t` as one of its own tuples. */
export function holdTuple(rt: Runtime, unit: CodeUnit, t: PyObj): void {
  rt.fire('code-tuples-merged');
  unit.held.push(rt.incref(t));
}

/** The tuples of local names makecode merges: co_varnames, co_cellvars, co_freevars, or co_localsplusnames. */
export function nameTuples(rt: Runtime, unit: CodeUnit): string[][] {
  const { varnames, scope } = unit;
  const cells = [...scope.cells].sort();
  const frees = [...scope.frees].sort();
  if (!atLeast(rt.profile, 3, 11)) return [varnames, cells, frees];
  return [[...varnames, ...cells.filter((n) => !varnames.includes(n)), ...frees]];
}

/** A names tuple: the equal constant if there is one, else registered until one is made. */
function mergeNames(rt: Runtime, comp: Compilation, unit: CodeUnit, names: string[]): void {
  // () is a shared singleton, which holds nothing the model counts.
  if (names.length === 0) return;
  const key = keyOf({ t: 'tuple', items: names.map((v): ConstVal => ({ t: 'str', v })) });
  const hit = comp.cache.get(key);
  if (hit && hit.alive) {
    holdTuple(rt, unit, hit);
    return;
  }
  const pending = comp.pending ?? new Map<string, CodeUnit[]>();
  comp.pending = pending;
  pending.set(key, [...(pending.get(key) ?? []), unit]);
}

/**
 * makecode's merging for a function's code object, once its constants are final: its names
 * tuples, and up to 3.13 (for a function that defines no other code object) its co_consts as one
 * constant tuple of the compilation, which then holds the constants in its place.
 */
export function mergeCodeTuples(rt: Runtime, comp: Compilation, unit: CodeUnit, valueOf: (o: PyObj) => ConstVal | null): void {
  if (unit.kind !== 'function') return;
  for (const names of nameTuples(rt, unit)) mergeNames(rt, comp, unit, names);
  if (atLeast(rt.profile, 3, 14) || unit.children.size > 0 || unit.consts.length === 0) return;
  const items: ConstVal[] = [];
  for (const o of unit.consts) {
    const c = valueOf(o);
    if (c === null) return;
    items.push(c);
  }
  rt.fire('code-tuples-merged');
  const t = materialize(rt, comp, { t: 'tuple', items });
  for (const o of unit.consts.splice(0)) rt.decref(o);
  unit.consts.push(t);
}

/** The cache key of a constant object (code-unit.ts keyOf), or null for anything else. */
function keyOfObject(o: PyObj): string | null {
  const p = o.payload;
  switch (p.kind) {
    case 'int': return p.unknown ? null : keyOf({ t: 'int', v: p.value });
    case 'float': return keyOf({ t: 'float', v: p.value });
    case 'str': return keyOf({ t: 'str', v: p.value });
    case 'bytes': return keyOf({ t: 'bytes', v: p.value });
    case 'bool': return p.unknown ? null : keyOf({ t: 'bool', v: p.value });
    case 'none': return 'N';
    case 'ellipsis': return 'E';
    case 'tuple': {
      const items = p.items.map(keyOfObject);
      return items.includes(null) ? null : `t(${items.join(',')})`;
    }
    case 'set': {
      const items = p.items.map(keyOfObject);
      return p.frozen && !items.includes(null) ? `F{${items.sort().join(',')}}` : null;
    }
    default: return null;
  }
}

function functionsWithoutCode(unit: CodeUnit, into: CodeUnit[] = []): CodeUnit[] {
  if (unit.kind === 'function' && unit.children.size === 0) into.push(unit);
  for (const child of unit.children.values()) functionsWithoutCode(child, into);
  return into;
}

/**
 * From 3.14, once the whole compilation is made (`root` is its module): a mortal constant tuple
 * whose items a function's co_consts could all hold (what it loads, its collections' items, the
 * operands it folded: code-unit.ts constKeys) may be that co_consts, and a mortal constant two
 * functions hold may sit in one shared co_consts tuple: their counts are declined.
 */
export function declineUnknownCodeConsts(rt: Runtime, comp: Compilation, root: CodeUnit): void {
  if (!atLeast(rt.profile, 3, 14)) return;
  const leaves = functionsWithoutCode(root);
  if (leaves.length === 0) return;
  const decline = (o: PyObj): void => {
    if (o.immortal || !o.rcExact) return;
    rt.fire('code-tuples-merged');
    o.rcExact = false;
  };
  for (const o of comp.cache.values()) {
    if (!o.alive || o.payload.kind !== 'tuple' || o.payload.items.length === 0) continue;
    const keys = o.payload.items.map(keyOfObject);
    if (leaves.some((u) => keys.every((k) => k !== null && u.constKeys.has(k)))) decline(o);
  }
  const holders = new Map<PyObj, number>();
  for (const u of leaves) for (const o of u.consts) holders.set(o, (holders.get(o) ?? 0) + 1);
  for (const [o, n] of holders) if (n > 1) decline(o);
}
