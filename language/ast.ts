// The typed representation of a program in the case language (SPEC section 3).
// Everything in the project passes these around: the parser produces them from text, the
// generators build them from typed pieces, the model interprets them, the renderer turns them
// back into Python for an oracle.

/** A position in the source: 1-based line, 1-based column (as editors and error messages show it). */
export interface Loc {
  line: number;
  col: number;
}

export type Mode = 'module' | 'function' | 'repl';
export const MODES: readonly Mode[] = ['module', 'function', 'repl'];

export interface Program {
  mode: Mode;
  body: Stmt[];
}

// ---------------------------------------------------------------- statements

export type Stmt =
  | ImportStmt
  | AssignStmt
  | AugAssignStmt
  | DeleteStmt
  | ExprStmt
  | FunctionDef
  | ClassDef
  | ReturnStmt
  | GlobalStmt
  | PassStmt;

export type ModuleName = 'sys' | 'gc' | 'weakref';

export interface ImportStmt {
  kind: 'Import';
  module: ModuleName;
  loc?: Loc;
}

/** `t1 = t2 = value`: targets in source order (CPython assigns them left to right). */
export interface AssignStmt {
  kind: 'Assign';
  targets: Target[];
  value: Expr;
  loc?: Loc;
}

export type AugOp = '+' | '-' | '*';

export interface AugAssignStmt {
  kind: 'AugAssign';
  target: Target;
  op: AugOp;
  value: Expr;
  loc?: Loc;
}

export interface DeleteStmt {
  kind: 'Delete';
  targets: Target[];
  loc?: Loc;
}

export interface ExprStmt {
  kind: 'ExprStmt';
  value: Expr;
  loc?: Loc;
}

export interface Param {
  name: string;
  /** A constant expression (literal, negated number, tuple of constants), or null. */
  default: Expr | null;
}

export interface FunctionDef {
  kind: 'FunctionDef';
  name: string;
  params: Param[];
  body: Stmt[];
  loc?: Loc;
}

/**
 * A class body holds only `pass`, class attributes with constant values (`x = 1`,
 * `__slots__ = ('a', 'b')`) and `def` methods; the parser enforces this.
 */
export interface ClassDef {
  kind: 'ClassDef';
  name: string;
  base: string | null;
  body: Stmt[];
  loc?: Loc;
}

export interface ReturnStmt {
  kind: 'Return';
  value: Expr | null;
  loc?: Loc;
}

export interface GlobalStmt {
  kind: 'Global';
  names: string[];
  loc?: Loc;
}

export interface PassStmt {
  kind: 'Pass';
  loc?: Loc;
}

// ---------------------------------------------------------------- targets

export type Target = NameExpr | AttributeExpr | SubscriptExpr;

// ---------------------------------------------------------------- expressions

export type Expr =
  | IntLit
  | FloatLit
  | StrLit
  | BytesLit
  | BoolLit
  | NoneLit
  | EllipsisLit
  | TupleExpr
  | ListExpr
  | DictExpr
  | SetExpr
  | FStringExpr
  | NameExpr
  | AttributeExpr
  | SubscriptExpr
  | SliceExpr
  | BinOpExpr
  | UnaryOpExpr
  | CompareExpr
  | CallExpr;

/** A non-negative integer literal (a negative number is UnaryOp '-' applied to one, as in Python). */
export interface IntLit {
  kind: 'Int';
  value: bigint;
  loc?: Loc;
}

/** A non-negative float literal; `Infinity` is what `1e999` denotes. */
export interface FloatLit {
  kind: 'Float';
  value: number;
  loc?: Loc;
}

/** A str literal; `value` is the Python string (adjacent literals already concatenated). */
export interface StrLit {
  kind: 'Str';
  value: string;
  loc?: Loc;
}

/** A bytes literal; `value` holds one character per byte, each with a code from 0 to 255. */
export interface BytesLit {
  kind: 'Bytes';
  value: string;
  loc?: Loc;
}

export interface BoolLit {
  kind: 'Bool';
  value: boolean;
  loc?: Loc;
}

export interface NoneLit {
  kind: 'None';
  loc?: Loc;
}

export interface EllipsisLit {
  kind: 'Ellipsis';
  loc?: Loc;
}

export interface TupleExpr {
  kind: 'Tuple';
  elts: Expr[];
  loc?: Loc;
}

export interface ListExpr {
  kind: 'List';
  elts: Expr[];
  loc?: Loc;
}

export interface DictExpr {
  kind: 'Dict';
  entries: { key: Expr; value: Expr }[];
  loc?: Loc;
}

/** A set display; never empty (`{}` is a dict). */
export interface SetExpr {
  kind: 'Set';
  elts: Expr[];
  loc?: Loc;
}

export type Conversion = 'r' | 's' | 'a' | null;

export interface FStringField {
  value: Expr;
  conversion: Conversion;
  /** The format spec, itself made of literal text and nested fields; null when absent. */
  spec: FStringPart[] | null;
}

export type FStringPart = string | FStringField;

export interface FStringExpr {
  kind: 'FString';
  parts: FStringPart[];
  loc?: Loc;
}

export interface NameExpr {
  kind: 'Name';
  id: string;
  loc?: Loc;
}

export interface AttributeExpr {
  kind: 'Attribute';
  value: Expr;
  attr: string;
  loc?: Loc;
}

/** `value[index]`; `index` may be a SliceExpr (and only here may a SliceExpr appear). */
export interface SubscriptExpr {
  kind: 'Subscript';
  value: Expr;
  index: Expr;
  loc?: Loc;
}

export interface SliceExpr {
  kind: 'Slice';
  lower: Expr | null;
  upper: Expr | null;
  step: Expr | null;
  loc?: Loc;
}

export type BinOp = '+' | '-' | '*' | '//' | '%' | '**';
export const BIN_OPS: readonly BinOp[] = ['+', '-', '*', '//', '%', '**'];

export interface BinOpExpr {
  kind: 'BinOp';
  op: BinOp;
  left: Expr;
  right: Expr;
  loc?: Loc;
}

export type UnaryOp = '-' | 'not';

export interface UnaryOpExpr {
  kind: 'UnaryOp';
  op: UnaryOp;
  operand: Expr;
  loc?: Loc;
}

export type CmpOp = 'is' | 'is not' | '==' | '!=' | '<' | '<=' | '>' | '>=' | 'in' | 'not in';
export const CMP_OPS: readonly CmpOp[] = ['is', 'is not', '==', '!=', '<', '<=', '>', '>=', 'in', 'not in'];

/** `left op1 c1 op2 c2 ...` (a chain, as Python allows). */
export interface CompareExpr {
  kind: 'Compare';
  left: Expr;
  ops: CmpOp[];
  comparators: Expr[];
  loc?: Loc;
}

/** A call with positional arguments only. */
export interface CallExpr {
  kind: 'Call';
  func: Expr;
  args: Expr[];
  loc?: Loc;
}

// ---------------------------------------------------------------- the closed vocabularies

/** Built-in callables the case language may name (SPEC section 3). */
export const BUILTIN_CALLABLES = [
  'int', 'str', 'float', 'bytes', 'tuple', 'list', 'dict', 'set', 'frozenset', 'len', 'id', 'type',
  'chr', 'ord', 'repr', 'hash', 'object', 'bool',
] as const;
export type BuiltinCallable = (typeof BUILTIN_CALLABLES)[number];

/** Functions reachable through the imported modules: `module.attr`. */
export const MODULE_FUNCTIONS: Readonly<Record<ModuleName, readonly string[]>> = {
  sys: ['getrefcount', 'intern'],
  gc: ['collect', 'is_tracked'],
  weakref: ['ref'],
};

/**
 * Methods of the built-in types that a program may call (SPEC: append, pop, insert, extend, clear,
 * get, setdefault, update, add, discard, join, upper, lower, strip, replace, format, ...).
 * A program may also call any method its own classes define.
 */
export const BUILTIN_METHODS = [
  // list
  'append', 'pop', 'insert', 'extend', 'clear', 'remove', 'index', 'count', 'copy', 'reverse', 'sort',
  // dict
  'get', 'setdefault', 'update', 'keys', 'values', 'items', 'popitem',
  // set
  'add', 'discard', 'union', 'intersection', 'difference',
  // str and bytes
  'join', 'upper', 'lower', 'strip', 'lstrip', 'rstrip', 'replace', 'format', 'split', 'startswith',
  'endswith', 'find', 'encode', 'decode', 'title', 'capitalize', 'zfill',
  // int
  'bit_length',
] as const;

/** Dunder attributes the case language may read: `x.__dict__` and `type(x).__name__`. */
export const ALLOWED_DUNDER_ATTRIBUTES = ['__dict__', '__name__'] as const;
