// A failed conformance property as one readable message (what vitest shows, and what its JUnit
// reporter writes as the failure's message): where, the command that replays it, each divergent
// observation with the rules the model decided it with, both lists, and the shrunk program.
import type { Program } from '../../language/ast.ts';
import type { Checked } from '../checkProgram.ts';
import { programTextOf, shown } from '../describe.ts';
import { locate } from '../locate.ts';

/** The report of one checked program that failed (a divergence or a model error). */
export function divergenceMessage(checked: Checked, program: Program): string {
  const lines: string[] = [];
  if (checked.modelError !== null) lines.push(`the model threw: ${checked.modelError}`);
  const { verdict } = checked;
  if (verdict.divergent > 0) lines.push(`the model diverges from CPython at ${verdict.divergent} of ${verdict.compared} observations:`);
  for (const d of locate(checked, program.mode)) {
    const where = d.line === null ? '' : ` (line ${d.line}: ${d.statement})`;
    lines.push(`  observation ${d.position + 1}${where}: model ${shown(d.model)}, CPython ${shown(d.cpython)}`);
    if (d.rules.length > 0) lines.push(`    the model decided it with: ${d.rules.join(', ')} (see cmm rules)`);
  }
  if (verdict.stopped !== undefined) lines.push(`  (the model stopped: ${verdict.stopped})`);
  lines.push(`CPython observed: [${checked.observed.observations.join(', ')}]`);
  lines.push(`model predicted:  [${checked.prediction.observations.map((o) => o ?? '?').join(', ')}]`);
  lines.push('', programTextOf(checked, program.mode).trimEnd());
  return lines.join('\n');
}

export interface Replay {
  /** The interpreter's name, as --oracle takes it. */
  oracle: string;
  seed: number;
  /** fast-check's path to the shrunk program. */
  path: string;
  shrinks: number;
}

/**
 * The whole message: a headline, how to replay it, then the shrunk program's report. The path's
 * first step is the run index, where `cmm check` finds the same program from the same seed.
 */
export function failureMessage(where: string, replay: Replay, report: string): string {
  const index = replay.path.split(':')[0] ?? replay.path;
  return [
    `${where}: the model does not agree with CPython (shrunk in ${replay.shrinks} steps)`,
    `replay: seed ${replay.seed}, path "${replay.path}" (fast-check's seed and path for this property);`,
    `  cmm check --oracle ${replay.oracle} --seed ${replay.seed} --path "${index}" runs the same program and shrinks it again`,
    report,
  ].join('\n');
}
