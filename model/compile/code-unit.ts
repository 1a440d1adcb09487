// Code objects and their constants: which objects a compiled program holds before it runs.
// - Equal constants of one compilation (a module with all its functions and class bodies; one
//   repl input) are one object, also inside constant tuples and frozensets (Python/compile.c
//   merge_consts_recursive with the compiler's c_const_cache; keys from Objects/codeobject.c
//   _PyCode_ConstantKey, which tells 1, 1.0, True, 0.0 and -0.0 apart).
// - From 3.9, displays of more than two constants are built from one constant tuple or frozenset
//   (Python/compile.c starunpack_helper, LIST_EXTEND / SET_UPDATE); a dict display of more than one entry with constant keys
//   loads its keys as one constant tuple (compiler_subdict, BUILD_CONST_KEY_MAP, up to 3.13); the
//   iterable of `x in [consts]` is a constant tuple/frozenset (Python/ast_opt.c fold_iter).
// - A function's constant defaults are loaded one by one and folded into one tuple by the
//   bytecode optimizer (fold_tuple_on_constants); up to 3.11 the single constants stay in
//   co_consts, from 3.12 unused constants are removed except the first (Python/flowgraph.c
//   remove_unused_consts).
// - String constants made of name characters are interned when the code object is made
//   (Objects/codeobject.c intern_string_constants); identifiers are interned by the parser.
// - A code object's own tuples go through the same cache when it is made (makecode: co_names,
//   co_varnames, co_cellvars, co_freevars and co_consts up to 3.10; co_names, co_consts and the
//   local names from 3.11): a constant equal to one of them is that tuple, one reference more,
//   and two functions with equal constants share one co_consts tuple (code-tuples.ts).
import type { Expr, FunctionDef, Stmt } from '../../language/ast.ts';
import type { PyObj } from '../objects.ts';
import { atLeast } from '../profile.ts';
import { giveUp, type Runtime } from '../runtime.ts';
import { bool, ellipsis, emptyTuple, none, sharedByte, sharedStr } from '../singletons.ts';
import { newInt } from '../small-ints.ts';
import { newSet } from '../values.ts';
import { setOrder } from '../set-order.ts';
import { internConstant, isIdentifierLike, markInterned } from '../strings.ts';
import { distinctConsts } from './const-equal.ts';
import { declineUnknownCodeConsts, holdTuple, mergeCodeTuples } from './code-tuples.ts';
import { foldConstant, type ConstVal } from './fold.ts';
import { programIdentifiers } from './identifiers.ts';
import type { Scope } from './scope.ts';

export interface CodeUnit {
  kind: Scope['kind'];
  name: string;
  /** co_qualname (Python/compile.c compiler_set_qualname): `f.<locals>.g`, `C.m`, or the name. */
  qualname: string;
  scope: Scope;
  /** co_consts: each distinct object holds one reference from this code object. */
  consts: PyObj[];
  /** The constant each folded expression loads. */
  constOf: Map<Expr, PyObj>;
  /** The constant tuple/frozenset a display or `in` iterable is built from; a dict's key tuple. */
  displayConst: Map<Expr, PyObj>;
  /** A function's defaults: the one constant tuple they fold into. */
  defaultsConst: Map<FunctionDef, PyObj>;
  /** Up to 3.10, the constant each def's MAKE_FUNCTION takes its qualified name from. */
  qualnameConst: Map<FunctionDef, PyObj>;
  children: Map<Stmt, CodeUnit>;
  /** co_varnames order: parameters, then locals in the order the compiler first meets them. */
  varnames: string[];
  /** References to this code object (its parent's co_consts, functions made from it). */
  refs: number;
  /** A function's docstring, one of its constants (which hold it), or null. */
  doc: PyObj | null;
  /** Objects of the compilation this code object holds besides co_consts: tuples (co_varnames...), and from 3.11 a class body's co_qualname. */
  held: PyObj[];
  /**
   * The keys of every constant its co_consts could hold: those it loads, the items of its
   * constant collections and the operands of what it folded (code-tuples.ts, from 3.14, where
   * the CFG optimizer decides which of them stay).
   */
  constKeys: Set<string>;
}

export interface Compilation {
  cache: Map<string, PyObj>;
  memo: Map<Expr, ConstVal | null>;
  /**
   * The constant objects the syntax tree itself made (literals and folded results, not the
   * tuples the compiler builds). At the interactive prompt the tree's arena keeps one reference
   * to each while the input runs (Python/pythonrun.c PyRun_InteractiveOneObject frees the arena
   * after running; Python/pyarena.c _PyArena_AddPyObject), and one per literal: equal literals
   * are separate objects merged into one constant afterwards, except the objects the whole
   * interpreter shares (a small int, a one-character str or bytes), which the parser gets back
   * once per literal (`[256, 256]` at the prompt: two references from the tree to 256).
   */
  fromTree: Map<PyObj, number>;
  /**
   * Code objects whose tuple is in the compiler's cache under a key no constant object has been
   * made for yet: the one made later is that tuple, and each of them holds it (code-tuples.ts).
   */
  pending?: Map<string, CodeUnit[]>;
  /** The compilation's identifiers, all interned before it is compiled (identifiers.ts). */
  identifiers?: Set<string>;
}

// A NaN is never equal to another NaN, so the constant cache (Objects/codeobject.c
// _PyCode_ConstantKey keys a float by the object itself) merges a NaN only with itself: each
// folded NaN is its own constant, and so is a tuple holding one.
const nanKeys = new WeakMap<ConstVal, string>();
let nanSerial = 0;

export function keyOf(c: ConstVal): string {
  switch (c.t) {
    case 'int': return `i${c.v}`;
    case 'float': {
      if (!Number.isNaN(c.v)) return `f${Object.is(c.v, -0) ? '-0' : String(c.v)}`;
      let k = nanKeys.get(c);
      if (k === undefined) nanKeys.set(c, (k = `fNaN#${++nanSerial}`));
      return k;
    }
    case 'str': return `s${JSON.stringify(c.v)}`;
    case 'bytes': return `b${JSON.stringify(c.v)}`;
    case 'bool': return `B${c.v}`;
    case 'none': return 'N';
    case 'ellipsis': return 'E';
    case 'tuple': return `t(${c.items.map(keyOf).join(',')})`;
    case 'frozenset': return `F{${c.items.map(keyOf).sort().join(',')}}`;
  }
}

/** The object for a constant (a new reference), merged with equal constants of the compilation. */
export function materialize(rt: Runtime, comp: Compilation, c: ConstVal): PyObj {
  const key = keyOf(c);
  const hit = comp.cache.get(key);
  if (hit) {
    rt.fire('constant-merging');
    return rt.incref(hit);
  }
  const o = create(rt, comp, c);
  comp.cache.set(key, o);
  const waiting = comp.pending?.get(key);
  if (waiting) {
    comp.pending?.delete(key);
    for (const unit of waiting) holdTuple(rt, unit, o);
  }
  return o;
}

function create(rt: Runtime, comp: Compilation, c: ConstVal): PyObj {
  switch (c.t) {
    case 'int': return newInt(rt, c.v);
    case 'float': return rt.alloc({ kind: 'float', value: c.v });
    case 'str': {
      const o = sharedStr(rt, c.v) ?? rt.alloc({ kind: 'str', value: c.v, interned: false });
      // Objects/codeobject.c intern_string_constants interns the name-like strs among a code
      // object's constants, those inside tuple and frozenset constants too, when the code object
      // is made. Every constant, an item of a tuple or a frozenset included, is made here once
      // per compilation, so interning it now keeps the compilation's cache pointing at the object
      // every code object holds.
      return isIdentifierLike(c.v) ? internConstant(rt, o) : o;
    }
    case 'bytes': return sharedByte(rt, c.v) ?? rt.alloc({ kind: 'bytes', value: c.v });
    case 'bool': return bool(rt, c.v);
    case 'none': return none(rt);
    case 'ellipsis': return ellipsis(rt);
    case 'tuple': {
      if (c.items.length === 0) return emptyTuple(rt);
      // Built by the compiler with PyTuple_New: tracked until a collection looks at it.
      const o = rt.alloc({ kind: 'tuple', items: c.items.map((i) => materialize(rt, comp, i)) });
      rt.track(o);
      return o;
    }
    case 'frozenset': {
      // Equal items (1, 1.0, True) collapse to the first, as set_add_entry does, before any of
      // them is merged: a dropped one never becomes a constant of the compilation.
      const kept = distinctConsts(c.items);
      if (kept === null) giveUp('a constant set of items the model cannot compare (NaN)');
      const items = kept.map((i) => materialize(rt, comp, i));
      // The compiler builds the frozenset from the items in order, then up to 3.13
      // merge_consts_recursive builds it again from its own iteration order (Python/compile.c),
      // which can change it. From 3.14 the CFG optimizer makes it (Python/flowgraph.c
      // optimize_lists_and_sets) and adds it with add_const, which merges it without rebuilding.
      const first = newSet(rt, items, true);
      rt.fire('constant-frozenset-order');
      const merged = atLeast(rt.profile, 3, 14) ? first : rebuilt(rt, first);
      return afterInterning(rt, comp, merged);
    }
  }
}

/** The frozenset `f` made again from its own iteration order (PyFrozenSet_New of it as a tuple). */
function rebuilt(rt: Runtime, f: PyObj): PyObj {
  const order = setOrder(f);
  if (!order) return f;
  const again = newSet(rt, order.map((i) => rt.incref(i)), true);
  rt.decref(f);
  return again;
}

/**
 * When its code object is made, a frozenset constant is made again from its iteration order if
 * interning replaced one of its strs by an equal str interned before (Objects/codeobject.c
 * intern_string_constants: `tmp_modified`; measured on 3.10-3.15: the display's order follows
 * one more rebuild exactly when the program also uses that str as a name, or the interpreter
 * interned it). A program's identifiers are interned by the parser before anything is compiled;
 * which other strs the interpreter had interned is unknowable, so where a rebuild would change
 * the order and nothing says whether it happens, the order is left unknown.
 */
function afterInterning(rt: Runtime, comp: Compilation, f: PyObj): PyObj {
  const p = f.payload;
  if (p.kind !== 'set') return f;
  // A one-character str is the interpreter's cached one: interning keeps it, except on 3.11 and
  // 3.12, where an equal str interned before may take its place (measured on 3.11.7 and 3.12.1:
  // {'hello world', 2, 'a', 1} shows the order of one more rebuild, whether or not the program
  // has a name a); which one-character strs that happens to is unknowable.
  const oneChar = atLeast(rt.profile, 3, 11) && !atLeast(rt.profile, 3, 13);
  const names = p.items.filter((i) => i.payload.kind === 'str' && isIdentifierLike(i.payload.value) && ([...i.payload.value].length > 1 || oneChar));
  if (names.length === 0) return f;
  const sure = names.some((i) => i.payload.kind === 'str' && [...i.payload.value].length > 1 && comp.identifiers?.has(i.payload.value) === true);
  if (sure) return rebuilt(rt, f);
  const before = setOrder(f);
  if (!before) return f;
  const again = newSet(rt, before.map((i) => rt.incref(i)), true);
  const after = setOrder(again);
  rt.decref(again);
  if (!after || after.some((o, i) => o !== before[i])) p.table = null;
  return f;
}

/** Ensures an identifier (a name the parser interned) is in the interned table. */
export function internIdentifier(rt: Runtime, name: string): void {
  if (rt.interned.has(name) || name.length <= 1) return;
  const o = rt.allocShared({ kind: 'str', value: name, interned: false });
  markInterned(rt, o);
}

class UnitBuilder {
  private readonly loads = new Map<PyObj, number>();
  private readonly order: PyObj[] = [];
  /** The constant each loaded object stands for. */
  private readonly constVals = new Map<PyObj, ConstVal>();
  readonly unit: CodeUnit;

  constructor(private readonly rt: Runtime, private readonly comp: Compilation, kind: Scope['kind'], name: string, qualname: string, scope: Scope) {
    this.unit = {
      kind, name, qualname, scope, consts: [], constOf: new Map(), displayConst: new Map(), defaultsConst: new Map(), qualnameConst: new Map(),
      children: new Map(), varnames: [...scope.params], refs: 1, doc: null, held: [], constKeys: new Set(),
    };
  }

  /** LOAD_CONST of `c`: the object, counted once in co_consts however often it is loaded. */
  private load(c: ConstVal, uses = 1, fromTree = false): PyObj {
    const o = materialize(this.rt, this.comp, c);
    this.constVals.set(o, c);
    this.noteConst(c);
    if (fromTree) this.treeItems(o, c);
    if (this.loads.has(o)) {
      this.rt.decref(o);
    } else {
      this.order.push(o);
      this.loads.set(o, 0);
    }
    this.loads.set(o, (this.loads.get(o) ?? 0) + uses);
    return o;
  }

  /**
   * Inside a class, `__x` names are rewritten to `_C__x` (Python/compile.c _Py_Mangle); the model
   * has no rule for that yet and stops where a program uses one.
   */
  private checkMangling(id: string): void {
    if (!/^__\w*[^_]_?$/.test(id) || id.endsWith('__')) return;
    for (let s: Scope | null = this.unit.scope; s; s = s.parent) if (s.kind === 'class') giveUp(`the private name ${id} (name mangling)`);
  }

  private name(id: string): void {
    this.checkMangling(id);
    internIdentifier(this.rt, id);
    const s = this.unit.scope;
    if (s.kind === 'function' && s.bound.has(id) && !s.cells.has(id) && !this.unit.varnames.includes(id)) {
      this.unit.varnames.push(id);
    }
  }

  expr(e: Expr | null): void {
    if (!e) return;
    const c = foldConstant(e, this.comp.memo);
    if (c) {
      if (e.kind === 'BinOp' || e.kind === 'UnaryOp' || e.kind === 'Subscript' || e.kind === 'Tuple') this.rt.fire('constant-folding');
      this.unit.constOf.set(e, this.load(c, 1, true));
      this.noteOperands(e);
      return;
    }
    switch (e.kind) {
      case 'Name': this.name(e.id); break;
      case 'List':
      case 'Set': {
        const items = e.elts.map((x) => foldConstant(x, this.comp.memo));
        if (constantDisplays(this.rt) && items.length > 2 && items.every((x): x is ConstVal => x !== null)) {
          this.rt.fire('constant-displays');
          const k = this.load({ t: e.kind === 'List' ? 'tuple' : 'frozenset', items });
          this.treeMadeItems(k);
          this.unit.displayConst.set(e, k);
        } else {
          e.elts.forEach((x) => this.expr(x));
        }
        break;
      }
      case 'Dict': {
        const keys = e.entries.map(({ key }) => foldConstant(key, this.comp.memo));
        if (constKeyMap(this.rt) && keys.length > 1 && keys.every((x): x is ConstVal => x !== null)) {
          e.entries.forEach(({ value }) => this.expr(value));
          const k = this.load({ t: 'tuple', items: keys });
          this.treeMadeItems(k);
          this.unit.displayConst.set(e, k);
        } else {
          e.entries.forEach(({ key, value }) => { this.expr(key); this.expr(value); });
        }
        break;
      }
      case 'Compare':
        this.expr(e.left);
        e.ops.forEach((op, i) => {
          const rhs = e.comparators[i];
          if ((op === 'in' || op === 'not in') && (rhs.kind === 'List' || rhs.kind === 'Set')) {
            const items = rhs.elts.map((x) => foldConstant(x, this.comp.memo));
            if (items.every((x): x is ConstVal => x !== null)) {
              const k = this.load({ t: rhs.kind === 'List' ? 'tuple' : 'frozenset', items }, 1, true);
              this.treeMadeItems(k);
              this.unit.displayConst.set(rhs, k);
              return;
            }
          }
          this.expr(rhs);
        });
        break;
      case 'Call': this.expr(e.func); e.args.forEach((x) => this.expr(x)); break;
      case 'Attribute': this.expr(e.value); this.checkMangling(e.attr); internIdentifier(this.rt, e.attr); break;
      case 'Subscript': this.expr(e.value); this.expr(e.index); break;
      case 'Slice': this.expr(e.lower); this.expr(e.upper); this.expr(e.step); break;
      case 'BinOp': this.expr(e.left); this.expr(e.right); break;
      case 'UnaryOp': this.expr(e.operand); break;
      case 'FString':
        for (const p of e.parts) {
          if (typeof p === 'string') {
            this.load({ t: 'str', v: p }, 1, true);
            continue;
          }
          this.expr(p.value);
          for (const q of p.spec ?? []) {
            if (typeof q === 'string') this.load({ t: 'str', v: q }, 1, true);
            else this.expr(q.value);
          }
        }
        break;
      case 'Tuple': e.elts.forEach((x) => this.expr(x)); break;
      default: break;
    }
  }

  /** Records `c` and, inside a collection, its items among the unit's possible constants. */
  private noteConst(c: ConstVal): void {
    this.unit.constKeys.add(keyOf(c));
    if (c.t === 'tuple' || c.t === 'frozenset') c.items.forEach((i) => this.noteConst(i));
  }

  /** Records the constant operands of a folded expression, which the CFG optimizer may keep. */
  private noteOperands(e: Expr): void {
    const children: (Expr | null)[] = [];
    switch (e.kind) {
      case 'BinOp': children.push(e.left, e.right); break;
      case 'UnaryOp': children.push(e.operand); break;
      case 'Subscript': children.push(e.value, e.index); break;
      case 'Slice': children.push(e.lower, e.upper, e.step); break;
      case 'Tuple': case 'List': case 'Set': children.push(...e.elts); break;
      default: break;
    }
    for (const x of children) {
      if (!x) continue;
      const c = foldConstant(x, this.comp.memo);
      if (c) this.noteConst(c);
      this.noteOperands(x);
    }
  }

  /** Marks a tree-made constant, or the items of a compiler-made tuple of tree-made constants. */
  private treeItems(o: PyObj, _c: ConstVal): void {
    if (this.rt.mode === 'repl') this.rt.fire('repl-tree-holds-literals');
    this.treeLiteral(o);
  }

  private treeMadeItems(o: PyObj): void {
    const p = o.payload;
    if (p.kind === 'tuple' || p.kind === 'set') for (const i of p.items) this.treeLiteral(i);
  }

  /** One literal of the tree that is `o`: a reference of its own if `o` is a shared object. */
  private treeLiteral(o: PyObj): void {
    const p = o.payload;
    const sharedPerLiteral = !o.rcExact && (p.kind === 'int' || ((p.kind === 'str' || p.kind === 'bytes') && p.value.length <= 1));
    this.comp.fromTree.set(o, sharedPerLiteral ? (this.comp.fromTree.get(o) ?? 0) + 1 : 1);
  }

  /**
   * Up to 3.9 the peephole optimizer (Python/peephole.c fold_tuple_on_constants) folds a defaults
   * tuple after the compiler merged constants: the tuple is a new object, not merged with an equal
   * constant, though its items are the merged ones.
   */
  private unmergedTuple(items: ConstVal[]): PyObj {
    const o = this.rt.alloc({ kind: 'tuple', items: items.map((i) => materialize(this.rt, this.comp, i)) });
    this.rt.track(o);
    this.constVals.set(o, { t: 'tuple', items });
    this.order.push(o);
    this.loads.set(o, 1);
    return o;
  }

  target(t: Expr): void {
    if (t.kind === 'Name') this.name(t.id);
    else this.expr(t);
  }

  stmts(body: Stmt[]): void {
    for (const s of body) this.stmt(s);
  }

  stmt(s: Stmt): void {
    const rt = this.rt;
    switch (s.kind) {
      case 'Import':
        this.load({ t: 'int', v: 0n });
        this.load({ t: 'none' });
        this.name(s.module);
        break;
      case 'Assign': this.expr(s.value); s.targets.forEach((t) => this.target(t)); break;
      case 'AugAssign': this.target(s.target); this.expr(s.value); break;
      case 'Delete': s.targets.forEach((t) => this.target(t)); break;
      case 'ExprStmt': this.expr(s.value); break;
      case 'Return': if (s.value) this.expr(s.value); else this.load({ t: 'none' }); break;
      case 'Global': s.names.forEach((n) => internIdentifier(rt, n)); break;
      case 'Pass': break;
      case 'FunctionDef': {
        const defaults = s.params.filter((p) => p.default).map((p) => foldConstant(p.default as Expr, this.comp.memo));
        if (defaults.length > 0) {
          if (defaults.some((d) => d === null)) throw new Error('a default that is not a constant');
          const items = defaults as ConstVal[];
          rt.fire('defaults-tuple');
          // Loaded one by one, then folded: the single loads vanish from 3.12 on.
          const keep = !atLeast(rt.profile, 3, 12);
          for (const d of items) this.load(d, keep ? 1 : 0, true);
          this.unit.defaultsConst.set(s, atLeast(rt.profile, 3, 10) ? this.load({ t: 'tuple', items }) : this.unmergedTuple(items));
        }
        const child = compileUnit(rt, this.comp, s.body, this.unit.scope.children.get(s) as Scope, 'function', s.name, this.qualnameOf(s.name));
        this.unit.children.set(s, child);
        // Up to 3.10 MAKE_FUNCTION takes the qualified name from a constant of the enclosing code.
        if (!atLeast(rt.profile, 3, 11)) this.unit.qualnameConst.set(s, this.load({ t: 'str', v: child.qualname }));
        this.name(s.name);
        s.params.forEach((p) => internIdentifier(rt, p.name));
        break;
      }
      case 'ClassDef': {
        const child = compileUnit(rt, this.comp, s.body, this.unit.scope.children.get(s) as Scope, 'class', s.name, this.qualnameOf(s.name));
        this.unit.children.set(s, child);
        this.load({ t: 'str', v: s.name });
        if (s.base) this.name(s.base);
        this.name(s.name);
        break;
      }
    }
  }

  finish(): CodeUnit {
    // Every code object ends with an implicit `return None`.
    this.load({ t: 'none' });
    const rt = this.rt;
    const keepAll = !atLeast(rt.profile, 3, 12);
    this.order.forEach((o, i) => {
      if (keepAll || i === 0 || (this.loads.get(o) ?? 0) > 0) this.unit.consts.push(o);
      else rt.decref(o);
    });
    this.unit.constKeys.add('N');
    mergeCodeTuples(rt, this.comp, this.unit, (o) => this.constVals.get(o) ?? null);
    if (this.unit.kind === 'module') declineUnknownCodeConsts(rt, this.comp, this.unit);
    return this.unit;
  }

  /**
   * The qualified name of a def or class in this code (Python/compile.c compiler_set_qualname):
   * its name at module level or where this function declares it global, `f.<locals>.name` in a
   * function f, `C.name` in the body of a class C.
   */
  private qualnameOf(name: string): string {
    const u = this.unit;
    if (u.kind === 'module' || u.scope.declaredGlobal.has(name)) return name;
    return u.kind === 'class' ? `${u.qualname}.${name}` : `${u.qualname}.<locals>.${name}`;
  }

  begin(body: Stmt[]): void {
    // A class body first stores __qualname__ (a constant); a function's first constant is its
    // docstring or None (3.11 and earlier: Python/compile.c compiler_function).
    if (this.unit.kind === 'class') {
      const q = this.load({ t: 'str', v: this.unit.qualname });
      // From 3.11 the code object's co_qualname is that very str (the compiler's u_qualname,
      // which the constant cache kept): one reference more (measured: a module constant equal
      // to a nested class's qualified name counts 4 up to 3.10, 5 from 3.11).
      if (atLeast(this.rt.profile, 3, 11)) this.unit.held.push(this.rt.incref(q));
    }
    if (this.unit.kind === 'function') {
      const doc = docstring(body);
      const first = this.load(doc === null ? { t: 'none' } : { t: 'str', v: doc });
      if (doc !== null) this.unit.doc = first;
    }
  }
}

/** From 3.9 a list or set display of constants extends an empty one from one constant (LIST_EXTEND, SET_UPDATE). */
function constantDisplays(rt: Runtime): boolean {
  return atLeast(rt.profile, 3, 9);
}

/** Up to 3.13 a dict display with constant keys loads them as one tuple (BUILD_CONST_KEY_MAP). */
function constKeyMap(rt: Runtime): boolean {
  return !atLeast(rt.profile, 3, 14);
}

export function docstring(body: Stmt[]): string | null {
  const first = body[0];
  if (first && first.kind === 'ExprStmt' && first.value.kind === 'Str') return first.value.value;
  return null;
}

export function compileUnit(rt: Runtime, comp: Compilation, body: Stmt[], scope: Scope, kind: Scope['kind'], name: string, qualname = name): CodeUnit {
  if (kind === 'module') comp.identifiers ??= programIdentifiers(body);
  const b = new UnitBuilder(rt, comp, kind, name, qualname, scope);
  b.begin(body);
  b.stmts(body);
  return b.finish();
}

/** Drops one reference to a code object; the last one frees its constants (Objects/codeobject.c code_dealloc). */
export function releaseUnit(rt: Runtime, unit: CodeUnit): void {
  unit.refs--;
  if (unit.refs > 0) return;
  const consts = unit.consts.splice(0);
  for (const c of consts) rt.decref(c);
  for (const t of unit.held.splice(0)) rt.decref(t);
  for (const child of unit.children.values()) releaseUnit(rt, child);
}
