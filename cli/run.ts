// `cmm run`: what CPython observes for program files, on one interpreter or on several. Only files
// inside the case language are sent to an interpreter: a case file is untrusted data (SPEC section 3).
import type { Mode } from '../language/ast.ts';
import type { InterpreterEntry } from '../oracle/discover.ts';
import type { Oracle, RunResult } from '../oracle/types.ts';
import { entriesExitCode, entriesToJson, entriesToObject, entriesToText, type Entry } from './entries.ts';
import { parseSources, readSources, type ParsedFile } from './files.ts';
import type { Io } from './io.ts';
import { ORACLE_OPTIONS, selectOracles, tryOracle, withOracle } from './oracle.ts';
import { modeOption, parseOptions, requireFiles } from './options.ts';
import { usage } from './usage.ts';

export async function runCommand(args: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = parseOptions(args, {
    ...ORACLE_OPTIONS,
    mode: { type: 'string' },
    json: { type: 'boolean' },
  });
  if (values.help === true) return io.out(usage.run), 0;
  const mode = modeOption(values);
  requireFiles(positionals, 'run');
  const files = parseSources(readSources(positionals), mode);
  const selection = await selectOracles(values);
  if (!selection.several) {
    const entries = await withOracle(selection.entries[0]!, (oracle) => runFiles(oracle, files, mode));
    io.out(values.json === true ? entriesToJson(entries) : entriesToText(entries));
    return entriesExitCode(entries);
  }

  const perInterpreter: { entry: InterpreterEntry; heading: string; entries?: Entry[]; error?: string }[] = [];
  for (const entry of selection.entries) {
    const outcome = await tryOracle(entry, async (oracle, info) => ({
      heading: `${entry.name}: CPython ${info.version}, ${info.bits}-bit`,
      entries: await runFiles(oracle, files, mode),
    }));
    if (outcome.ok) perInterpreter.push({ entry, ...outcome.value });
    else perInterpreter.push({ entry, heading: entry.name, error: `could not start: ${outcome.error}` });
  }
  if (values.json === true) {
    // interpreter name -> file -> observations (or that file's error), or the interpreter's own error.
    const object: Record<string, unknown> = {};
    for (const p of perInterpreter) object[p.entry.name] = p.entries !== undefined ? entriesToObject(p.entries) : { error: p.error };
    io.out(`${JSON.stringify(object, null, 2)}\n`);
  } else {
    const blocks = perInterpreter.map((p) => `=== ${p.heading} ===\n${p.entries !== undefined ? entriesToText(p.entries) : `error: ${p.error}\n`}`);
    io.out(blocks.join('\n'));
  }
  return perInterpreter.some((p) => p.entries === undefined || entriesExitCode(p.entries) !== 0) ? 1 : 0;
}

async function runFiles(oracle: Oracle, files: readonly ParsedFile[], mode: Mode): Promise<Entry[]> {
  const runnable = files.filter((f) => f.program !== undefined);
  const results = await oracle.run(runnable.map((f) => ({ source: f.source, mode })));
  const byFile = new Map<ParsedFile, RunResult>(runnable.map((f, i) => [f, results[i]!]));
  return files.map((f): Entry => {
    const result = byFile.get(f);
    if (result === undefined) return { file: f.file, error: f.error ?? 'not run' };
    return toEntry(f.file, result);
  });
}

function toEntry(file: string, result: RunResult): Entry {
  if (result.status === 'ok') return { file, observations: result.observations };
  const seen = result.observations.length;
  const before = seen === 0 ? '' : ` (after ${seen} observation${seen === 1 ? '' : 's'}: ${result.observations.join(', ')})`;
  return { file, error: `${result.status}: ${result.detail ?? 'no detail'}${before}` };
}
