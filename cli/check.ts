// `cmm check`: the conformance campaign against one CPython, with the profile of the version and
// pointer width that interpreter reports; against several, one after the other (check-all.ts).
import { predictDetailed } from '../model/predict.ts';
import { randomSeed, runCampaign, type CampaignOptions } from '../properties/campaign.ts';
import { CAMPAIGN_OPTIONS, campaignFlags } from './campaign-flags.ts';
import { saveFailureOf } from './save-failure.ts';
import { formatCampaign } from '../properties/campaignReport.ts';
import { RuleCoverage } from '../properties/coverage.ts';
import { shardRuns, shardSeed, type Shard } from '../properties/shard.ts';
import { checkAll } from './check-all.ts';
import { campaignToJson } from './check-json.ts';
import { UsageError } from './errors.ts';
import type { Io } from './io.ts';
import { ORACLE_OPTIONS, selectOracles, withOracle } from './oracle.ts';
import { parseOptions, profileOf, shardOption, stringOption } from './options.ts';
import type { Profile } from '../model/profile.ts';
import { progressLine } from './progress.ts';
import { usage } from './usage.ts';

/** The campaign's settings that do not depend on the interpreter. */
export type CampaignSettings = Pick<CampaignOptions, 'runs' | 'timeLimitMs' | 'seed' | 'path' | 'mode'> & {
  /** Count the rules of the model each prediction fired (one count per interpreter). */
  coverage?: boolean;
  /**
   * Predict with the profile of this CPython version instead of the interpreter's own (its pointer
   * width and build kind kept): what breaks when one version's behaviour is assumed of another.
   */
  pythonVersion?: string;
};

/** The model's profile for an interpreter: its own, or the version --python-version assumes. */
export function campaignProfile(settings: CampaignSettings, info: { version: string; bits: 32 | 64; kind: 'native' | 'embedded' }): Profile {
  return profileOf(settings.pythonVersion ?? info.version, info.bits, info.kind);
}

export async function checkCommand(args: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = parseOptions(args, {
    ...ORACLE_OPTIONS,
    ...CAMPAIGN_OPTIONS,
    shard: { type: 'string' },
    coverage: { type: 'boolean' },
    'python-version': { type: 'string' },
    json: { type: 'boolean' },
  });
  if (values.help === true) return io.out(usage.check), 0;
  if (positionals.length > 0) throw new UsageError(`check takes no FILE arguments (got '${positionals[0]}')`);
  // The shard is checked first: with --path, it is the shard's seed that must be given.
  const shard = shardOption(values);
  if (values.path !== undefined && shard !== undefined) throw new UsageError("--path replays one program: give the shard's own seed (the one its report printed) without --shard");
  const { runs, timeLimitMs, seed, path, mode } = campaignFlags(values, 'a failure');
  const pythonVersion = stringOption(values, 'python-version');
  // A version the model has no profile for is a usage error before any interpreter starts.
  if (pythonVersion !== undefined) profileOf(pythonVersion, 64);
  const settings: CampaignSettings = {
    ...campaignSettings({ runs, timeLimitMs, seed, path, mode, shard }),
    ...(values.coverage === true ? { coverage: true } : {}),
    ...(pythonVersion !== undefined ? { pythonVersion } : {}),
  };

  const selection = await selectOracles(values);
  if (selection.several) return checkAll(selection.entries, settings, values.json === true, io);

  const coverage = settings.coverage === true ? new RuleCoverage() : undefined;
  const result = await withOracle(selection.entries[0]!, async (oracle, info) => {
    const profile = campaignProfile(settings, info);
    const progress = progressLine(io, settings, `checking the model${pythonVersion !== undefined ? ` of CPython ${pythonVersion}` : ''} against ${info.name} (CPython ${info.version})`);
    try {
      const predict = coverage?.counting(predictDetailed);
      return await runCampaign({ oracle, profile, ...settings, ...(predict ? { predict } : {}), onProgress: (done) => progress.update(done) });
    } finally {
      progress.clear();
    }
  });

  if (values.json === true) {
    io.out(coverage === undefined ? campaignToJson(result) : `${JSON.stringify({ ...JSON.parse(campaignToJson(result)), coverage: coverage.toJSON() }, null, 2)}\n`);
  } else {
    const { name, version, bits, executable } = result.interpreter;
    io.out(`interpreter: ${name}${executable !== undefined && executable !== name ? ` (${executable})` : ''}, CPython ${version}, ${bits}-bit\n`);
    if (pythonVersion !== undefined) io.out(`model: the profile of CPython ${pythonVersion} (--python-version), not the interpreter's own\n`);
    if (shard !== undefined) io.out(`shard ${shard.index}/${shard.count}: seed ${result.seed} (replay a failure with this seed alone)\n`);
    io.out(formatCampaign(result));
    // A path from an older version of the generators can lead nowhere: say so rather than look like a pass.
    if (path !== undefined && result.failure === null) io.out(`the replay of path "${path}" found no failure (is the path from another version of cmm?)\n`);
    if (coverage !== undefined) io.out(`\n${coverage.format()}`);
  }
  const saved = saveFailureOf(result, `cmm check --oracle ${result.interpreter.name}${pythonVersion !== undefined ? ` --python-version ${pythonVersion}` : ''}`);
  if (saved !== null && values.json !== true) io.out(`written to ${saved} (cmm replay FILE runs it again, cmm promote FILE makes it a case)\n`);
  return result.failure === null ? 0 : 1;
}

interface Flags {
  runs: number | undefined;
  timeLimitMs: number | undefined;
  seed: number | undefined;
  path: string | undefined;
  mode: CampaignOptions['mode'];
  shard: Shard | undefined;
}

/** A shard runs its share of the programs with a seed of its own, derived from the campaign's. */
function campaignSettings(f: Flags): CampaignSettings {
  const seed = f.shard === undefined ? f.seed : shardSeed(f.seed ?? randomSeed(), f.shard);
  const runs = f.shard === undefined || f.runs === undefined ? f.runs : shardRuns(f.runs, f.shard);
  return {
    ...(runs !== undefined ? { runs } : {}),
    ...(f.timeLimitMs !== undefined ? { timeLimitMs: f.timeLimitMs } : {}),
    ...(seed !== undefined ? { seed } : {}),
    ...(f.path !== undefined ? { path: f.path } : {}),
    ...(f.mode !== undefined ? { mode: f.mode } : {}),
  };
}
