// The grouped campaign on one open interpreter (cmm check, one interpreter or several): every group
// of divergences found, shrunk and saved under .cmm/failures/, as a part of the report.
import { predictDetailed } from '../model/predict.ts';
import type { Profile } from '../model/profile.ts';
import type { InterpreterInfo, Oracle } from '../oracle/types.ts';
import type { CampaignOptions } from '../properties/campaign.ts';
import { RuleCoverage } from '../properties/coverage.ts';
import type { GroupKey } from '../properties/groups/key.ts';
import { runGroups, type Group, type GroupsResult } from '../properties/groups/run-groups.ts';
import type { Predictor } from '../properties/checkProgram.ts';
import { checkInvocation, replayCommand, type InterpreterReport, type ReportGroup } from './check-report.ts';
import type { Io } from './io.ts';
import { progressLine } from './progress.ts';
import { saveGroup } from './save-failure.ts';

/** The campaign's settings that do not depend on the interpreter. */
export type CampaignSettings = Pick<CampaignOptions, 'runs' | 'timeLimitMs' | 'path' | 'mode'> & {
  /** One seed for every interpreter: a divergence on one replays with that seed on any other. */
  seed: number;
  /** Count the rules of the model each prediction fired (one count per interpreter). */
  coverage?: boolean;
  /**
   * Predict with the profile of this CPython version instead of the interpreter's own (its pointer
   * width and build kind kept): what breaks when one version's behaviour is assumed of another.
   */
  pythonVersion?: string;
  /** At most this many groups of divergences per interpreter. */
  maxGroups?: number;
  /** Only the divergences of this group (a replay names it). */
  only?: GroupKey;
};

export interface CheckOnOptions {
  /** The working directory, under which failures are saved (.cmm/failures/). */
  dir?: string;
  /** The model (default), or a planted one in tests. */
  predict?: Predictor;
}

export async function checkOn(oracle: Oracle, info: InterpreterInfo, profile: Profile, settings: CampaignSettings, io: Io, options: CheckOnOptions = {}): Promise<InterpreterReport> {
  const dir = options.dir ?? process.cwd();
  const model = options.predict ?? predictDetailed;
  const coverage = settings.coverage === true ? new RuleCoverage() : undefined;
  const assumed = settings.pythonVersion !== undefined ? ` of CPython ${settings.pythonVersion}` : '';
  const progress = progressLine(io, settings, `checking the model${assumed} against ${info.name} (CPython ${info.version})`);
  const { coverage: _coverage, pythonVersion: _version, ...campaign } = settings;
  let result: GroupsResult;
  try {
    const predict = coverage?.counting(model) ?? model;
    result = await runGroups({ oracle, profile, ...campaign, predict, onProgress: (done, groups) => progress.update(done, groups) });
  } finally {
    progress.clear();
  }
  const command = checkInvocation(info.name, settings.pythonVersion ?? null);
  const found = { interpreter: info, profile, seed: result.seed };
  const save = (g: Group): ReportGroup => saveGroup(found, g, replayCommand(command, result.seed, g), dir);
  return {
    name: info.name,
    version: info.version,
    bits: info.bits,
    executable: info.executable ?? null,
    profile,
    problem: null,
    result,
    groups: result.groups.map(save),
    flaky: result.flaky.map(save),
    coverage: coverage ?? null,
  };
}
