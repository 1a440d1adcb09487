// A progress line on stderr, redrawn in place; only on a terminal (see Io.errIsTTY).
import type { Io } from './io.ts';

export interface Progress {
  update(done: number): void;
  clear(): void;
}

export function progressLine(io: Io, total: number, label: string): Progress {
  if (!io.errIsTTY) return { update: () => {}, clear: () => {} };
  let last = -1;
  let drawn = false;
  return {
    update(done) {
      // Redrawing for every program would flood a slow terminal; once a percent is plenty.
      const step = Math.floor((100 * done) / Math.max(total, 1));
      if (step === last) return;
      last = step;
      drawn = true;
      io.err(`\r${label}: ${done}/${total} programs`);
    },
    clear() {
      if (drawn) io.err('\r\x1b[K');
    },
  };
}
