// Which names, attributes and calls the case language admits (SPEC section 3). Each check returns
// the reason a use is refused, or null when it is allowed.
import {
  ALLOWED_DUNDER_ATTRIBUTES,
  BUILTIN_CALLABLES,
  BUILTIN_METHODS,
  MODULE_FUNCTIONS,
  type ModuleName,
} from './ast.ts';
import { PYTHON_BUILTIN_NAMES } from './python-builtins.ts';

export const PYTHON_KEYWORDS: ReadonlySet<string> = new Set([
  'False', 'None', 'True', 'and', 'as', 'assert', 'async', 'await', 'break', 'class', 'continue', 'def',
  'del', 'elif', 'else', 'except', 'finally', 'for', 'from', 'global', 'if', 'import', 'in', 'is', 'lambda',
  'nonlocal', 'not', 'or', 'pass', 'raise', 'return', 'try', 'while', 'with', 'yield',
]);

const IDENTIFIER = /^[\p{XID_Start}_][\p{XID_Continue}]*$/u;

/** A Python identifier that NFKC normalisation leaves alone (CPython would silently rename it). */
export function identifierProblem(name: string): string | null {
  if (!IDENTIFIER.test(name)) return `'${name}' is not a valid identifier`;
  if (name.normalize('NFKC') !== name) return `identifier '${name}' is not in NFKC normal form`;
  if (PYTHON_KEYWORDS.has(name)) return `'${name}' is a keyword`;
  return null;
}

export function isValidIdentifier(name: string): boolean {
  return identifierProblem(name) === null;
}

export function isDunder(name: string): boolean {
  return name.length > 4 && name.startsWith('__') && name.endsWith('__');
}

export const MODULE_NAMES: readonly ModuleName[] = ['sys', 'gc', 'weakref'];

export function isModuleName(name: string): name is ModuleName {
  return (MODULE_NAMES as readonly string[]).includes(name);
}

export function moduleUseReason(module: ModuleName): string {
  const uses = MODULE_FUNCTIONS[module].map((f) => `${module}.${f}`);
  const listed = uses.length === 1 ? uses[0] : `${uses.slice(0, -1).join(', ')} or ${uses[uses.length - 1]}`;
  return `'${module}' may only be used as ${listed}`;
}

const CALLABLES: ReadonlySet<string> = new Set(BUILTIN_CALLABLES);
const METHODS: ReadonlySet<string> = new Set(BUILTIN_METHODS);
const READABLE_DUNDERS: ReadonlySet<string> = new Set(ALLOWED_DUNDER_ATTRIBUTES);

/** How a name occurs: read, called, bound, unbound, declared. */
export type NameRole = 'load' | 'call' | 'store' | 'del' | 'param' | 'def' | 'class' | 'global';

/** The rules every occurrence of a variable name obeys, whatever its role. */
export function nameReason(name: string, role: NameRole): string | null {
  const bad = identifierProblem(name);
  if (bad) return bad;
  if (isDunder(name)) return `dunder name '${name}' is not part of the case language`;
  if (isModuleName(name)) return moduleUseReason(name);
  if (PYTHON_BUILTIN_NAMES.has(name) && !CALLABLES.has(name)) {
    return role === 'call'
      ? `'${name}' is not a callable of the case language`
      : `built-in name '${name}' is not part of the case language`;
  }
  return null;
}

/** An attribute name read (`load`), bound (`store`) or unbound (`del`) on some object. */
export function attributeReason(attr: string, role: 'load' | 'store' | 'del'): string | null {
  const bad = identifierProblem(attr);
  if (bad) return bad;
  if (isDunder(attr)) {
    if (!READABLE_DUNDERS.has(attr)) return `attribute '${attr}' is not part of the case language`;
    if (role !== 'load') return `attribute '${attr}' may only be read`;
  }
  return null;
}

/** A call `x.m(...)`: `m` must be a built-in type's method or something the program defines. */
export function methodReason(attr: string, programAttributes: ReadonlySet<string>): string | null {
  return METHODS.has(attr) || programAttributes.has(attr) ? null : `'${attr}' is not a method of the case language`;
}

/** The one place a dunder may be bound as a name: a method `__init__`/`__del__`, `__slots__`. */
export const METHOD_DUNDERS: ReadonlySet<string> = new Set(['__init__', '__del__']);
