// Choosing interpreters (--oracle, --python) and opening each for one command, closing it whatever
// happens, so that no interpreter outlives the command (also on Ctrl-C).
import { openOracle, resolveOracleSpec, type InterpreterEntry, type OpenOptions } from '../oracle/discover.ts';
import { OracleError, type InterpreterInfo, type Oracle } from '../oracle/types.ts';
import { UsageError } from './errors.ts';
import { stringsOption, type OptionSpec, type Parsed } from './options.ts';

/** The options every command that runs an interpreter takes; both may be given several times. */
export const ORACLE_OPTIONS: OptionSpec = {
  oracle: { type: 'string', multiple: true },
  python: { type: 'string', multiple: true },
};

export interface Selection {
  entries: InterpreterEntry[];
  /**
   * True when the user asked for several interpreters (several flags, or `all`, `native`,
   * `embedded`, even if that is one): the command then reports per interpreter.
   */
  several: boolean;
}

/** The interpreters the flags name, in the order given, each once; `fallback` when none is named. */
export async function selectOracles(values: Parsed['values'], fallback: readonly string[] = ['python3']): Promise<Selection> {
  const named = [...stringsOption(values, 'oracle'), ...stringsOption(values, 'python')];
  const specs = named.length > 0 ? named : fallback;
  const resolutions = await Promise.all(specs.map(resolveOracleSpec));
  const entries: InterpreterEntry[] = [];
  let group = false;
  for (const r of resolutions) {
    if (!r.ok) throw new UsageError(r.error);
    group ||= r.group;
    for (const e of r.entries) if (!entries.some((seen) => sameInterpreter(seen, e))) entries.push(e);
  }
  return { entries, several: group || entries.length > 1 };
}

function sameInterpreter(a: InterpreterEntry, b: InterpreterEntry): boolean {
  return a.kind === b.kind && (a.kind === 'native' ? a.executable === b.executable : a.name === b.name);
}

export type Outcome<T> = { ok: true; value: T } | { ok: false; error: string };

/**
 * Runs `use` with the entry's oracle open, and closes it. An interpreter that cannot start (or
 * that the oracle loses) is an outcome, so that a command over several interpreters goes on.
 */
export async function tryOracle<T>(
  entry: InterpreterEntry,
  use: (oracle: Oracle, info: InterpreterInfo) => Promise<T>,
  options: OpenOptions = {},
): Promise<Outcome<T>> {
  const oracle = openOracle(entry, options);
  const onSignal = (signal: NodeJS.Signals): void => {
    void oracle.close().finally(() => process.exit(signal === 'SIGINT' ? 130 : 143));
  };
  // `on`, not `once`: execa's signal-exit re-raises a signal it sees no other listener for, and
  // `once` removes ours before it runs, which would kill us before the worker is closed.
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  try {
    const info = await oracle.info();
    return { ok: true, value: await use(oracle, info) };
  } catch (e) {
    if (e instanceof OracleError) return { ok: false, error: e.message.split('\n')[0] ?? e.message };
    throw e;
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    await oracle.close();
  }
}

/** The same for the one interpreter a command was given: if it cannot start, that is a usage error. */
export async function withOracle<T>(entry: InterpreterEntry, use: (oracle: Oracle, info: InterpreterInfo) => Promise<T>): Promise<T> {
  const outcome = await tryOracle(entry, use);
  if (!outcome.ok) throw new UsageError(outcome.error);
  return outcome.value;
}

