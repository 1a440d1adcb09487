// The wire format between WorkerProcess and oracle/worker.py (its header comment is the
// reference): requests as a fixed-size header and a JSON body, results as lines. Everything that
// comes from the worker is checked here, so the rest of the oracle handles typed values only.
import type { OracleRequest } from './types.ts';

/** The worker's ways of running programs: a fork server, all in one interpreter, or one program and exit. */
export type WorkerDesign = 'fork' | 'inprocess' | 'once';

/** The first line a worker writes. */
export interface WorkerHello {
  version: string;
  bits: 32 | 64;
  executable: string;
  implementation: string;
  /** The worker's own pid (differs from the spawned pid if a wrapper did not `exec` it). */
  pid?: number;
  design?: WorkerDesign;
}

/** A line from the worker that does not follow the protocol. */
export class ProtocolError extends Error {
  override name = 'ProtocolError';
}

const MODE_LETTERS = { module: 'm', function: 'f', repl: 'r' } as const;
const HEX8 = 0xffffffff;

const hex8 = (n: number): string => n.toString(16).padStart(8, '0');

/** One request: the mode's letter, the limit in ms and the body's length (8 hex digits each), then the body. */
export function encodeRequest(request: OracleRequest, timeoutMs: number): Buffer {
  const body = Buffer.from(JSON.stringify(request.source), 'utf8');
  if (body.length > HEX8) throw new Error('a program of more than 4 GiB');
  const limit = Math.min(HEX8, Math.max(1, Math.round(timeoutMs)));
  const header = Buffer.from(`${MODE_LETTERS[request.mode]}${hex8(limit)}${hex8(body.length)}`, 'ascii');
  return Buffer.concat([header, body]);
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

const DESIGNS: readonly string[] = ['fork', 'inprocess', 'once'];

/** The hello, or undefined when the line is anything else. */
export function parseHello(line: string): WorkerHello | undefined {
  const o = parseObject(line);
  if (!o || o.type !== 'hello') return undefined;
  const { version, bits, executable, implementation, pid, design } = o;
  if (typeof version !== 'string' || (bits !== 32 && bits !== 64)) return undefined;
  if (typeof executable !== 'string' || typeof implementation !== 'string') return undefined;
  const hello: WorkerHello = { version, bits, executable, implementation };
  if (typeof pid === 'number') hello.pid = pid;
  if (typeof design === 'string' && DESIGNS.includes(design)) hello.design = design as WorkerDesign;
  return hello;
}

/** One line of the results stream after the hello. */
export type ResultLine =
  | { kind: 'blank' }
  | { kind: 'observation'; text: string }
  | { kind: 'end'; status: 'ok' }
  | { kind: 'end'; status: 'error'; detail: string }
  | { kind: 'end'; status: 'too-much' }
  /** The server's record of a finished child: its wait status; `retire`: the server leaves now. */
  | { kind: 'exit'; waitStatus: number; retire: boolean };

/** Classifies one line; throws ProtocolError for anything the worker does not write. */
export function parseResultLine(line: string): ResultLine {
  if (line === '') return { kind: 'blank' };
  const first = line[0];
  if (first === '"') {
    const text: unknown = parseJson(line);
    if (typeof text !== 'string') throw new ProtocolError(`not an observation: ${clip(line)}`);
    return { kind: 'observation', text };
  }
  if (line === '.') return { kind: 'end', status: 'ok' };
  if (line === 'L') return { kind: 'end', status: 'too-much' };
  if (first === 'E') {
    const detail: unknown = parseJson(line.slice(1));
    if (typeof detail !== 'string') throw new ProtocolError(`not an error line: ${clip(line)}`);
    return { kind: 'end', status: 'error', detail };
  }
  const exit = /^@([0-9a-f]{8})(!?)$/.exec(line);
  if (exit) return { kind: 'exit', waitStatus: parseInt(exit[1]!, 16), retire: exit[2] === '!' };
  throw new ProtocolError(`an unknown line: ${clip(line)}`);
}

/** A pid record of the pids stream (eight hex digits). */
export function parsePidLine(line: string): number {
  if (!/^[0-9a-f]{8}$/.test(line)) throw new ProtocolError(`not a pid record: ${clip(line)}`);
  return parseInt(line, 16);
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new ProtocolError(`not JSON: ${clip(text)}`);
  }
}

/** What a wait status says, as POSIX encodes it: exited with a code, or killed by a signal. */
export function describeWaitStatus(status: number): { exitCode: number } | { signal: number } {
  const signal = status & 0x7f;
  return signal === 0 ? { exitCode: (status >> 8) & 0xff } : { signal };
}

/** A line from elsewhere, shortened for a one-line message. */
export function clip(text: string, max = 120): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 3)}...` : flat;
}
