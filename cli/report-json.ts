// `cmm check --json`: the report's facts for machines. One object for one interpreter, an array of
// them for several. `groups` holds every steady divergence (and model error) shrunk on its own,
// `flaky` those that did not fail again; `failure` is the first group, as before groups existed.
// Times appear only with --timings: the rest is the same for the same seed and runs.
import { formatKey } from '../properties/groups/key.ts';
import { declinedPercent, timingText, type CheckReport, type InterpreterReport, type ReportGroup } from './check-report.ts';

export function formatJson(report: CheckReport): string {
  const objects = report.interpreters.map((ir) => interpreterObject(report, ir));
  return `${JSON.stringify(report.several ? objects : objects[0], null, 2)}\n`;
}

function interpreterObject(report: CheckReport, ir: InterpreterReport): Record<string, unknown> {
  const interpreter = { name: ir.name, version: ir.version, bits: ir.bits, executable: ir.executable };
  const result = ir.result;
  if (result === null || ir.profile === null) return { interpreter, error: ir.problem ?? 'not run' };
  const t = result.last.totals;
  const first = ir.groups[0];
  return {
    interpreter,
    profile: `${ir.profile.major}.${ir.profile.minor}.${ir.profile.patch}`,
    seed: result.seed,
    programs: t.programs,
    observations: {
      compared: t.compared,
      agreed: t.agreed,
      declined: t.declined,
      declinedPercent: Number(declinedPercent(result).replace('%', '')),
      divergent: t.divergent,
    },
    divergentPrograms: t.divergentPrograms,
    interpreterProblems: { timeouts: t.timeouts, crashes: t.crashes, errors: t.errors, first: result.last.problems },
    campaigns: result.campaigns,
    capped: result.capped,
    failure: first === undefined ? null : groupObject(result.seed, first),
    groups: ir.groups.map((g) => groupObject(result.seed, g)),
    flaky: ir.flaky.map((g) => groupObject(result.seed, g)),
    ...(ir.coverage !== null ? { coverage: ir.coverage.toJSON() } : {}),
    ...(report.timings ? { timings: { elapsedMs: Math.round(result.elapsedMs), shrinkMs: Math.round(result.shrinkMs), programs: result.screened, text: timingText(result) } } : {}),
    ...(report.several ? { error: null } : {}),
  };
}

function groupObject(seed: number, g: ReportGroup): Record<string, unknown> {
  const c = g.failure.counterexample;
  return {
    kind: c.kind,
    group: { kind: g.key.kind, rules: g.key.rules ?? [] },
    only: formatKey(g.focus),
    seed,
    path: g.failure.path,
    shrinks: g.failure.shrinks,
    reproduced: c.reproduced,
    mode: c.mode,
    source: c.source,
    status: c.status,
    divergences: c.divergences,
    observed: c.observed,
    predicted: c.predicted,
    stopped: c.stopped,
    modelError: c.modelError,
    replay: g.replay,
    file: g.file,
  };
}
