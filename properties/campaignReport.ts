// A campaign's result as a short text for a terminal: one summary line, the interpreter problems,
// and the shrunk counterexample with each divergent observation.
import { describeProfile } from '../model/profile.ts';
import type { CampaignResult, Counterexample } from './campaign.ts';
import { shown } from './describe.ts';
import { declineRate } from './tally.ts';

const percent = (x: number): string => `${(100 * x).toFixed(1)}%`;
const rate = (programs: number, ms: number): string => (ms <= 0 ? '-' : (programs / (ms / 1000)).toFixed(0));

export function formatCampaign(result: CampaignResult): string {
  const t = result.totals;
  const out: string[] = [];
  const verdict = result.failure === null ? 'no divergence' : result.failure.counterexample.kind === 'model-error' ? 'MODEL ERROR' : 'DIVERGENCE';
  out.push(
    `${verdict} · ${describeProfile(result.profile)} (${result.interpreter.name}) · ${t.programs} program${t.programs === 1 ? '' : 's'} · seed ${result.seed}`,
    `observations: ${t.compared} compared, ${t.agreed} agreed, ${t.declined} declined (${percent(t.compared === 0 ? 0 : declineRate(t))}), ${t.divergent} divergent`,
    `time: ${(result.elapsedMs / 1000).toFixed(1)} s, ${rate(t.programs, result.elapsedMs - result.shrinkMs)} programs/s${result.failure === null ? '' : `; shrinking took ${(result.shrinkMs / 1000).toFixed(1)} s`}`,
  );
  const problems = t.timeouts + t.crashes + t.errors;
  if (problems > 0) {
    out.push(`interpreter problems (not counted as divergences): ${t.timeouts} timeouts, ${t.crashes} crashes, ${t.errors} errors`);
    for (const p of result.problems) out.push(`  ${p.status}${p.detail === null ? '' : `: ${p.detail}`} (${p.mode} mode)`);
  }
  if (result.failure !== null) {
    const { path, shrinks, counterexample } = result.failure;
    out.push('', `shrunk in ${shrinks} steps; replay with seed ${result.seed} and path "${path}"`);
    out.push(...describeCounterexample(counterexample));
  }
  return `${out.join('\n')}\n`;
}

/** The counterexample in lines: each divergent observation with its rules, both lists, the program. */
export function describeCounterexample(c: Counterexample): string[] {
  const out: string[] = [];
  if (!c.reproduced) out.push('FLAKY: running the shrunk program once more did not fail the same way');
  if (c.kind === 'model-error') out.push(`the model threw: ${c.modelError ?? '(nothing on the replay)'}`);
  for (const d of c.divergences) {
    const where = d.line === null ? '' : ` (line ${d.line}: ${d.statement})`;
    out.push(`observation ${d.position + 1}${where}: model ${shown(d.model)}, CPython ${shown(d.cpython)}`);
    if (d.rules.length > 0) out.push(`  the model decided it with: ${d.rules.join(', ')} (see cmm rules)`);
  }
  if (c.stopped !== null) out.push(`the model stopped following the program: ${c.stopped}`);
  if (c.status !== 'ok') out.push(`the replay ended with status ${c.status}`);
  out.push(`CPython observed: [${c.observed.join(', ')}]`);
  out.push(`model predicted:  [${c.predicted.map((p) => (p === null ? '?' : p)).join(', ')}]`);
  out.push('', `# mode: ${c.mode}`, c.source.trimEnd());
  return out;
}
