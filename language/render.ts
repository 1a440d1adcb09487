// A Program back to Python source that every CPython from 3.8 to 3.15 compiles to the same AST:
// parentheses only where precedence needs them, literals as CPython's repr writes them, f-strings
// under the pre-3.12 rules (no backslash, no '#' and no enclosing quote inside a field).
import type { Expr, FStringExpr, FStringField, FStringPart, Program, Stmt } from './ast.ts';
import { bytesReprBody, floatRepr, intRepr, reprQuote, strRepr, bytesRepr, strReprBody } from './literals.ts';
import { MAX_DECIMAL_DIGITS } from './number-literal.ts';
import { isValidIdentifier } from './vocabulary.ts';

const INDENT = '    ';

export function renderProgram(program: Program): string {
  return program.body.map((s) => renderStmt(s, '')).join('');
}

function identifier(name: string): string {
  if (!isValidIdentifier(name)) throw new Error(`cannot render '${name}' as a Python identifier`);
  return name;
}

function block(body: Stmt[], indent: string): string {
  if (body.length === 0) return `${indent}pass\n`;
  return body.map((s) => renderStmt(s, indent)).join('');
}

function renderStmt(s: Stmt, indent: string): string {
  const line = (text: string) => `${indent}${text}\n`;
  switch (s.kind) {
    case 'Import':
      return line(`import ${s.module}`);
    case 'Assign':
      if (s.targets.length === 0) throw new Error('an assignment needs a target');
      return line(`${s.targets.map((t) => renderExpr(t)).join(' = ')} = ${renderExpr(s.value)}`);
    case 'AugAssign':
      return line(`${renderExpr(s.target)} ${s.op}= ${renderExpr(s.value)}`);
    case 'Delete':
      if (s.targets.length === 0) throw new Error('del needs a target');
      return line(`del ${s.targets.map((t) => renderExpr(t)).join(', ')}`);
    case 'ExprStmt':
      return line(renderExpr(s.value));
    case 'Return':
      return line(s.value === null ? 'return' : `return ${renderExpr(s.value)}`);
    case 'Global':
      if (s.names.length === 0) throw new Error('global needs a name');
      return line(`global ${s.names.map(identifier).join(', ')}`);
    case 'Pass':
      return line('pass');
    case 'FunctionDef': {
      const params = s.params.map((p) => (p.default === null ? identifier(p.name) : `${identifier(p.name)}=${renderExpr(p.default)}`));
      return line(`def ${identifier(s.name)}(${params.join(', ')}):`) + block(s.body, indent + INDENT);
    }
    case 'ClassDef': {
      const base = s.base === null ? '' : `(${identifier(s.base)})`;
      return line(`class ${identifier(s.name)}${base}:`) + block(s.body, indent + INDENT);
    }
  }
}

// Python's expression precedence, lowest first (tuples always get their parentheses).
const NOT = 1;
const CMP = 2;
const ADD = 3;
const MUL = 4;
const UNARY = 5;
const POW = 6;
const PRIMARY = 7;
const ATOM = 8;

function precedence(e: Expr): number {
  switch (e.kind) {
    case 'UnaryOp':
      return e.op === 'not' ? NOT : UNARY;
    case 'Compare':
      return CMP;
    case 'BinOp':
      return e.op === '**' ? POW : e.op === '+' || e.op === '-' ? ADD : MUL;
    case 'Call':
    case 'Attribute':
    case 'Subscript':
      return PRIMARY;
    default:
      return ATOM;
  }
}

/**
 * Inside an f-string field: the quotes of the enclosing f-strings (`'`, `"`, `'''` or `"""`), which
 * (like a backslash and '#') may not appear there before Python 3.12. Null outside any field.
 */
type FieldQuotes = ReadonlySet<string> | null;

export function renderExpr(e: Expr): string {
  return render(e, null);
}

function wrap(e: Expr, q: FieldQuotes, parens: boolean): string {
  const text = render(e, q);
  return parens ? `(${text})` : text;
}

function render(e: Expr, q: FieldQuotes): string {
  switch (e.kind) {
    case 'Int':
      if (e.value < 0n) throw new Error(`an int literal cannot be negative (${e.value})`);
      // CPython refuses longer decimal literals; hexadecimal has no such limit.
      return e.value.toString().length > MAX_DECIMAL_DIGITS ? `0x${e.value.toString(16)}` : intRepr(e.value);
    case 'Float':
      if (Number.isNaN(e.value) || e.value < 0 || Object.is(e.value, -0)) {
        throw new Error(`a float literal cannot be ${floatRepr(e.value)}`);
      }
      return e.value === Infinity ? '1e999' : floatRepr(e.value);
    case 'Str':
      return q ? quotedInField(e.value, '', q) : strRepr(e.value);
    case 'Bytes':
      return q ? quotedInField(e.value, 'b', q) : bytesRepr(e.value);
    case 'Bool':
      return e.value ? 'True' : 'False';
    case 'None':
      return 'None';
    case 'Ellipsis':
      return '...';
    case 'Tuple':
      if (e.elts.length === 1) return `(${render(e.elts[0], q)},)`;
      return `(${e.elts.map((x) => render(x, q)).join(', ')})`;
    case 'List':
      return `[${e.elts.map((x) => render(x, q)).join(', ')}]`;
    case 'Set':
      if (e.elts.length === 0) throw new Error('a set display cannot be empty');
      return `{${e.elts.map((x) => render(x, q)).join(', ')}}`;
    case 'Dict':
      return `{${e.entries.map(({ key, value }) => `${render(key, q)}: ${render(value, q)}`).join(', ')}}`;
    case 'FString':
      return renderFString(e, q);
    case 'Name':
      return identifier(e.id);
    case 'Attribute': {
      const literal = e.value.kind === 'Int' || e.value.kind === 'Float';
      return `${wrap(e.value, q, literal || precedence(e.value) < PRIMARY)}.${identifier(e.attr)}`;
    }
    case 'Subscript': {
      const index = e.index.kind === 'Slice' ? renderSlice(e.index, q) : render(e.index, q);
      return `${wrap(e.value, q, precedence(e.value) < PRIMARY)}[${index}]`;
    }
    case 'Slice':
      throw new Error('a slice may appear only as a subscript');
    case 'BinOp': {
      const p = precedence(e);
      if (e.op === '**') {
        return `${wrap(e.left, q, precedence(e.left) <= POW)} ** ${wrap(e.right, q, precedence(e.right) < UNARY)}`;
      }
      return `${wrap(e.left, q, precedence(e.left) < p)} ${e.op} ${wrap(e.right, q, precedence(e.right) <= p)}`;
    }
    case 'UnaryOp':
      if (e.op === 'not') return `not ${wrap(e.operand, q, precedence(e.operand) < NOT)}`;
      return `-${wrap(e.operand, q, precedence(e.operand) < UNARY)}`;
    case 'Compare': {
      if (e.ops.length === 0 || e.ops.length !== e.comparators.length) throw new Error('a comparison needs one operand per operator');
      let out = wrap(e.left, q, precedence(e.left) <= CMP);
      e.ops.forEach((op, i) => {
        out += ` ${op} ${wrap(e.comparators[i], q, precedence(e.comparators[i]) <= CMP)}`;
      });
      return out;
    }
    case 'Call':
      return `${wrap(e.func, q, precedence(e.func) < PRIMARY)}(${e.args.map((a) => render(a, q)).join(', ')})`;
  }
}

function renderSlice(s: Extract<Expr, { kind: 'Slice' }>, q: FieldQuotes): string {
  const part = (x: Expr | null) => (x === null ? '' : render(x, q));
  return `${part(s.lower)}:${part(s.upper)}${s.step === null ? '' : `:${part(s.step)}`}`;
}

/** Text that may stand inside an f-string field before Python 3.12. */
function fieldSafe(text: string, q: ReadonlySet<string>): boolean {
  return !text.includes('\\') && !text.includes('#') && ![...q].some((quote) => text.includes(quote));
}

/** A str or bytes literal inside an f-string field: a quote that needs no escape, or an error. */
function quotedInField(value: string, prefix: '' | 'b', q: ReadonlySet<string>): string {
  const preferred = reprQuote(value);
  for (const quote of [preferred, preferred === "'" ? '"' : "'"]) {
    const body = prefix === 'b' ? bytesReprBody(value, quote) : strReprBody(value, quote);
    const literal = `${prefix}${quote}${body}${quote}`;
    if (!body.includes(quote) && fieldSafe(literal, q)) return literal;
  }
  const shown = prefix === 'b' ? bytesRepr(value) : strRepr(value);
  throw new Error(`${shown} cannot be written inside an f-string field (a backslash, '#' or both quotes)`);
}

const FSTRING_QUOTES = ["'", '"', "'''", '"""'];

function renderFString(e: FStringExpr, outer: FieldQuotes): string {
  let firstError: Error | null = null;
  for (const quote of FSTRING_QUOTES) {
    const literalOk = outer === null || fieldSafe(quote, outer);
    if (!literalOk) continue;
    const fieldQuotes = new Set(outer ?? []);
    fieldQuotes.add(quote);
    try {
      return `f${quote}${renderParts(e.parts, quote[0], fieldQuotes, outer !== null, false)}${quote}`;
    } catch (err) {
      firstError ??= err as Error;
    }
  }
  throw firstError ?? new Error('no quote is left for a nested f-string');
}

function renderParts(parts: FStringPart[], quote: string, fieldQuotes: ReadonlySet<string>, nested: boolean, inSpec: boolean): string {
  let out = '';
  for (const part of parts) {
    if (typeof part !== 'string') {
      out += renderField(part, quote, fieldQuotes, nested, inSpec);
      continue;
    }
    // Before 3.12 a format spec cannot escape a brace: `{{` there opens a nested field.
    if (inSpec && /[{}]/.test(part)) throw new Error(`a format spec cannot hold a brace (${strRepr(part)})`);
    const body = strReprBody(part, quote).replace(/[{}]/g, (b) => b + b);
    if (nested && !fieldSafe(body, fieldQuotes)) {
      throw new Error(`${strRepr(part)} cannot be written inside a nested f-string`);
    }
    out += body;
  }
  return out;
}

function renderField(f: FStringField, quote: string, fieldQuotes: ReadonlySet<string>, nested: boolean, inSpec: boolean): string {
  let expr = render(f.value, fieldQuotes);
  // `{{` would read as an escaped brace.
  if (expr.startsWith('{')) expr = ` ${expr} `;
  const conversion = f.conversion === null ? '' : `!${f.conversion}`;
  let spec = '';
  if (f.spec !== null) {
    if (inSpec && f.spec.some((p) => typeof p !== 'string')) {
      throw new Error('f-string fields nest at most two deep before Python 3.12');
    }
    spec = `:${renderParts(f.spec, quote, fieldQuotes, nested, true)}`;
  }
  return `{${expr}${conversion}${spec}}`;
}
