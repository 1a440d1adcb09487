// Every divergence `cmm check` finds is kept: written under .cmm/failures/ of the working directory.
import { relative } from 'node:path';
import type { CampaignResult } from '../properties/campaign.ts';
import { failureFile, saveFailure } from '../properties/failure-file.ts';

/** Saves a campaign's failure (failure-file.ts); its path relative to the working directory, or null. */
export function saveFailureOf(result: CampaignResult, replayCommand: string): string | null {
  const file = failureFile(result, replayCommand);
  return file === null ? null : relative(process.cwd(), saveFailure(file));
}
