// `cmm oracles`: every interpreter discovery finds, by the name --oracle accepts, and the ones it
// looked for and did not find, with why.
import { discoverInterpreters, type InterpreterEntry } from '../oracle/discover.ts';
import { UsageError } from './errors.ts';
import type { Io } from './io.ts';
import { parseOptions } from './options.ts';
import { formatTable } from './table.ts';
import { usage } from './usage.ts';

export async function oraclesCommand(args: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = parseOptions(args, { json: { type: 'boolean' } });
  if (values.help === true) return io.out(usage.oracles), 0;
  if (positionals.length > 0) throw new UsageError(`oracles takes no arguments (got '${positionals[0]}')`);
  const entries = await discoverInterpreters();
  io.out(values.json === true ? `${JSON.stringify(entries.map(entryObject), null, 2)}\n` : formatEntries(entries));
  return 0;
}

function entryObject(e: InterpreterEntry): Record<string, unknown> {
  return {
    name: e.name,
    kind: e.kind,
    version: e.version,
    bits: e.bits,
    executable: e.executable ?? null,
    package: e.package ?? null,
    packageVersion: e.packageVersion ?? null,
    available: e.available,
    reason: e.reason ?? null,
  };
}

function formatEntries(entries: readonly InterpreterEntry[]): string {
  const available = entries.filter((e) => e.available);
  const missing = entries.filter((e) => !e.available);
  const out: string[] = [];
  if (available.length === 0) out.push('no interpreter available');
  else {
    const rows = available.map((e) => [e.name, e.version, String(e.bits), e.kind, e.executable ?? (e.package === undefined ? '' : `${e.package}${e.packageVersion === undefined ? '' : ` (pyodide ${e.packageVersion})`}`)]);
    out.push(formatTable(['name', 'version', 'bits', 'kind', 'executable / package'], rows).trimEnd());
  }
  if (missing.length > 0) {
    const width = Math.max(...missing.map((e) => e.name.length));
    out.push('', 'not available:', ...missing.map((e) => `  ${e.name.padEnd(width)}  ${e.reason ?? 'not available'}`));
  }
  out.push('', "choose with --oracle NAME (several times), or --oracle native, embedded or all");
  return `${out.join('\n')}\n`;
}
