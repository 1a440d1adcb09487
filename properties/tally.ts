// Totals over many compared programs, and the runs that did not finish normally, kept apart.
import type { Mode } from '../language/ast.ts';
import type { RunStatus } from '../oracle/types.ts';
import type { Checked } from './checkProgram.ts';

export interface CampaignTotals {
  /** Programs run and compared, whatever their status. */
  programs: number;
  /** Observation positions compared (agreed + declined + divergent). */
  compared: number;
  agreed: number;
  declined: number;
  divergent: number;
  /** Programs that diverged somewhere. */
  divergentPrograms: number;
  timeouts: number;
  crashes: number;
  errors: number;
}

/** A run that did not finish normally: an interpreter (or oracle) problem, not a model divergence. */
export interface InterpreterProblem {
  status: Exclude<RunStatus, 'ok'>;
  detail: string | null;
  mode: Mode;
  source: string;
}

/** Problems beyond this many are counted but not kept. */
export const MAX_KEPT_PROBLEMS = 10;

export function emptyTotals(): CampaignTotals {
  return { programs: 0, compared: 0, agreed: 0, declined: 0, divergent: 0, divergentPrograms: 0, timeouts: 0, crashes: 0, errors: 0 };
}

export class Tally {
  readonly totals = emptyTotals();
  readonly problems: InterpreterProblem[] = [];

  add(checked: Checked, mode: Mode): void {
    const t = this.totals;
    const v = checked.verdict;
    t.programs++;
    t.compared += v.compared;
    t.agreed += v.agreed;
    t.declined += v.declined;
    t.divergent += v.divergent;
    if (v.divergent > 0) t.divergentPrograms++;
    if (v.status === 'ok') return;
    if (v.status === 'timeout') t.timeouts++;
    else if (v.status === 'crash') t.crashes++;
    else t.errors++;
    if (this.problems.length < MAX_KEPT_PROBLEMS) {
      this.problems.push({ status: v.status, detail: v.detail ?? null, mode, source: checked.source });
    }
  }
}

/** The share of compared observations the model declined; 1 when nothing was compared. */
export function declineRate(totals: CampaignTotals): number {
  return totals.compared === 0 ? 1 : totals.declined / totals.compared;
}
