// A progress line on stderr, redrawn in place; only on a terminal (see Io.errIsTTY).
import type { Io } from './io.ts';

export interface Progress {
  update(done: number): void;
  clear(): void;
}

/** What the campaign runs until: a number of programs, a time limit, or both (whichever comes first). */
export interface Budget {
  runs?: number;
  timeLimitMs?: number;
}

/** At most this often: redrawing for every program would flood a slow terminal. */
const REDRAW_MS = 200;

export function progressLine(io: Io, budget: Budget, label: string, now: () => number = Date.now): Progress {
  if (!io.errIsTTY) return { update: () => {}, clear: () => {} };
  const started = now();
  let last = -Infinity;
  let drawn = false;
  return {
    update(done) {
      const t = now();
      if (t - last < REDRAW_MS && done !== budget.runs) return;
      last = t;
      drawn = true;
      const seconds = (t - started) / 1000;
      const rate = seconds > 0 ? ` · ${Math.round(done / seconds)}/s` : '';
      const of = budget.runs !== undefined && budget.timeLimitMs === undefined ? `/${budget.runs}` : '';
      const left = budget.timeLimitMs !== undefined ? ` · ${Math.max(0, Math.ceil((budget.timeLimitMs - (t - started)) / 1000))} s left` : '';
      io.err(`\r\x1b[K${label}: ${done}${of} programs${rate}${left}`);
    },
    clear() {
      if (drawn) io.err('\r\x1b[K');
    },
  };
}
