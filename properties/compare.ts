// One program's verdict: the model's prediction against what CPython observed, position by position.
import type { DetailedPrediction } from '../model/predict.ts';
import type { RunResult, RunStatus } from '../oracle/types.ts';

export interface Divergence {
  /** 0-based index into the list of observations. */
  position: number;
  /** What the model predicted; null when it predicted no observation at this position. */
  model: string | null;
  /** What CPython observed; null when it made no observation at this position. */
  cpython: string | null;
}

export interface Verdict {
  /** The oracle's status; for anything but `ok` every position counts as declined. */
  status: RunStatus;
  /** The oracle's one-line explanation when the status is not `ok`. */
  detail?: string;
  /** Why the model stopped following the program, when it did. */
  stopped?: string;
  compared: number;
  agreed: number;
  declined: number;
  /** The 0-based positions declined, in order (all of them when the run did not finish). */
  declinedAt: number[];
  divergent: number;
  divergences: Divergence[];
}

/**
 * Every position either list reaches is compared once:
 * - agree: both present and equal;
 * - declined: the model said null, or the position lies past where the model stopped, or the run
 *   did not finish normally (timeout, crash, error): such a run is reported apart, never agreement;
 * - diverge: both present and different, or one list is longer although the model did not stop.
 */
export function compare(prediction: DetailedPrediction, observed: RunResult): Verdict {
  const model = prediction.observations;
  const cpython = observed.observations;
  const length = Math.max(model.length, cpython.length);
  const verdict: Verdict = {
    status: observed.status,
    ...(observed.detail !== undefined ? { detail: observed.detail } : {}),
    ...(prediction.stopped !== undefined ? { stopped: prediction.stopped.reason } : {}),
    compared: length,
    agreed: 0,
    declined: 0,
    declinedAt: [],
    divergent: 0,
    divergences: [],
  };
  if (observed.status !== 'ok') {
    verdict.declined = length;
    verdict.declinedAt = Array.from({ length }, (_, i) => i);
    return verdict;
  }
  for (let i = 0; i < length; i++) {
    const m = i < model.length ? model[i]! : undefined;
    const c = i < cpython.length ? cpython[i]! : undefined;
    if (m === null || (m === undefined && prediction.stopped !== undefined)) {
      verdict.declined++;
      verdict.declinedAt.push(i);
    } else if (m === c) {
      verdict.agreed++;
    } else {
      verdict.divergent++;
      verdict.divergences.push({ position: i, model: m ?? null, cpython: c ?? null });
    }
  }
  return verdict;
}

/**
 * `checked`'s observations, compared only where a reference side knows: declined (null) where the
 * reference declines, and cut where it stopped following the program. Used where one prediction
 * plays CPython (cmm diff's sides, the model playing the oracle in the quality tests).
 */
export function withinKnown(known: readonly (string | null)[], knownStopped: boolean, checked: readonly (string | null)[]): (string | null)[] {
  const observations = checked.map((o, i) => (i < known.length && known[i] === null ? null : o));
  if (knownStopped && observations.length > known.length) observations.length = known.length;
  return observations;
}
