// `cmm check`: the conformance campaign against one CPython, with the profile of the version and
// pointer width that interpreter reports; against several, one after the other (check-all.ts).
// Each group of divergences is shrunk and reported on its own (properties/groups/run-groups.ts),
// as text, Markdown or JSON (report-*.ts).
import { profileOf, parseOptions, integerOption, shardOption, stringOption } from './options.ts';
import { randomSeed } from '../properties/campaign.ts';
import { KeyError, parseKey, type GroupKey } from '../properties/groups/key.ts';
import { DEFAULT_MAX_GROUPS } from '../properties/groups/run-groups.ts';
import { shardRuns, shardSeed, type Shard } from '../properties/shard.ts';
import { CAMPAIGN_OPTIONS, campaignFlags, type CampaignFlags } from './campaign-flags.ts';
import { checkAll } from './check-all.ts';
import { checkOn, type CampaignSettings } from './check-one.ts';
import { failed, type CheckReport } from './check-report.ts';
import { UsageError } from './errors.ts';
import type { Io } from './io.ts';
import { ORACLE_OPTIONS, selectOracles, withOracle } from './oracle.ts';
import { formatJson } from './report-json.ts';
import { formatMarkdown } from './report-markdown.ts';
import { formatText } from './report-text.ts';
import { usage } from './usage.ts';
import type { Profile } from '../model/profile.ts';

export type Format = 'text' | 'markdown' | 'json';
const FORMATS: readonly Format[] = ['text', 'markdown', 'json'];

/** The model's profile for an interpreter: its own, or the version --python-version assumes. */
export function campaignProfile(settings: Pick<CampaignSettings, 'pythonVersion'>, info: { version: string; bits: 32 | 64; kind: 'native' | 'embedded' }): Profile {
  return profileOf(settings.pythonVersion ?? info.version, info.bits, info.kind);
}

export async function checkCommand(args: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = parseOptions(args, {
    ...ORACLE_OPTIONS,
    ...CAMPAIGN_OPTIONS,
    shard: { type: 'string' },
    coverage: { type: 'boolean' },
    'python-version': { type: 'string' },
    'max-groups': { type: 'string' },
    only: { type: 'string' },
    format: { type: 'string' },
    json: { type: 'boolean' },
    markdown: { type: 'boolean' },
    timings: { type: 'boolean' },
  });
  if (values.help === true) return io.out(usage.check), 0;
  if (positionals.length > 0) throw new UsageError(`check takes no FILE arguments (got '${positionals[0]}')`);
  const format = formatOption(values);
  // The shard is checked first: with --path, it is the shard's seed that must be given.
  const shard = shardOption(values);
  if (values.path !== undefined && shard !== undefined) throw new UsageError("--path replays one program: give the shard's own seed (the one its report printed) without --shard");
  const flags = campaignFlags(values, 'a failure');
  const pythonVersion = stringOption(values, 'python-version');
  // A version the model has no profile for is a usage error before any interpreter starts.
  if (pythonVersion !== undefined) profileOf(pythonVersion, 64);
  const maxGroups = integerOption(values, 'max-groups', DEFAULT_MAX_GROUPS, 1)!;
  const only = onlyOption(stringOption(values, 'only'));
  const settings: CampaignSettings = {
    ...campaignSettings(flags, shard),
    maxGroups,
    ...(only !== undefined ? { only } : {}),
    ...(values.coverage === true ? { coverage: true } : {}),
    ...(pythonVersion !== undefined ? { pythonVersion } : {}),
  };

  const selection = await selectOracles(values);
  const interpreters = selection.several
    ? await checkAll(selection.entries, settings, io)
    : [await withOracle(selection.entries[0]!, (oracle, info) => checkOn(oracle, info, campaignProfile(settings, info), settings, io))];
  const report: CheckReport = {
    seed: settings.seed,
    pythonVersion: pythonVersion ?? null,
    shard: shard === undefined ? null : `${shard.index}/${shard.count}`,
    path: flags.path ?? null,
    several: selection.several,
    interpreters,
    timings: values.timings === true,
  };
  io.out(format === 'json' ? formatJson(report) : format === 'markdown' ? formatMarkdown(report) : formatText(report));
  return failed(report) ? 1 : 0;
}

function formatOption(values: Record<string, unknown>): Format {
  const chosen = [
    ...(typeof values.format === 'string' ? [values.format] : []),
    ...(values.json === true ? ['json'] : []),
    ...(values.markdown === true ? ['markdown'] : []),
  ];
  const unknown = chosen.find((f) => !(FORMATS as readonly string[]).includes(f));
  if (unknown !== undefined) throw new UsageError(`--format expects one of ${FORMATS.join(', ')}, not '${unknown}'`);
  if (new Set(chosen).size > 1) throw new UsageError(`choose one format: ${chosen.map((f) => `--${f === 'text' ? 'format text' : f}`).join(' or ')}`);
  return (chosen[0] as Format | undefined) ?? 'text';
}

function onlyOption(text: string | undefined): GroupKey | undefined {
  if (text === undefined) return undefined;
  try {
    return parseKey(text);
  } catch (e) {
    if (e instanceof KeyError) throw new UsageError(`--only: ${e.message}`);
    throw e;
  }
}

/** A shard runs its share of the programs with a seed of its own, derived from the campaign's. */
function campaignSettings(f: CampaignFlags, shard: Shard | undefined): CampaignSettings {
  const seed = shard === undefined ? (f.seed ?? randomSeed()) : shardSeed(f.seed ?? randomSeed(), shard);
  const runs = shard === undefined || f.runs === undefined ? f.runs : shardRuns(f.runs, shard);
  return {
    seed,
    ...(runs !== undefined ? { runs } : {}),
    ...(f.timeLimitMs !== undefined ? { timeLimitMs: f.timeLimitMs } : {}),
    ...(f.path !== undefined ? { path: f.path } : {}),
    ...(f.mode !== undefined ? { mode: f.mode } : {}),
  };
}
