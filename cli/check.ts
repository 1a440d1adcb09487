// `cmm check`: the conformance campaign against one CPython, with the profile of the version and
// pointer width that interpreter reports; against several, one after the other (check-all.ts).
import { runCampaign, type CampaignOptions } from '../properties/campaign.ts';
import { formatCampaign } from '../properties/campaignReport.ts';
import { checkAll } from './check-all.ts';
import { campaignToJson } from './check-json.ts';
import { UsageError } from './errors.ts';
import type { Io } from './io.ts';
import { ORACLE_OPTIONS, selectOracles, withOracle } from './oracle.ts';
import { integerOption, modeOption, parseOptions, profileOf, seedOption, stringOption } from './options.ts';
import { progressLine } from './progress.ts';
import { usage } from './usage.ts';

/** The campaign's settings that do not depend on the interpreter. */
export type CampaignSettings = Pick<CampaignOptions, 'runs' | 'seed' | 'path' | 'mode'>;

export async function checkCommand(args: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = parseOptions(args, {
    ...ORACLE_OPTIONS,
    runs: { type: 'string' },
    seed: { type: 'string' },
    path: { type: 'string' },
    mode: { type: 'string' },
    json: { type: 'boolean' },
  });
  if (values.help === true) return io.out(usage.check), 0;
  if (positionals.length > 0) throw new UsageError(`check takes no FILE arguments (got '${positionals[0]}')`);
  const runs = integerOption(values, 'runs', 2000, 1)!;
  const seed = seedOption(values);
  const path = stringOption(values, 'path');
  if (path !== undefined && seed === undefined) throw new UsageError('--path replays a failure only together with its --seed');
  const mode = values.mode === undefined ? undefined : modeOption(values);
  const settings: CampaignSettings = {
    runs,
    ...(seed !== undefined ? { seed } : {}),
    ...(path !== undefined ? { path } : {}),
    ...(mode !== undefined ? { mode } : {}),
  };

  const selection = await selectOracles(values);
  if (selection.several) return checkAll(selection.entries, settings, values.json === true, io);

  const result = await withOracle(selection.entries[0]!, async (oracle, info) => {
    const profile = profileOf(info.version, info.bits, info.kind);
    const progress = progressLine(io, runs, `checking the model against ${info.name} (CPython ${info.version})`);
    try {
      return await runCampaign({ oracle, profile, ...settings, onProgress: (done) => progress.update(done) });
    } finally {
      progress.clear();
    }
  });

  if (values.json === true) {
    io.out(campaignToJson(result));
  } else {
    const { name, version, bits, executable } = result.interpreter;
    io.out(`interpreter: ${name}${executable !== undefined && executable !== name ? ` (${executable})` : ''}, CPython ${version}, ${bits}-bit\n`);
    io.out(formatCampaign(result));
    // A path from an older version of the generators can lead nowhere: say so rather than look like a pass.
    if (path !== undefined && result.failure === null) io.out(`the replay of path "${path}" found no failure (is the path from another version of cmm?)\n`);
  }
  return result.failure === null ? 0 : 1;
}
