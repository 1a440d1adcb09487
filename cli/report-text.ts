// `cmm check`'s report as text for a terminal or a log: for one interpreter a summary and each
// group of divergences shrunk, the flaky ones apart; for several a table, one row each, then their
// groups. Nothing in it varies from run to run unless --timings asks for the times.
import { describeProfile } from '../model/profile.ts';
import { describeCounterexample } from '../properties/campaignReport.ts';
import { declinedPercent, groupTitle, timingText, type CheckReport, type InterpreterReport, type ReportGroup } from './check-report.ts';
import { formatTable } from './table.ts';

const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

export function formatText(report: CheckReport): string {
  return report.several ? formatSeveral(report) : formatOne(report, report.interpreters[0]!);
}

function formatOne(report: CheckReport, ir: InterpreterReport): string {
  const out = [`interpreter: ${ir.name}${ir.executable !== null && ir.executable !== ir.name ? ` (${ir.executable})` : ''}, CPython ${ir.version}, ${ir.bits}-bit`];
  if (report.pythonVersion !== null) out.push(`model: the profile of CPython ${report.pythonVersion} (--python-version), not the interpreter's own`);
  if (report.shard !== null) out.push(`shard ${report.shard}: seed ${report.seed} (replay a failure with this seed alone)`);
  out.push(...body(report, ir));
  if (ir.coverage !== null) out.push('', ir.coverage.format().trimEnd());
  return `${out.join('\n')}\n`;
}

/** The verdict line: `DIVERGENCE`, `MODEL ERROR` or `no divergence`. */
function verdict(ir: InterpreterReport): string {
  if (ir.groups.length === 0) return 'no divergence';
  return ir.groups.some((g) => g.failure.counterexample.kind === 'divergence') ? 'DIVERGENCE' : 'MODEL ERROR';
}

function body(report: CheckReport, ir: InterpreterReport): string[] {
  const result = ir.result;
  if (result === null || ir.profile === null) return [ir.problem ?? 'not run'];
  const t = result.last.totals;
  const out = [
    `${verdict(ir)} · ${describeProfile(ir.profile)} (${ir.name}) · ${plural(t.programs, 'program')} · seed ${result.seed}`,
    `observations: ${t.compared} compared, ${t.agreed} agreed, ${t.declined} declined (${declinedPercent(result)}), ${t.divergent} divergent`,
  ];
  const summary = groupsLine(ir);
  if (summary !== null) out.push(summary);
  if (report.timings) out.push(`time: ${timingText(result)}`);
  const problems = t.timeouts + t.crashes + t.errors;
  if (problems > 0) {
    out.push(`interpreter problems (not counted as divergences): ${t.timeouts} timeouts, ${t.crashes} crashes, ${t.errors} errors`);
    for (const p of result.last.problems) out.push(`  ${p.status}${p.detail === null ? '' : `: ${p.detail}`} (${p.mode} mode)`);
  }
  // A path from an older version of the generators can lead nowhere: say so rather than look like a pass.
  if (report.path !== null && ir.groups.length + ir.flaky.length === 0) out.push(`the replay of path "${report.path}" found no failure (is the path from another version of cmm?)`);
  ir.groups.forEach((g, i) => out.push('', ...section(`── ${i + 1}. ${groupTitle(g)} ──`, g)));
  ir.flaky.forEach((g, i) => out.push('', ...section(`── flaky ${i + 1}. ${groupTitle(g)} ──`, g)));
  if (ir.groups.length + ir.flaky.length > 0) out.push('', 'cmm replay FILE runs a saved failure again; cmm promote FILE makes it a case.');
  return out;
}

/** How many groups, and what the counts above cover when the campaign ran more than once. */
function groupsLine(ir: InterpreterReport): string | null {
  const result = ir.result!;
  const steady = ir.groups.length;
  if (steady + ir.flaky.length === 0 && result.campaigns === 1) return null;
  const errors = ir.groups.filter((g) => g.failure.counterexample.kind === 'model-error').length;
  const parts = [plural(steady - errors, 'divergence'), ...(errors > 0 ? [plural(errors, 'model error')] : []), `${ir.flaky.length} flaky`];
  const runs = result.campaigns === 1 ? '' : `; the campaign ran ${result.campaigns} times with this seed, each group declined in the runs after it (the counts above are the last run's)`;
  const capped = result.capped ? '; stopped at the most groups asked for (--max-groups): there may be more' : '';
  return `groups: ${parts.join(', ')}${runs}${capped}`;
}

function section(title: string, g: ReportGroup): string[] {
  const { shrinks, counterexample } = g.failure;
  return [
    title,
    `shrunk in ${plural(shrinks, 'step')}; replay: ${g.replay}`,
    ...describeCounterexample(counterexample),
    ...(g.file !== null ? [`written to ${g.file}`] : []),
  ];
}

function formatSeveral(report: CheckReport): string {
  const header = ['interpreter', 'version', 'bits', 'programs', 'compared', 'agreed', 'declined', 'divergences', 'flaky'];
  const cells = report.interpreters.map((ir): string[] => {
    const head = [ir.name, ir.version, String(ir.bits)];
    if (ir.result === null) return [...head, ir.problem ?? 'not run'];
    const t = ir.result.last.totals;
    return [...head, String(t.programs), String(t.compared), String(t.agreed), declinedPercent(ir.result), String(ir.groups.length), String(ir.flaky.length)];
  });
  const out = [`seed ${report.seed}`];
  if (report.pythonVersion !== null) out.push(`model: the profile of CPython ${report.pythonVersion} (--python-version) for every interpreter`);
  out.push('', formatTable(header, cells).trimEnd());
  for (const ir of report.interpreters) {
    if (report.timings && ir.result !== null) out.push(`${ir.name}: ${timingText(ir.result)}`);
  }
  for (const ir of report.interpreters) {
    if (ir.coverage !== null) out.push('', `── ${ir.name}: ${ir.coverage.format().trimEnd()}`);
  }
  for (const ir of report.interpreters) {
    if (ir.groups.length + ir.flaky.length === 0) continue;
    out.push('', `══ ${ir.name}: CPython ${ir.version}, ${ir.bits}-bit ══`, ...body({ ...report, timings: false }, ir));
  }
  return `${out.join('\n')}\n`;
}
