// The wire format between NativeOracle and oracle/worker.py: one JSON object per line each way.
// Everything that comes from the worker is checked here, so the rest of the oracle handles typed
// values only.
import type { OracleRequest, RunResult, RunStatus } from './types.ts';

/** The first line a worker writes. */
export interface WorkerHello {
  version: string;
  bits: 32 | 64;
  executable: string;
  implementation: string;
  /** The worker's own pid (differs from the spawned pid if a wrapper did not `exec` it). */
  pid?: number;
}

export interface WorkerAnswer {
  id: number;
  result: RunResult;
}

/** A line from the worker that does not follow the protocol. */
export class ProtocolError extends Error {
  override name = 'ProtocolError';
}

const STATUSES: readonly RunStatus[] = ['ok', 'timeout', 'crash', 'error'];

export function encodeRequest(id: number, request: OracleRequest, timeoutMs: number): string {
  return `${JSON.stringify({ id, source: request.source, mode: request.mode, timeout: timeoutMs / 1000 })}\n`;
}

function parseObject(line: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(line);
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
      return value as Record<string, unknown>;
    }
  } catch {
    // not JSON: the caller says what it expected instead
  }
  return undefined;
}

/** The hello, or undefined when the line is anything else. */
export function parseHello(line: string): WorkerHello | undefined {
  const o = parseObject(line);
  if (!o || o.type !== 'hello') return undefined;
  const { version, bits, executable, implementation, pid } = o;
  if (typeof version !== 'string' || (bits !== 32 && bits !== 64)) return undefined;
  if (typeof executable !== 'string' || typeof implementation !== 'string') return undefined;
  const hello: WorkerHello = { version, bits, executable, implementation };
  if (typeof pid === 'number') hello.pid = pid;
  return hello;
}

export function parseAnswer(line: string): WorkerAnswer {
  const o = parseObject(line);
  if (!o) throw new ProtocolError(`not a JSON object: ${clip(line)}`);
  const { id, status, observations, detail } = o;
  if (typeof id !== 'number') throw new ProtocolError(`answer without a numeric id: ${clip(line)}`);
  if (typeof status !== 'string' || !STATUSES.includes(status as RunStatus)) {
    throw new ProtocolError(`answer ${id} has no valid status: ${clip(line)}`);
  }
  if (!Array.isArray(observations) || !observations.every((x): x is string => typeof x === 'string')) {
    throw new ProtocolError(`answer ${id} has no list of strings as observations: ${clip(line)}`);
  }
  const result: RunResult = { status: status as RunStatus, observations };
  if (typeof detail === 'string') result.detail = detail;
  return { id, result };
}

/** A line from elsewhere, shortened for a one-line message. */
export function clip(text: string, max = 120): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 3)}...` : flat;
}
