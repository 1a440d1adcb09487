// What the oracle answered for each program lately, for a predictor that needs CPython's values to
// tell which observations to decline (filter.ts): an observation's kind depends on both values.
// Only the latest answers are kept, so that memory stays flat however long a campaign runs; a
// program's answer is that of its latest run (the one being compared, or shrunk), and may be read
// more than once (a shrink judges its first program again with the predictor it focuses on).
import type { Program } from '../../language/ast.ts';
import { renderProgram } from '../../language/render.ts';
import type { Oracle, OracleRequest, RunResult } from '../../oracle/types.ts';

export interface Recorder {
  oracle: Oracle;
  /** What the oracle observed the last time it ran this program (undefined: not run lately). */
  observed(program: Program): readonly string[] | undefined;
}

/** More than a campaign has in flight: a few batches of at most 1024 programs. */
export const KEPT_ANSWERS = 8192;

export const programKey = (source: string, mode: string): string => `${mode}\n${source}`;

/** The latest value for each key, the oldest keys forgotten beyond `kept`. */
export class Latest<T> {
  private readonly values = new Map<string, T>();
  constructor(private readonly kept: number = KEPT_ANSWERS) {}

  set(key: string, value: T): void {
    // Deleted first so that the Map's order is the order of the latest runs.
    this.values.delete(key);
    this.values.set(key, value);
    for (const oldest of this.values.keys()) {
      if (this.values.size <= this.kept) break;
      this.values.delete(oldest);
    }
  }

  get(key: string): T | undefined {
    return this.values.get(key);
  }
}

export function recording(oracle: Oracle, kept: number = KEPT_ANSWERS): Recorder {
  const answers = new Latest<RunResult>(kept);
  return {
    oracle: {
      info: () => oracle.info(),
      close: () => oracle.close(),
      run: async (requests: readonly OracleRequest[]) => {
        const results = await oracle.run(requests);
        requests.forEach((r, i) => answers.set(programKey(r.source, r.mode), results[i]!));
        return results;
      },
    },
    observed: (program) => answers.get(programKey(renderProgram(program), program.mode))?.observations,
  };
}
