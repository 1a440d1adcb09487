// `cmm check` over several interpreters: the campaign on each in turn (one seed for all, each with
// the profile of its own version and pointer width), one row each, then every shrunk divergence.
// An interpreter that cannot start, or has no profile in the model, is a row that says so.
import { predictDetailed } from '../model/predict.ts';
import { profileFor, ProfileError, type Profile } from '../model/profile.ts';
import type { InterpreterEntry } from '../oracle/discover.ts';
import { randomSeed, runCampaign, type CampaignResult } from '../properties/campaign.ts';
import { formatCampaign } from '../properties/campaignReport.ts';
import { RuleCoverage } from '../properties/coverage.ts';
import { declineRate } from '../properties/tally.ts';
import type { CampaignSettings } from './check.ts';
import { saveFailureOf } from './save-failure.ts';
import { campaignObject } from './check-json.ts';
import type { Io } from './io.ts';
import { tryOracle } from './oracle.ts';
import { progressLine } from './progress.ts';
import { formatTable } from './table.ts';

interface Row {
  entry: InterpreterEntry;
  /** What the interpreter reported, once it started. */
  version: string;
  bits: 32 | 64;
  result?: CampaignResult;
  /** With --coverage: the rules each prediction for this interpreter fired. */
  coverage?: RuleCoverage;
  /** Why there is no campaign for this interpreter. */
  problem?: string;
  /** Where its failure was saved (.cmm/failures/). */
  saved?: string;
}

export async function checkAll(entries: readonly InterpreterEntry[], settings: CampaignSettings, json: boolean, io: Io): Promise<number> {
  // One seed for every interpreter: a divergence on one replays with that seed on any other.
  const seed = settings.seed ?? randomSeed();
  const rows: Row[] = [];
  // A time limit is the whole command's: each interpreter gets an equal share of what is left.
  const deadline = settings.timeLimitMs !== undefined ? Date.now() + settings.timeLimitMs : undefined;
  for (const [i, entry] of entries.entries()) {
    const share = deadline === undefined ? {} : { timeLimitMs: Math.max(1, (deadline - Date.now()) / (entries.length - i)) };
    rows.push(await checkOne(entry, { ...settings, ...share, seed }, io));
  }

  if (json) io.out(`${JSON.stringify(rows.map(rowObject), null, 2)}\n`);
  else io.out(formatRows(rows, seed, settings.pythonVersion));
  return rows.some((r) => r.result?.failure != null) ? 1 : 0;
}

async function checkOne(entry: InterpreterEntry, settings: CampaignSettings, io: Io): Promise<Row> {
  const outcome = await tryOracle(entry, async (oracle, info): Promise<Row> => {
    const row: Row = { entry, version: info.version, bits: info.bits };
    const profile = profileOrProblem(settings.pythonVersion ?? info.version, info.bits, info.kind);
    if (typeof profile === 'string') return { ...row, problem: profile };
    const progress = progressLine(io, settings, `checking the model against ${info.name} (CPython ${info.version})`);
    const coverage = settings.coverage === true ? new RuleCoverage() : undefined;
    const predict = coverage?.counting(predictDetailed);
    try {
      const result = await runCampaign({ oracle, profile, ...settings, ...(predict ? { predict } : {}), onProgress: (done) => progress.update(done) });
      const saved = saveFailureOf(result, `cmm check --oracle ${info.name}${settings.pythonVersion !== undefined ? ` --python-version ${settings.pythonVersion}` : ''}`);
      return { ...row, result, ...(coverage ? { coverage } : {}), ...(saved !== null ? { saved } : {}) };
    } finally {
      progress.clear();
    }
  });
  if (outcome.ok) return outcome.value;
  return { entry, version: entry.version, bits: entry.bits, problem: `could not start: ${outcome.error}` };
}

function profileOrProblem(version: string, bits: 32 | 64, build?: 'native' | 'embedded'): Profile | string {
  try {
    return profileFor(version, bits, build);
  } catch (e) {
    if (e instanceof ProfileError) return e.message;
    throw e;
  }
}

function rowObject(row: Row): Record<string, unknown> {
  if (row.result !== undefined) return { ...campaignObject(row.result), ...(row.coverage ? { coverage: row.coverage.toJSON() } : {}), error: null };
  const { name, executable } = row.entry;
  return { interpreter: { name, version: row.version, bits: row.bits, executable: executable ?? null }, error: row.problem ?? 'not run' };
}

function formatRows(rows: readonly Row[], seed: number, pythonVersion: string | undefined): string {
  const header = ['interpreter', 'version', 'bits', 'programs', 'compared', 'agreed', 'declined', 'divergences'];
  const cells = rows.map((r): string[] => {
    const head = [r.entry.name, r.version, String(r.bits)];
    if (r.result === undefined) return [...head, r.problem ?? 'not run'];
    const t = r.result.totals;
    const failure = r.result.failure;
    const divergences = failure === null ? '0' : failure.counterexample.kind === 'model-error' ? 'MODEL ERROR' : String(t.divergent);
    const declined = `${(100 * (t.compared === 0 ? 0 : declineRate(t))).toFixed(1)}%`;
    return [...head, String(t.programs), String(t.compared), String(t.agreed), declined, divergences];
  });
  const out = [`seed ${seed}`, ...(pythonVersion !== undefined ? [`model: the profile of CPython ${pythonVersion} (--python-version) for every interpreter`] : []), '', formatTable(header, cells).trimEnd()];
  for (const r of rows) {
    if (r.coverage !== undefined) out.push('', `── ${r.entry.name}: ${r.coverage.format().trimEnd()}`);
  }
  for (const r of rows) {
    if (r.result?.failure == null) continue;
    const { failure } = r.result;
    out.push('', `── ${r.entry.name}: CPython ${r.version}, ${r.bits}-bit ──`, formatCampaign(r.result).trimEnd());
    out.push(`replay: cmm check --oracle ${r.entry.name}${pythonVersion !== undefined ? ` --python-version ${pythonVersion}` : ''} --seed ${seed} --path "${failure.path}"`);
    if (r.saved !== undefined) out.push(`written to ${r.saved}`);
  }
  return `${out.join('\n')}\n`;
}
