// One interface over every real CPython the project can run a program on (SPEC section 4).
import type { Mode } from '../language/ast.ts';

/** A program as an oracle receives it: Python source in the case language, and its mode. */
export interface OracleRequest {
  source: string;
  mode: Mode;
  /** Wall-clock limit for this one program; the oracle's default applies when absent. */
  timeoutMs?: number;
}

/**
 * - `ok`: the program ran to its end, or stopped at an exception (then the last observation is
 *   `"!" + type(exc).__name__`, as SPEC section 2 says);
 * - `timeout`: it ran past its limit and was killed; `observations` holds what it recorded before;
 * - `crash`: the interpreter running it died (a signal, an abort, an exit without a result);
 * - `error`: the oracle itself failed (for example a program's answer was too large to send back);
 *   a program that is not valid Python is `ok` and ends with `!SyntaxError`.
 */
export type RunStatus = 'ok' | 'timeout' | 'crash' | 'error';

export interface RunResult {
  status: RunStatus;
  observations: string[];
  /** What went wrong, in one line, for any status but `ok`. */
  detail?: string;
}

export interface InterpreterInfo {
  /** What the user would type to choose it again (`python3`, a path, ...). */
  name: string;
  /** The exact CPython version the interpreter reports, for example `3.11.7`. */
  version: string;
  /** `sys.maxsize.bit_length() + 1`. */
  bits: 32 | 64;
  kind: 'native' | 'embedded';
  executable?: string;
  /** How the oracle gives every program a clean interpreter, in a few words (for reports). */
  design?: string;
}

export interface Oracle {
  /** Starts the interpreter if needed; rejects with a one-line OracleError if it cannot. */
  info(): Promise<InterpreterInfo>;
  /** Runs every program, each in a clean interpreter state; answers in order. */
  run(requests: readonly OracleRequest[]): Promise<RunResult[]>;
  /** Stops every process the oracle started. Safe to call twice. */
  close(): Promise<void>;
}

/** An oracle that cannot start or talk to its interpreter; `message` is one line for the user. */
export class OracleError extends Error {
  override name = 'OracleError';
}
