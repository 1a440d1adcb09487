// The benchmark's report as text: the machine, one row per design, the ratios, the per-part costs,
// peak memory, shrinking, and the program that shows each design that is not isolated.
import { formatTable } from '../cli/table.ts';
import type { BenchReport, DesignRun } from './bench.ts';
import type { PartCosts } from './parts.ts';

function isolationCell(d: DesignRun): string {
  if (d.isolation === null) return '-';
  const { cases, probes, leak } = d.isolation;
  return leak === null ? `yes (${cases} cases, ${probes} probes)` : 'NO (program below)';
}

function partsLine(name: string, p: PartCosts): string {
  const total = p.generate + p.render + p.predict + p.compare;
  return `${name}: generate ${p.generate}, render ${p.render}, predict ${p.predict}, compare ${p.compare} (Node ${total.toFixed(1)} in all); oracle ${p.oracle}`;
}

export function formatReport(r: BenchReport): string {
  const m = r.machine;
  const out: string[] = [
    `machine: ${m.cpu}, ${m.cores} cores, ${m.memoryGiB} GiB, ${m.kernel}, Node ${m.node}; load average ${m.loadBefore} before, ${m.loadAfter ?? '?'} after`,
    `interpreters: native ${r.interpreters.native}${r.interpreters.embedded === null ? '' : `, embedded ${r.interpreters.embedded}`}`,
    '',
  ];
  const naiveOf = (kind: DesignRun['kind']): number | undefined => r.designs.find((d) => d.kind === kind && d.label === 'naive')?.run.perSecond;
  const rows = r.designs.map((d): string[] => {
    const naive = naiveOf(d.kind);
    const times = naive === undefined || naive === 0 ? '-' : `${(d.run.perSecond / naive).toFixed(1)}x`;
    return [d.kind, d.label, d.run.design, String(d.run.perSecond), times, String(d.run.programs), `${d.run.seconds}`, d.run.nodeMiB ? `${d.run.nodeMiB}` : '-', d.run.interpreterMiB ? `${d.run.interpreterMiB}` : '-', isolationCell(d)];
  });
  out.push(formatTable(['kind', 'design', 'how', 'programs/s', 'vs naive', 'programs', 'seconds', 'node MiB', 'interp. MiB', 'isolated'], rows).trimEnd());
  out.push('', `harness ÷ naive, end to end: native ${r.ratios.native}x${r.ratios.embedded === null ? '' : `, embedded ${r.ratios.embedded}x`}`);
  out.push('', 'per-part costs, microseconds per program (oracle: all its workers at work):');
  out.push(`  ${partsLine('native', r.parts.native)}`);
  if (r.parts.embedded !== null) out.push(`  ${partsLine('embedded', r.parts.embedded)}`);
  if (r.embeddedOracles.length > 0) {
    out.push('', `embedded builds, the oracle alone (one child per core), programs/s: ${r.embeddedOracles.map((e) => `${e.name} ${e.perSecond}`).join(', ')}`);
  }
  const s = r.shrink;
  out.push('', `shrinking a planted divergence (native, harness): found after ${s.screened} programs, shrunk in ${s.shrinks} steps, ${s.seconds} s`);
  for (const d of r.designs) {
    const leak = d.isolation?.leak;
    if (!leak) continue;
    out.push('', `${d.kind} ${d.label} (${d.run.design}) is not isolated: this program observes differently after others`, `# mode: ${leak.mode}`, leak.program.trimEnd());
    out.push(`alone:        [${leak.alone.join(', ')}]`, `after others: [${leak.afterOthers.join(', ')}]`);
  }
  return `${out.join('\n')}\n`;
}
