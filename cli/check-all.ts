// `cmm check` over several interpreters: the grouped campaign on each in turn (one seed for all,
// each with the profile of its own version and pointer width), one part of the report each.
// An interpreter that cannot start, or has no profile in the model, is a row that says so.
import { profileFor, ProfileError, type Profile } from '../model/profile.ts';
import type { InterpreterEntry } from '../oracle/discover.ts';
import { checkOn, type CampaignSettings } from './check-one.ts';
import type { InterpreterReport } from './check-report.ts';
import type { Io } from './io.ts';
import { tryOracle } from './oracle.ts';

export async function checkAll(entries: readonly InterpreterEntry[], settings: CampaignSettings, io: Io): Promise<InterpreterReport[]> {
  const reports: InterpreterReport[] = [];
  // A time limit is the whole command's: each interpreter gets an equal share of what is left.
  const deadline = settings.timeLimitMs !== undefined ? Date.now() + settings.timeLimitMs : undefined;
  for (const [i, entry] of entries.entries()) {
    const share = deadline === undefined ? {} : { timeLimitMs: Math.max(1, (deadline - Date.now()) / (entries.length - i)) };
    reports.push(await checkEntry(entry, { ...settings, ...share }, io));
  }
  return reports;
}

async function checkEntry(entry: InterpreterEntry, settings: CampaignSettings, io: Io): Promise<InterpreterReport> {
  const outcome = await tryOracle(entry, async (oracle, info): Promise<InterpreterReport> => {
    const profile = profileOrProblem(settings.pythonVersion ?? info.version, info.bits, info.kind);
    if (typeof profile === 'string') return problemRow(entry, info.version, info.bits, profile);
    return checkOn(oracle, info, profile, settings, io);
  });
  return outcome.ok ? outcome.value : problemRow(entry, entry.version, entry.bits, `could not start: ${outcome.error}`);
}

function problemRow(entry: InterpreterEntry, version: string, bits: 32 | 64, problem: string): InterpreterReport {
  return { name: entry.name, version, bits, executable: entry.executable ?? null, profile: null, problem, result: null, groups: [], flaky: [], coverage: null };
}

function profileOrProblem(version: string, bits: 32 | 64, build?: 'native' | 'embedded'): Profile | string {
  try {
    return profileFor(version, bits, build);
  } catch (e) {
    if (e instanceof ProfileError) return e.message;
    throw e;
  }
}
