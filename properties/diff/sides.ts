// The two sides `cmm diff` compares: real interpreters (oracles) or the model's profiles of two
// versions. Each runs the same batch and answers observations, null where it cannot say (the
// model declining); a side's failure to run a program is a status, as for an oracle.
import type { Mode } from '../../language/ast.ts';
import { parseProgram } from '../../language/parse.ts';
import { predictDetailed } from '../../model/predict.ts';
import { describeProfile, type Profile } from '../../model/profile.ts';
import type { Oracle, OracleRequest, RunStatus } from '../../oracle/types.ts';

export interface SideResult {
  status: RunStatus;
  observations: (string | null)[];
  /** Everything from `observations.length` on is unknown (the model stopped following the program). */
  stopped?: string;
  detail?: string;
}

export interface Side {
  /** For reports: `CPython 3.11.7 (3.11.7)`, `the model of CPython 3.14.0 (64-bit)`. */
  label: string;
  /** A short name for tables and replay commands. */
  name: string;
  run(requests: readonly OracleRequest[]): Promise<SideResult[]>;
}

export function oracleSide(oracle: Oracle, name: string, version: string): Side {
  return {
    label: `CPython ${version} (${name})`,
    name,
    run: async (requests) => (await oracle.run(requests)).map((r) => ({ status: r.status, observations: r.observations, ...(r.detail !== undefined ? { detail: r.detail } : {}) })),
  };
}

export function modelSide(profile: Profile, version: string): Side {
  return {
    label: `the model of ${describeProfile(profile)}`,
    name: version,
    run: async (requests) => requests.map((r) => predictSource(r.source, r.mode, profile)),
  };
}

function predictSource(source: string, mode: Mode, profile: Profile): SideResult {
  try {
    const p = predictDetailed(parseProgram(source, { mode }), profile);
    return { status: 'ok', observations: p.observations, ...(p.stopped !== undefined ? { stopped: p.stopped.reason } : {}) };
  } catch (e) {
    return { status: 'error', observations: [], detail: `the model threw: ${e instanceof Error ? e.message : String(e)}` };
  }
}
