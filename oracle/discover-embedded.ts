// The embedded CPython builds (Pyodide under npm aliases) as discovery entries. Placeholder until
// the Pyodide oracle lands.
import type { InterpreterEntry } from './discover.ts';
import { OracleError, type Oracle } from './types.ts';

export async function embeddedEntries(): Promise<InterpreterEntry[]> {
  return [];
}

export function openEmbedded(entry: InterpreterEntry): Oracle {
  throw new OracleError(`${entry.name}: embedded builds are not supported yet`);
}
