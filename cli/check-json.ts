// `cmm check --json`: the campaign's facts as one JSON object (the same facts as the text report).
import type { CampaignResult } from '../properties/campaign.ts';
import { declineRate } from '../properties/tally.ts';

export function campaignToJson(result: CampaignResult): string {
  return `${JSON.stringify(campaignObject(result), null, 2)}\n`;
}

export function campaignObject(result: CampaignResult): Record<string, unknown> {
  const t = result.totals;
  const failure = result.failure;
  const c = failure?.counterexample;
  const object = {
    interpreter: {
      name: result.interpreter.name,
      version: result.interpreter.version,
      bits: result.interpreter.bits,
      executable: result.interpreter.executable ?? null,
    },
    profile: `${result.profile.major}.${result.profile.minor}.${result.profile.patch}`,
    seed: result.seed,
    programs: t.programs,
    observations: {
      compared: t.compared,
      agreed: t.agreed,
      declined: t.declined,
      declinedPercent: Number((100 * (t.compared === 0 ? 0 : declineRate(t))).toFixed(1)),
      divergent: t.divergent,
    },
    divergentPrograms: t.divergentPrograms,
    interpreterProblems: { timeouts: t.timeouts, crashes: t.crashes, errors: t.errors, first: result.problems },
    failure:
      failure === null || c === undefined
        ? null
        : {
            kind: c.kind,
            seed: result.seed,
            path: failure.path,
            shrinks: failure.shrinks,
            reproduced: c.reproduced,
            mode: c.mode,
            source: c.source,
            status: c.status,
            divergences: c.divergences,
            observed: c.observed,
            predicted: c.predicted,
            stopped: c.stopped,
            modelError: c.modelError,
          },
  };
  return object;
}
