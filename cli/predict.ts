// `cmm predict`: the model's predictions for program files; no interpreter involved.
import { predictDetailed } from '../model/predict.ts';
import { entriesExitCode, entriesToJson, entriesToText, type Entry } from './entries.ts';
import { oneLine } from './errors.ts';
import { parseSources, readSources } from './files.ts';
import type { Io } from './io.ts';
import { bitsOption, modeOption, parseOptions, profileOf, requireFiles, stringOption } from './options.ts';
import { usage } from './usage.ts';

export async function predictCommand(args: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = parseOptions(args, {
    'python-version': { type: 'string' },
    bits: { type: 'string' },
    mode: { type: 'string' },
    json: { type: 'boolean' },
  });
  if (values.help === true) return io.out(usage.predict), 0;
  const profile = profileOf(stringOption(values, 'python-version') ?? '3.11', bitsOption(values));
  const mode = modeOption(values);
  requireFiles(positionals, 'predict');
  const entries = parseSources(readSources(positionals), mode).map((f): Entry => {
    if (f.program === undefined) return { file: f.file, error: f.error };
    try {
      const { observations, stopped } = predictDetailed(f.program, profile);
      return { file: f.file, observations, ...(stopped ? { stopped: stopped.reason } : {}) };
    } catch (e) {
      // A model bug on one file must not hide the others' predictions.
      return { file: f.file, error: `the model failed: ${oneLine(e)}` };
    }
  });
  io.out(values.json === true ? entriesToJson(entries) : entriesToText(entries));
  return entriesExitCode(entries);
}
