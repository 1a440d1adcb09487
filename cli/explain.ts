// `cmm explain FILE`: the model's trace of a program (a Python file in the case language or a case
// file), statement by statement: each object with a small stable id, its type and count, every
// name, slot and attribute pointing at it, the rules that decided something, and what died.
import type { Program } from '../language/ast.ts';
import { loadCaseFile } from '../cases/load.ts';
import { trace, type Trace, type TraceStep } from '../model/explain/trace.ts';
import { describeProfile, type Profile } from '../model/profile.ts';
import { UsageError } from './errors.ts';
import { parseSources, readSources } from './files.ts';
import type { Io } from './io.ts';
import { bitsOption, modeOption, parseOptions, profileOf, requireFiles, stringOption, stringsOption } from './options.ts';
import { writeSvgs } from './explain-svg.ts';
import { basename } from 'node:path';
import { usage } from './usage.ts';

export async function explainCommand(args: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = parseOptions(args, {
    'python-version': { type: 'string', multiple: true },
    bits: { type: 'string' },
    mode: { type: 'string' },
    svg: { type: 'string' },
  });
  if (values.help === true) return io.out(usage.explain), 0;
  requireFiles(positionals, 'explain');
  const versions = stringsOption(values, 'python-version');
  const profiles = (versions.length > 0 ? versions : ['3.11']).map((v) => profileOf(v, bitsOption(values)));
  const svg = stringOption(values, 'svg');
  if (svg !== undefined && positionals.length > 1) throw new UsageError('--svg draws one FILE at a time');
  for (const file of positionals) {
    const program = programOf(file, values.mode === undefined ? undefined : modeOption(values));
    const traced = profiles.map((profile) => ({ profile, trace: trace(program, profile) }));
    // One id per object across every version's trace: the same object keeps its number.
    const ids = stableIds(traced.map((t) => t.trace));
    const id = (serial: number): string => `#${ids.get(serial) ?? `?${serial}`}`;
    const texts = traced.map((t) => formatTrace(file, t.trace, t.profile, program, id));
    io.out(texts.join('\n'));
    if (svg !== undefined) {
      const page = await writeSvgs(svg, `cmm explain ${basename(file)}`, traced.map((t, i) => ({ label: describeProfile(t.profile), trace: t.trace, text: texts[i]! })), id);
      io.out(`pictures and the page: ${page}\n`);
    }
  }
  return 0;
}

/** A case file's program (with its own mode), or a Python file's (module mode unless --mode). */
function programOf(file: string, mode: Program['mode'] | undefined): Program {
  if (/\.ya?ml$/.test(file)) return loadCaseFile(file).program;
  const [parsed] = parseSources(readSources([file]), mode ?? 'module');
  if (parsed!.program === undefined) throw new UsageError(parsed!.error);
  return parsed!.program;
}

/** Small ids in order of first appearance: the model's serials count every allocation. */
export function stableIds(traces: readonly Trace[]): Map<number, number> {
  const ids = new Map<number, number>();
  for (const t of traces) for (const step of t.steps) for (const o of step.heap.objects) if (!ids.has(o.serial)) ids.set(o.serial, ids.size + 1);
  return ids;
}

export function formatTrace(file: string, t: Trace, profile: Profile, program: Program, id: (serial: number) => string): string {
  const out = [`${file}: the model of ${describeProfile(profile)}, ${program.mode} mode`];
  for (const [i, step] of t.steps.entries()) out.push('', ...formatStep(i + 1, step, id));
  if (t.stopped !== null) out.push('', `the model stopped following the program: ${t.stopped}`);
  out.push('', `observations: [${t.observations.map((o) => o ?? '?').join(', ')}]`);
  return `${out.join('\n')}\n`;
}

function formatStep(n: number, step: TraceStep, id: (serial: number) => string): string[] {
  const out = [`[${n}]${step.line === null ? '' : ` line ${step.line}:`} ${step.statement}`];
  if (step.observations.length > 0) out.push(`    observed: ${step.observations.map((o) => o ?? '? (declined)').join(', ')}`);
  for (const o of step.heap.objects) {
    const into = step.heap.edges.filter((e) => e.to === o.serial).map((e) => (e.from === null ? e.label : `${id(e.from)}${e.label.startsWith('[') || e.label.startsWith('.') ? e.label : ` ${e.label}`}`));
    const count = o.immortal ? 'immortal' : o.rc === null ? 'count unknown (shared)' : `count ${o.rc}`;
    const value = o.value === null ? '' : ` ${o.value}`;
    const from = into.length === 0 ? 'nothing' : into.join(', ');
    out.push(`    ${id(o.serial)} ${o.type}${value}: ${count}${o.tracked ? ', tracked' : ''} <- ${from}${o.reachable ? '' : ' (no name leads to it)'}`);
  }
  if (step.freed.length > 0) out.push(`    freed: ${step.freed.map(id).join(', ')}`);
  if (step.rules.length > 0) out.push(`    rules: ${step.rules.map(([r, k]) => (k > 1 ? `${r} x${k}` : r)).join(', ')}`);
  return out;
}
