// What `cmm check` reports, whatever the format (report-text.ts, report-markdown.ts, report-json.ts): for each
// interpreter, the grouped campaign's facts, and for each group the command that replays it and
// the file it was saved to. Everything here follows from the seed and the runs; how long it took
// is kept apart (`timings`), so that the same seed gives the same report byte for byte.
import type { Profile } from '../model/profile.ts';
import type { CampaignFailure } from '../properties/campaign.ts';
import type { RuleCoverage } from '../properties/coverage.ts';
import { formatKey, type GroupKey } from '../properties/groups/key.ts';
import type { Group, GroupsResult } from '../properties/groups/run-groups.ts';

export interface ReportGroup {
  key: GroupKey;
  focus: GroupKey;
  failure: CampaignFailure;
  /** The whole command that replays exactly this group's shrunk program. */
  replay: string;
  /** Where it was saved (relative to the working directory), if it was. */
  file: string | null;
}

export interface InterpreterReport {
  name: string;
  version: string;
  bits: 32 | 64;
  executable: string | null;
  /** The model's profile checked against it; null when there was no campaign. */
  profile: Profile | null;
  /** Why there is no campaign (it could not start, the model has no profile for it). */
  problem: string | null;
  result: GroupsResult | null;
  groups: ReportGroup[];
  flaky: ReportGroup[];
  coverage: RuleCoverage | null;
}

export interface CheckReport {
  seed: number;
  /** The version whose profile the model used instead of each interpreter's own. */
  pythonVersion: string | null;
  /** This job's shard, `i/n`. */
  shard: string | null;
  /** The path replayed, when one was. */
  path: string | null;
  /** Several interpreters were asked for: one row each. */
  several: boolean;
  interpreters: InterpreterReport[];
  /** Add how long it took (which varies from run to run). */
  timings: boolean;
}

/** `cmm check --oracle NAME [--python-version X]`: what every replay command of an interpreter starts with. */
export function checkInvocation(name: string, pythonVersion: string | null): string {
  return `cmm check --oracle ${name}${pythonVersion !== null ? ` --python-version ${pythonVersion}` : ''}`;
}

export function replayCommand(command: string, seed: number, group: Pick<Group, 'focus' | 'failure'>): string {
  return `${command} --seed ${seed} --path "${group.failure.path}" --only "${formatKey(group.focus)}"`;
}

/** A steady divergence or model error: what makes `cmm check` exit 1. */
export function failed(report: CheckReport): boolean {
  return report.interpreters.some((i) => i.groups.length > 0);
}

/** `reference count delta · rules: shared-count-delta, small-int-cache`. */
export function groupTitle(g: ReportGroup): string {
  if (g.failure.counterexample.kind === 'model-error') return 'model error';
  const rules = g.key.rules ?? [];
  return rules.length === 0 ? g.key.kind : `${g.key.kind} · rules: ${rules.join(', ')}`;
}

const percent = (x: number): string => `${(100 * x).toFixed(1)}%`;

/** The share of compared observations declined, as `3.1%`. */
export function declinedPercent(result: GroupsResult): string {
  const t = result.last.totals;
  return percent(t.compared === 0 ? 0 : t.declined / t.compared);
}

/** `12.3 s, 850 programs/s; shrinking took 2.1 s`. */
export function timingText(result: GroupsResult): string {
  const screening = (result.elapsedMs - result.shrinkMs) / 1000;
  const rate = screening <= 0 ? '-' : (result.screened / screening).toFixed(0);
  const shrinking = result.groups.length + result.flaky.length === 0 ? '' : `; shrinking took ${(result.shrinkMs / 1000).toFixed(1)} s`;
  return `${(result.elapsedMs / 1000).toFixed(1)} s, ${rate} programs/s${shrinking}`;
}
