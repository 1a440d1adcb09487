// What a generated program starts with: the imports, `log = []`, the classes and the functions its
// statements use, and nothing else (so that a shrunk program carries no unused definitions).
import type { ClassDef, Expr, FunctionDef, Stmt } from '../../language/ast.ts';
import type { ClassShapes } from './extendedPlan.ts';
import { GLOBAL_NAME, type Requirement } from './heap.ts';
import { assign, attr, call, exprStmt, int, method, moduleCall, name, str } from './nodes.ts';

const IMPORTS = ['sys', 'gc', 'weakref'] as const;

export function prelude(uses: ReadonlySet<Requirement>, shapes: ClassShapes): Stmt[] {
  const out: Stmt[] = [];
  for (const module of IMPORTS) if (uses.has(module)) out.push({ kind: 'Import', module });
  if (uses.has('log')) out.push(assign([name('log')], { kind: 'List', elts: [] }));
  if (uses.has('keep')) out.push(assign([name('keep')], { kind: 'List', elts: [] }));
  if (uses.has('C') || uses.has('E')) out.push(classC(shapes));
  if (uses.has('D') || uses.has('F')) out.push(classD(uses));
  if (uses.has('E')) out.push(classDef('E', 'C', [{ kind: 'Pass' }]));
  if (uses.has('F')) out.push(classDef('F', 'D', [{ kind: 'Pass' }]));
  // No `__weakref__` slot: a weak reference to an instance of S raises TypeError.
  if (uses.has('S')) out.push(classDef('S', null, [slots('other', 'me')]));
  out.push(...extensionClasses(uses));
  for (const [req, fn] of FUNCTIONS) if (uses.has(req)) out.push(fn);
  return out;
}

function classDef(className: string, base: string | null, body: Stmt[]): ClassDef {
  return { kind: 'ClassDef', name: className, base, body };
}

function def(fnName: string, params: string[], body: Stmt[], defaults: Record<string, bigint> = {}): FunctionDef {
  return {
    kind: 'FunctionDef',
    name: fnName,
    params: params.map((p) => ({ name: p, default: p in defaults ? int(defaults[p]!) : null })),
    body,
  };
}

const self = name('self');

/** `C.__del__` appends to `log`: the order of finalizers becomes an observation. */
function classC(shapes: ClassShapes): ClassDef {
  if (shapes.finalizer === 'constant') {
    return classDef('C', null, [def('__del__', ['self'], [exprStmt(method(name('log'), 'append', str('C')))])]);
  }
  return classDef('C', null, [
    def('__init__', ['self', 'tag'], [assign([attr(self, 'tag')], name('tag'))]),
    def('__del__', ['self'], [exprStmt(method(name('log'), 'append', attr(self, 'tag')))]),
  ]);
}

/** D: a class attribute and a method reading it through the instance, when a statement uses them. */
function classD(uses: ReadonlySet<Requirement>): ClassDef {
  const body: Stmt[] = [];
  if (uses.has('D.n')) body.push(assign([name('n')], int(257n)));
  if (uses.has('D.label')) body.push(assign([name('label')], str('hello world')));
  if (uses.has('D.pair')) body.push(assign([name('pair')], { kind: 'Tuple', elts: [int(1n), str('a')] }));
  if (uses.has('D.get')) body.push(def('get', ['self'], [ret(attr(self, 'n'))]));
  // A method with a parameter: the argument is stored on the instance.
  if (uses.has('D.put')) body.push(def('put', ['self', 'p'], [assign([attr(self, 'other')], name('p'))]));
  return classDef('D', null, body.length > 0 ? body : [{ kind: 'Pass' }]);
}

const slots = (...names: string[]): Stmt => assign([name('__slots__')], { kind: 'Tuple', elts: names.map(str) });
const logs = (value: Expr): Stmt => exprStmt(method(name('log'), 'append', value));

/**
 * The extensions' classes: G(C) overrides C's finalizer; R's finalizer resurrects its instance
 * into `keep`; T's finalizer reads its own list and clears it (freeing what it held, inside the
 * finalizer); U(S) adds a dict and weak references to a slotted class; V has `__weakref__` in its
 * slots; M's `__init__` counts its argument and keeps it.
 */
function extensionClasses(uses: ReadonlySet<Requirement>): ClassDef[] {
  const out: ClassDef[] = [];
  if (uses.has('G')) out.push(classDef('G', 'C', [def('__del__', ['self'], [logs(str('G'))])]));
  if (uses.has('R')) out.push(classDef('R', null, [def('__del__', ['self'], [logs(str('R')), exprStmt(method(name('keep'), 'append', self))])]));
  if (uses.has('T')) {
    out.push(classDef('T', null, [
      def('__init__', ['self'], [assign([attr(self, 'items')], { kind: 'List', elts: [] })]),
      def('__del__', ['self'], [logs(call(name('len'), attr(self, 'items'))), exprStmt(method(attr(self, 'items'), 'clear'))]),
    ]));
  }
  if (uses.has('U')) out.push(classDef('U', 'S', [{ kind: 'Pass' }]));
  if (uses.has('V')) out.push(classDef('V', null, [slots('other', 'me', '__weakref__')]));
  // An observation inside __init__: the count of its argument shows whether the call that made
  // the instance packed the arguments in a tuple (3.13+ does not, once the call site is specialized).
  if (uses.has('M')) {
    out.push(classDef('M', null, [
      def('__init__', ['self', 'p'], [exprStmt(moduleCall('sys', 'getrefcount', name('p'))), assign([attr(self, 'other')], name('p'))]),
    ]));
  }
  return out;
}

const p = name('p');
const ret = (value: Expr): Stmt => ({ kind: 'Return', value });

/** In prelude order; each is emitted only when a statement calls it. */
const FUNCTIONS: readonly (readonly [Requirement, FunctionDef])[] = [
  ['f', def('f', ['p'], [ret(moduleCall('sys', 'getrefcount', p))])],
  ['g', def('g', ['p'], [ret(p)])],
  ['k', def('k', ['p'], [ret(p)], { p: 257n })],
  ['mk', def('mk', ['p'], [ret({ kind: 'List', elts: [p] })])],
  // An observation inside a function body: one each call in module and function mode, none in repl.
  ['probe', def('probe', ['p'], [exprStmt(moduleCall('sys', 'getrefcount', p))])],
  ['cb', def('cb', ['r'], [exprStmt(method(name('log'), 'append', str('cb')))])],
  // A callback of its own for each weak reference: the log says which was called, and in which order.
  ['cbw', def('cbw', ['r'], [exprStmt(method(name('log'), 'append', str('w')))])],
  ['cbv', def('cbv', ['r'], [exprStmt(method(name('log'), 'append', str('v')))])],
  ['setg', def('setg', ['p'], [{ kind: 'Global', names: [GLOBAL_NAME] }, assign([name(GLOBAL_NAME)], p)])],
  ['getg', def('getg', [], [ret(name(GLOBAL_NAME))])],
  // A closure: `inner` reads its enclosing function's parameter through a cell.
  ['outer', def('outer', ['p'], [def('inner', [], [ret(p)]), ret(name('inner'))])],
  // In function mode every def is nested in `__case__`: there `a` is a free variable, a cell of `__case__`.
  ['peek', def('peek', [], [ret(name('a'))])],
  // One call site of M, whatever calls `make`: from its second run 3.13+ specializes it.
  ['make', def('make', ['p'], [ret(call(name('M'), p))])],
];
