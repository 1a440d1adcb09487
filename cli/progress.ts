// A progress line on stderr, redrawn in place; only on a terminal (see Io.errIsTTY), and never in CI
// (the CI variable set), where a job log would keep every redraw.
import type { Io } from './io.ts';

export interface Progress {
  /** `groups`: how many groups of failures are found so far (a campaign that runs again). */
  update(done: number, groups?: number): void;
  clear(): void;
}

/** What the campaign runs until: a number of programs, a time limit, or both (whichever comes first). */
export interface Budget {
  runs?: number;
  timeLimitMs?: number;
}

/** At most this often: redrawing for every program would flood a slow terminal. */
const REDRAW_MS = 200;

/** Set by GitHub Actions, GitLab CI, Travis, CircleCI, Buildkite and most others. */
export function inCi(env: NodeJS.ProcessEnv = process.env): boolean {
  const value = env.CI;
  return value !== undefined && value !== '' && value !== '0' && value.toLowerCase() !== 'false';
}

export function progressLine(io: Io, budget: Budget, label: string, now: () => number = Date.now, env: NodeJS.ProcessEnv = process.env): Progress {
  if (!io.errIsTTY || inCi(env)) return { update: () => {}, clear: () => {} };
  const started = now();
  let last = -Infinity;
  let drawn = false;
  return {
    update(done, groups = 0) {
      const t = now();
      if (t - last < REDRAW_MS && done !== budget.runs) return;
      last = t;
      drawn = true;
      const seconds = (t - started) / 1000;
      const rate = seconds > 0 ? ` · ${Math.round(done / seconds)}/s` : '';
      const of = budget.runs !== undefined && budget.timeLimitMs === undefined ? `/${budget.runs}` : '';
      const left = budget.timeLimitMs !== undefined ? ` · ${Math.max(0, Math.ceil((budget.timeLimitMs - (t - started)) / 1000))} s left` : '';
      const found = groups > 0 ? ` · ${groups} group${groups === 1 ? '' : 's'} found, searching on` : '';
      io.err(`\r\x1b[K${label}: ${done}${of} programs${rate}${left}${found}`);
    },
    clear() {
      if (drawn) io.err('\r\x1b[K');
    },
  };
}
