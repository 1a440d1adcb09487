// The options every campaign command takes (cmm check, cmm diff): its budget, its seed and the path
// of one program to replay, its mode, and how many programs run at once.
import { availableParallelism } from 'node:os';
import type { Mode } from '../language/ast.ts';
import { setOracleDefaults } from '../oracle/discover.ts';
import { DEFAULT_RUNS } from '../properties/campaign.ts';
import { UsageError } from './errors.ts';
import { durationOption, integerOption, modeOption, seedOption, stringOption, type OptionSpec, type Parsed } from './options.ts';

export const CAMPAIGN_OPTIONS: OptionSpec = {
  runs: { type: 'string' },
  time: { type: 'string' },
  seed: { type: 'string' },
  path: { type: 'string' },
  mode: { type: 'string' },
  jobs: { type: 'string' },
};

export interface CampaignFlags {
  runs: number | undefined;
  timeLimitMs: number | undefined;
  seed: number | undefined;
  path: string | undefined;
  mode: Mode | undefined;
}

/**
 * Reads the campaign options (`replays` says what a path replays, for its error) and sets the
 * oracles' pool size: a campaign uses every core, for the embedded builds too (whose library
 * default is one child).
 */
export function campaignFlags(values: Parsed['values'], replays: string): CampaignFlags {
  const timeLimitMs = durationOption(values, 'time');
  const runs = integerOption(values, 'runs', timeLimitMs === undefined ? DEFAULT_RUNS : undefined, 1);
  const seed = seedOption(values);
  const path = stringOption(values, 'path');
  if (path !== undefined && seed === undefined) throw new UsageError(`--path replays ${replays} only together with its --seed`);
  const mode = values.mode === undefined ? undefined : modeOption(values);
  const jobs = integerOption(values, 'jobs', undefined, 1);
  setOracleDefaults({ jobs: jobs ?? availableParallelism() });
  return { runs, timeLimitMs, seed, path, mode };
}
