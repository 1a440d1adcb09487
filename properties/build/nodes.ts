// Small constructors for AST nodes, so that the builder reads like the Python it produces.
import type {
  AttributeExpr, BinOp, CallExpr, CmpOp, CompareExpr, Expr, NameExpr, Stmt, SubscriptExpr, Target,
} from '../../language/ast.ts';

export const name = (id: string): NameExpr => ({ kind: 'Name', id });

/** An int literal; a negative value becomes unary minus applied to its magnitude, as in Python. */
export function int(value: bigint): Expr {
  return value < 0n
    ? { kind: 'UnaryOp', op: '-', operand: { kind: 'Int', value: -value } }
    : { kind: 'Int', value };
}

export function float(value: number): Expr {
  return value < 0 || Object.is(value, -0)
    ? { kind: 'UnaryOp', op: '-', operand: { kind: 'Float', value: -value } }
    : { kind: 'Float', value };
}

export const str = (value: string): Expr => ({ kind: 'Str', value });
export const bytes = (value: string): Expr => ({ kind: 'Bytes', value });
export const none: Expr = { kind: 'None' };

export const attr = (value: Expr, attrName: string): AttributeExpr => ({ kind: 'Attribute', value, attr: attrName });
export const call = (func: Expr, ...args: Expr[]): CallExpr => ({ kind: 'Call', func, args });
export const method = (obj: Expr, methodName: string, ...args: Expr[]): CallExpr => call(attr(obj, methodName), ...args);
export const subscript = (value: Expr, index: Expr): SubscriptExpr => ({ kind: 'Subscript', value, index });
export const binop = (left: Expr, op: BinOp, right: Expr): Expr => ({ kind: 'BinOp', op, left, right });
export const compare = (left: Expr, op: CmpOp, right: Expr): CompareExpr => ({ kind: 'Compare', left, ops: [op], comparators: [right] });

/** `sys.getrefcount(e)` and the like: a function of an imported module. */
export const moduleCall = (module: string, fn: string, ...args: Expr[]): CallExpr => call(attr(name(module), fn), ...args);

export const assign = (targets: Target[], value: Expr): Stmt => ({ kind: 'Assign', targets, value });
export const exprStmt = (value: Expr): Stmt => ({ kind: 'ExprStmt', value });
export const del = (...targets: Target[]): Stmt => ({ kind: 'Delete', targets });
