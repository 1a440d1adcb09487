// `cmm check --markdown`: the report for a CI job summary or a pull-request comment. A table, one
// row per interpreter, then a section per group of divergences (the flaky ones apart): the shrunk
// program in a python block, each divergent observation with the rules that predicted it, and the
// command that replays it. Same seed, same runs: the same bytes (times only with --timings).
import { describeProfile } from '../model/profile.ts';
import type { Counterexample } from '../properties/campaign.ts';
import { shown } from '../properties/describe.ts';
import { declinedPercent, failed, groupTitle, timingText, type CheckReport, type InterpreterReport, type ReportGroup } from './check-report.ts';

/** A code span that survives any backticks in `text`, and a table cell's pipes. */
export function code(text: string): string {
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const ticks = '`'.repeat(longest + 1);
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return `${ticks}${pad}${text.replace(/\n/g, ' ').replace(/\|/g, '\\|')}${pad}${ticks}`;
}

/** A fenced block longer than any run of backticks in the source. */
export function fenced(language: string, text: string): string {
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(Math.max(3, longest + 1));
  return `${fence}${language}\n${text.endsWith('\n') ? text : `${text}\n`}${fence}`;
}

const row = (cells: readonly string[]): string => `| ${cells.join(' | ')} |`;

export function formatMarkdown(report: CheckReport): string {
  const steady = report.interpreters.reduce((n, ir) => n + ir.groups.length, 0);
  const flaky = report.interpreters.reduce((n, ir) => n + ir.flaky.length, 0);
  const headline = failed(report) ? `DIVERGENCE: ${steady} group${steady === 1 ? '' : 's'}` : 'no divergence';
  const out = [`## cmm check: ${headline}${flaky > 0 ? `, ${flaky} flaky` : ''}`, ''];
  const notes = [`Seed ${code(String(report.seed))}`];
  if (report.shard !== null) notes.push(`shard ${report.shard} (its own seed: a failure replays with it alone)`);
  if (report.pythonVersion !== null) notes.push(`the model of CPython ${report.pythonVersion} (${code('--python-version')})${report.several ? ' for every interpreter' : ''}`);
  out.push(`${notes.join(' · ')}.`, '', ...table(report));
  for (const ir of report.interpreters) out.push(...notesOf(report, ir));
  for (const ir of report.interpreters) {
    ir.groups.forEach((g, i) => out.push('', ...section(`### ${i + 1}. ${groupTitle(g)} · ${ir.name}`, ir, g)));
    ir.flaky.forEach((g, i) => out.push('', ...section(`### Flaky ${i + 1}. ${groupTitle(g)} · ${ir.name}`, ir, g)));
  }
  for (const ir of report.interpreters) {
    if (ir.coverage !== null) out.push('', `<details><summary>Rule coverage on ${ir.name}</summary>`, '', fenced('', ir.coverage.format()), '', '</details>');
  }
  return `${out.join('\n')}\n`;
}

function table(report: CheckReport): string[] {
  const out = [
    row(['interpreter', 'CPython', 'bits', 'model', 'programs', 'compared', 'agreed', 'declined', 'divergences', 'flaky']),
    row(['---', '---', '---:', '---', '---:', '---:', '---:', '---:', '---:', '---:']),
  ];
  for (const ir of report.interpreters) {
    const head = [code(ir.name), ir.version, String(ir.bits)];
    if (ir.result === null || ir.profile === null) {
      out.push(row([...head, (ir.problem ?? 'not run').replace(/\|/g, '\\|'), '', '', '', '', '', '']));
      continue;
    }
    const t = ir.result.last.totals;
    const p = ir.profile;
    out.push(row([...head, `${p.major}.${p.minor}.${p.patch}`, String(t.programs), String(t.compared), String(t.agreed), declinedPercent(ir.result), String(ir.groups.length), String(ir.flaky.length)]));
  }
  return out;
}

/** What the table cannot say about one interpreter: several runs, problems, a path that led nowhere, times. */
function notesOf(report: CheckReport, ir: InterpreterReport): string[] {
  const result = ir.result;
  if (result === null) return [];
  const notes: string[] = [];
  if (result.campaigns > 1) notes.push(`the campaign ran ${result.campaigns} times with this seed, each group declined in the runs after it; the counts are the last run's`);
  if (result.capped) notes.push('it stopped at the most groups asked for (`--max-groups`): there may be more');
  const t = result.last.totals;
  if (t.timeouts + t.crashes + t.errors > 0) notes.push(`interpreter problems (not counted as divergences): ${t.timeouts} timeouts, ${t.crashes} crashes, ${t.errors} errors`);
  if (report.path !== null && ir.groups.length + ir.flaky.length === 0) notes.push(`the replay of path ${code(report.path)} found no failure (is the path from another version of cmm?)`);
  if (report.timings) notes.push(`time: ${timingText(result)}`);
  return notes.length === 0 ? [] : ['', `On ${code(ir.name)}: ${notes.join('; ')}.`];
}

function section(title: string, ir: InterpreterReport, g: ReportGroup): string[] {
  const c = g.failure.counterexample;
  const out = [title, ''];
  if (!c.reproduced) out.push('**Flaky:** running the shrunk program once more did not fail the same way.', '');
  const model = ir.profile === null ? 'the model' : `the model of ${describeProfile(ir.profile)}`;
  if (c.kind === 'model-error') out.push(`${model} threw: ${code(c.modelError ?? '(nothing on the replay)')}`, '');
  out.push(fenced('python', `# mode: ${c.mode}\n${c.source}`), '');
  if (c.divergences.length > 0) out.push(...observations(c), '');
  if (c.stopped !== null) out.push(`The model stopped following the program: ${code(c.stopped)}.`, '');
  if (c.status !== 'ok') out.push(`The replay ended with status ${code(c.status)}.`, '');
  out.push(`CPython ${ir.version} observed ${code(`[${c.observed.join(', ')}]`)}; ${model} predicted ${code(`[${c.predicted.map((p) => p ?? '?').join(', ')}]`)}.`, '');
  out.push(`Shrunk in ${g.failure.shrinks} steps. Replay: ${code(g.replay)}${g.file !== null ? ` · saved as ${code(g.file)}` : ''}`);
  return out;
}

function observations(c: Counterexample): string[] {
  const out = [row(['observation', 'statement', 'model', 'CPython', 'rules']), row(['---:', '---', '---', '---', '---'])];
  for (const d of c.divergences) {
    const where = d.line === null ? '' : `line ${d.line}: ${code(d.statement ?? '')}`;
    const rules = d.rules.length === 0 ? '' : d.rules.map(code).join(' ');
    out.push(row([String(d.position + 1), where, code(shown(d.model)), code(shown(d.cpython)), rules]));
  }
  return out;
}
