// `cmm run`: what CPython observes for program files. Only files inside the case language are
// sent to the interpreter: a case file is untrusted data (SPEC section 3).
import type { RunResult } from '../oracle/types.ts';
import { entriesExitCode, entriesToJson, entriesToText, type Entry } from './entries.ts';
import { parseSources, readSources, type ParsedFile } from './files.ts';
import type { Io } from './io.ts';
import { withOracle } from './oracle.ts';
import { modeOption, parseOptions, requireFiles, stringOption } from './options.ts';
import { usage } from './usage.ts';

export async function runCommand(args: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = parseOptions(args, {
    python: { type: 'string' },
    mode: { type: 'string' },
    json: { type: 'boolean' },
  });
  if (values.help === true) return io.out(usage.run), 0;
  const mode = modeOption(values);
  requireFiles(positionals, 'run');
  const files = parseSources(readSources(positionals), mode);
  const entries = await withOracle(stringOption(values, 'python') ?? 'python3', async (oracle) => {
    const runnable = files.filter((f) => f.program !== undefined);
    const results = await oracle.run(runnable.map((f) => ({ source: f.source, mode })));
    const byFile = new Map<ParsedFile, RunResult>(runnable.map((f, i) => [f, results[i]!]));
    return files.map((f): Entry => {
      const result = byFile.get(f);
      if (result === undefined) return { file: f.file, error: f.error ?? 'not run' };
      return toEntry(f.file, result);
    });
  });
  io.out(values.json === true ? entriesToJson(entries) : entriesToText(entries));
  return entriesExitCode(entries);
}

function toEntry(file: string, result: RunResult): Entry {
  if (result.status === 'ok') return { file, observations: result.observations };
  const seen = result.observations.length;
  const before = seen === 0 ? '' : ` (after ${seen} observation${seen === 1 ? '' : 's'}: ${result.observations.join(', ')})`;
  return { file, error: `${result.status}: ${result.detail ?? 'no detail'}${before}` };
}
