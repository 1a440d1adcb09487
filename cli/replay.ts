// `cmm replay FILE`: a saved divergence (.cmm/failures/) run again on the interpreter it was found
// on (or the ones named), next to the model's prediction for that interpreter: does it still diverge?
import { readFileSync } from 'node:fs';
import { loadCaseFile } from '../cases/load.ts';
import { predictDetailed } from '../model/predict.ts';
import { judge, predictSafely } from '../properties/checkProgram.ts';
import { shown } from '../properties/describe.ts';
import { INTERPRETER_COMMENT, PROFILE_COMMENT } from '../properties/failure-file.ts';
import { oneLine, UsageError } from './errors.ts';
import type { Io } from './io.ts';
import { ORACLE_OPTIONS, selectOracles, tryOracle } from './oracle.ts';
import { parseOptions, profileOf, requireFiles, stringOption } from './options.ts';
import { usage } from './usage.ts';

export async function replayCommand(args: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = parseOptions(args, { ...ORACLE_OPTIONS, 'python-version': { type: 'string' } });
  if (values.help === true) return io.out(usage.replay), 0;
  requireFiles(positionals, 'replay');
  const pythonVersion = stringOption(values, 'python-version');
  let diverged = false;
  for (const file of positionals) {
    const c = loadCaseFile(file);
    const text = readFileSync(file, 'utf8');
    const named = INTERPRETER_COMMENT.exec(text)?.[1];
    const assumed = pythonVersion ?? PROFILE_COMMENT.exec(text)?.[1];
    const explicit = values.oracle !== undefined || values.python !== undefined;
    if (!explicit && named === undefined) throw new UsageError(`${file}: no '# interpreter:' line says where it was found; name one with --oracle`);
    const selection = await selectOracles(values, named === undefined ? undefined : [named]);
    for (const entry of selection.entries) {
      const outcome = await tryOracle(entry, async (oracle, info) => {
        const [observed] = await oracle.run([{ source: c.source, mode: c.mode }]);
        const profile = profileOf(assumed ?? info.version, info.bits, info.kind);
        // A model that throws is reported like a divergence, as the campaign does.
        const checked = judge(c.source, observed!, predictSafely(c.program, profile, predictDetailed));
        const { prediction, verdict } = checked;
        if (checked.modelError !== null) {
          io.out(`${file} on ${info.name}: the model threw: ${checked.modelError}\n`);
          return true;
        }
        const lines = [`${file} on ${info.name} (CPython ${info.version}, ${info.bits}-bit): ${verdict.divergent > 0 ? 'DIVERGES' : observed!.status !== 'ok' ? `ended with status ${observed!.status}` : 'agrees now'}`];
        for (const d of verdict.divergences) lines.push(`  observation ${d.position + 1}: model ${shown(d.model)}, CPython ${shown(d.cpython)}`);
        lines.push(`  CPython observed: [${observed!.observations.join(', ')}]`, `  model predicted:  [${prediction.observations.map((o) => o ?? '?').join(', ')}]`);
        if (prediction.stopped !== undefined) lines.push(`  the model stopped following the program: ${prediction.stopped.reason}`);
        io.out(`${lines.join('\n')}\n`);
        return verdict.divergent > 0;
      });
      if (!outcome.ok) {
        io.out(`${file} on ${entry.name}: could not start: ${oneLine(outcome.error)}\n`);
        diverged = true;
      } else if (outcome.value) diverged = true;
    }
  }
  return diverged ? 1 : 0;
}
