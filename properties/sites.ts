// Which top-level statement made each observation, as far as that can be known without running
// the program: a report then points at a source line. Statements are followed in order; at the
// first one whose number of observations is uncertain (a bare name may be None, a call may run a
// function that observes), the mapping stops and the later positions are unknown.
import type { Expr, Loc, Program, Stmt } from '../language/ast.ts';
import { childrenOf } from './features.ts';

export interface Site {
  /** The statement's location, when the program carries locations (it was parsed). */
  loc: Loc | null;
  stmt: Stmt;
}

/** Builtins whose result is never None. */
const NEVER_NONE_BUILTINS = new Set([
  'int', 'str', 'float', 'bytes', 'tuple', 'list', 'dict', 'set', 'frozenset', 'len', 'id', 'type',
  'chr', 'ord', 'repr', 'hash', 'object', 'bool',
]);
const NEVER_NONE_MODULE_FUNCTIONS = new Set(['sys.getrefcount', 'sys.intern', 'gc.collect', 'gc.is_tracked', 'weakref.ref']);
/** Methods of the built-in types that return None: a statement calling one observes nothing. */
const NONE_METHODS = new Set(['append', 'extend', 'insert', 'clear', 'update', 'reverse', 'sort', 'remove', 'add', 'discard']);

/** One entry per observation the mapping is sure of, in order; positions past the end are unknown. */
export function observationSites(program: Program): Site[] {
  const observing = observingFunctions(program);
  const sites: Site[] = [];
  for (const stmt of program.body) {
    const n = observationsOf(stmt, program, observing);
    if (n === null) break;
    for (let i = 0; i < n; i++) sites.push({ loc: stmt.loc ?? null, stmt });
  }
  return sites;
}

function observationsOf(stmt: Stmt, program: Program, observing: ReadonlySet<string>): number | null {
  if (stmt.kind === 'Import' || stmt.kind === 'FunctionDef' || stmt.kind === 'ClassDef' || stmt.kind === 'Pass' || stmt.kind === 'Global') return 0;
  // Any other statement may free an object whose finalizer, or call a function that, observes.
  if (observing.has('*') || callsAny(stmt, observing)) return null;
  if (stmt.kind !== 'ExprStmt') return 0;
  const e = stmt.value;
  if (e.kind === 'Call' && e.func.kind === 'Attribute' && NONE_METHODS.has(e.func.attr)) return 0;
  if (program.mode === 'repl' && e.kind === 'Name' && e.id === '_') return 1;
  return neverNone(e) ? 1 : null;
}

function neverNone(e: Expr): boolean {
  switch (e.kind) {
    case 'None':
    case 'Name':
      return false;
    case 'Subscript': {
      // An item of a list display at a literal index (`[x, x, sys.getrefcount(x) - r][2]`) is that
      // item; any other subscript may be None.
      const { value, index } = e;
      if (value.kind !== 'List' || index.kind !== 'Int' || index.value >= BigInt(value.elts.length)) return false;
      return neverNone(value.elts[Number(index.value)]!);
    }
    case 'Attribute':
      return e.attr === '__name__' || e.attr === '__dict__';
    case 'Call':
      if (e.func.kind === 'Name') return NEVER_NONE_BUILTINS.has(e.func.id);
      if (e.func.kind === 'Attribute' && e.func.value.kind === 'Name') {
        return NEVER_NONE_MODULE_FUNCTIONS.has(`${e.func.value.id}.${e.func.attr}`);
      }
      return false;
    default:
      return true;
  }
}

/**
 * Names of the functions whose bodies observe (module and function mode only: the prompt echoes
 * top-level statements alone). `*` stands for "a method observes": any statement may run it.
 */
function observingFunctions(program: Program): Set<string> {
  const found = new Set<string>();
  if (program.mode === 'repl') return found;
  const observes = (body: Stmt[]): boolean =>
    body.some((s) => s.kind === 'ExprStmt' && !(s.value.kind === 'Call' && s.value.func.kind === 'Attribute' && NONE_METHODS.has(s.value.func.attr)));
  for (const s of program.body) {
    if (s.kind === 'FunctionDef' && observes(s.body)) found.add(s.name);
    if (s.kind === 'ClassDef' && s.body.some((m) => m.kind === 'FunctionDef' && observes(m.body))) found.add('*');
  }
  return found;
}

function callsAny(stmt: Stmt, names: ReadonlySet<string>): boolean {
  if (names.size === 0) return false;
  const visit = (e: Expr): boolean => (e.kind === 'Name' && names.has(e.id)) || childrenOf(e).some(visit);
  switch (stmt.kind) {
    case 'Assign':
      return visit(stmt.value) || stmt.targets.some(visit);
    case 'AugAssign':
      return visit(stmt.value) || visit(stmt.target);
    case 'Delete':
      return stmt.targets.some(visit);
    case 'ExprStmt':
      return visit(stmt.value);
    case 'Return':
      return stmt.value !== null && visit(stmt.value);
    default:
      return false;
  }
}
