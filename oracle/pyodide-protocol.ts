// The wire format between PyodideOracle and its child process (oracle/pyodide-child.ts): one line
// per message each way: a request is a JSON object with the source, its mode and its limit.
// The child takes requests ahead of time and runs them in order; it answers each program with a
// start line, its observations, each as it happens (a line holding a JSON string, as worker.py
// writes them), then one end line; so a program killed for its time still reports what it
// observed before.
import type { Mode } from '../language/ast.ts';
import { ProtocolError, clip } from './worker-protocol.ts';

/** The first line of a child that loaded its build. */
export interface ChildHello {
  type: 'hello';
  /** CPython's version as worker.py writes it (`3.12.7`, `3.15.0rc1`). */
  version: string;
  bits: 32 | 64;
  implementation: string;
  /** The Pyodide package's own version. */
  pyodide: string;
  pid: number;
}

/** How a program ended, from the interpreter's side; `crash`: the interpreter is no longer usable. */
export type ProgramEnd = { status: 'ok' } | { status: 'error' | 'crash'; detail: string };

export type ChildLine =
  | { kind: 'hello'; hello: ChildHello }
  | { kind: 'failed'; detail: string }
  /** The child starts the next program (its clock starts now). */
  | { kind: 'start' }
  | { kind: 'observation'; text: string }
  /** `retire`: the child leaves after this answer (its interpreter is unusable or too big). */
  | { kind: 'end'; end: ProgramEnd; retire: boolean };

export interface ChildRequest {
  source: string;
  mode: Mode;
  timeoutMs: number;
}

const MODES: readonly string[] = ['module', 'function', 'repl'];

/** A request as one line: the source, its mode, and its limit in seconds. */
export function requestLine(request: { source: string; mode: Mode }, timeoutMs: number): string {
  return `${JSON.stringify({ source: request.source, mode: request.mode, timeout: timeoutMs / 1000 })}\n`;
}

export function helloLine(hello: Omit<ChildHello, 'type'>): string {
  return `${JSON.stringify({ type: 'hello', ...hello })}\n`;
}

export function startLine(): string {
  return '{"type":"start"}\n';
}

export function failedLine(detail: string): string {
  return `${JSON.stringify({ type: 'failed', detail })}\n`;
}

export function endLine(end: ProgramEnd, retire: boolean): string {
  return `${JSON.stringify({ type: 'end', ...end, ...(retire ? { retire } : {}) })}\n`;
}

function parseJson(line: string): unknown {
  try {
    return JSON.parse(line);
  } catch {
    throw new ProtocolError(`not JSON: ${clip(line)}`);
  }
}

/** One line from the child; throws ProtocolError for anything else. */
export function parseChildLine(line: string): ChildLine {
  const value = parseJson(line);
  if (typeof value === 'string') return { kind: 'observation', text: value };
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new ProtocolError(`not a message: ${clip(line)}`);
  const o = value as Record<string, unknown>;
  if (o.type === 'hello') {
    const { version, bits, implementation, pyodide, pid } = o;
    if (typeof version !== 'string' || (bits !== 32 && bits !== 64) || typeof implementation !== 'string' || typeof pyodide !== 'string' || typeof pid !== 'number') {
      throw new ProtocolError(`a malformed hello: ${clip(line)}`);
    }
    return { kind: 'hello', hello: { type: 'hello', version, bits, implementation, pyodide, pid } };
  }
  if (o.type === 'failed' && typeof o.detail === 'string') return { kind: 'failed', detail: o.detail };
  if (o.type === 'start') return { kind: 'start' };
  if (o.type === 'end') {
    const retire = o.retire === true;
    if (o.status === 'ok') return { kind: 'end', end: { status: 'ok' }, retire };
    if ((o.status === 'error' || o.status === 'crash') && typeof o.detail === 'string') {
      return { kind: 'end', end: { status: o.status, detail: o.detail }, retire };
    }
  }
  throw new ProtocolError(`an unknown message: ${clip(line)}`);
}

/** A request as the child receives it; throws an Error saying what is wrong with it. */
export function parseRequest(line: string): ChildRequest {
  const value: unknown = JSON.parse(line);
  if (typeof value !== 'object' || value === null) throw new Error('not an object');
  const { source, mode, timeout } = value as Record<string, unknown>;
  if (typeof source !== 'string') throw new Error('source is not a string');
  if (typeof mode !== 'string' || !MODES.includes(mode)) throw new Error(`unknown mode ${JSON.stringify(mode)}`);
  if (typeof timeout !== 'number' || !(timeout > 0)) throw new Error('timeout must be a positive number of seconds');
  return { source, mode: mode as Mode, timeoutMs: timeout * 1000 };
}
