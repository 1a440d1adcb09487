// Screening: the campaign's programs generated exactly as fast-check generates them for a seed
// (fast-check itself draws them, run after run), but run on the oracle in batches instead of one
// round trip each, predicted while the interpreters work, and compared in order. It stops at the
// first program that fails (a divergence or a model error), at the run limit or at the deadline;
// only that one program is then shrunk, by replaying its run index as fast-check's path
// (campaign.ts), which yields exactly the counterexample a sequential fast-check run reports.
import fc from 'fast-check';
import type { Program } from '../language/ast.ts';
import { renderProgram } from '../language/render.ts';
import type { Profile } from '../model/profile.ts';
import type { Oracle, OracleRequest, RunResult } from '../oracle/types.ts';
import { failed, judge, predictSafely, type Checked, type Predicted, type Predictor } from './checkProgram.ts';

export interface ScreenOptions {
  oracle: Oracle;
  profile: Profile;
  predict: Predictor;
  generator: fc.Arbitrary<Program>;
  seed: number;
  /** At most this many programs. */
  runs: number;
  /** No program is generated after this time (Date.now()). */
  deadline?: number;
  timeoutMs?: number;
  /** Programs per oracle call; by default sized to about BATCH_SECONDS of the oracle's work. */
  batchSize?: number;
  /** Called for each compared program in run order, up to and including the first failure. */
  onChecked?: (checked: Checked, program: Program) => void;
  /**
   * Predict each program once its batch has run rather than while it runs: for a predictor that
   * reads what another interpreter answered for the same batch (cmm diff).
   */
  predictAfterRun?: boolean;
}

export interface ScreenFailure {
  /** 0-based run index: fast-check's path to this program is `String(index)`. */
  index: number;
  program: Program;
  checked: Checked;
}

export interface ScreenOutcome {
  /** Programs compared (the failing one included). */
  screened: number;
  failure: ScreenFailure | null;
}

/** A batch holds about this much of the oracle's work: enough to amortize a call, little enough that
 * a deadline is overrun by a fraction of a second. */
const BATCH_SECONDS = 0.1;
const FIRST_BATCH = 8;
const MAX_BATCH = 1024;
/** Batches handed to the oracle ahead of the one being compared. */
const AHEAD = 2;
/** Generated programs between two turns of the event loop (so that answers are read meanwhile). */
const YIELD_EVERY = 16;
/** fast-check's numRuns when only a deadline bounds the campaign. */
export const UNBOUNDED_RUNS = 2 ** 31 - 1;

interface Pending {
  index: number;
  program: Program;
  source: string;
  /** Null until the batch has run, with `predictAfterRun`. */
  predicted: Predicted | null;
}

class StopScreening extends Error {
  override name = 'StopScreening';
}

const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

export async function screen(o: ScreenOptions): Promise<ScreenOutcome> {
  if (o.runs <= 0) return { screened: 0, failure: null };
  const fixed = o.batchSize !== undefined ? Math.max(1, o.batchSize) : undefined;
  let batchSize = fixed ?? FIRST_BATCH;
  let started: number | undefined;
  let answered = 0;
  let buffer: Pending[] = [];
  let next = 0;
  let screened = 0;
  let failure: ScreenFailure | null = null;
  // Batches are compared one after the other, in run order, whatever order the oracle answers in.
  const inFlight: Promise<void>[] = [];
  let compared: Promise<void> = Promise.resolve();

  const flush = (): void => {
    const batch = buffer;
    buffer = [];
    if (batch.length === 0) return;
    const requests = batch.map((p): OracleRequest => ({ source: p.source, mode: p.program.mode, ...(o.timeoutMs !== undefined ? { timeoutMs: o.timeoutMs } : {}) }));
    started ??= performance.now();
    const results = o.oracle.run(requests).then((r) => {
      // The next batches hold about BATCH_SECONDS of work at the rate the oracle has run so far.
      answered += batch.length;
      const seconds = (performance.now() - started!) / 1000;
      if (fixed === undefined && seconds > 0) batchSize = Math.round(Math.min(MAX_BATCH, Math.max(FIRST_BATCH / 2, (answered / seconds) * BATCH_SECONDS)));
      return r;
    });
    compared = compared.then(async () => compare(batch, await results));
    // Until the comparisons before it are done, nothing awaits this batch's answer or comparison:
    // Node would take a rejection there (an oracle closed by Ctrl-C under a running campaign) for
    // an unhandled one and end the process with status 1 before the interrupt's own exit (130).
    // Marked as handled here, they still reject where they are awaited.
    results.catch(() => undefined);
    compared.catch(() => undefined);
    inFlight.push(compared);
  };

  const compare = (batch: Pending[], results: RunResult[]): void => {
    for (let i = 0; i < batch.length && failure === null; i++) {
      const p = batch[i]!;
      const checked = judge(p.source, results[i]!, p.predicted ?? predictSafely(p.program, o.profile, o.predict));
      screened++;
      o.onChecked?.(checked, p.program);
      if (failed(checked)) failure = { index: p.index, program: p.program, checked };
    }
  };

  const property = fc.asyncProperty(o.generator, async (program) => {
    if (failure !== null || (o.deadline !== undefined && Date.now() >= o.deadline)) throw new StopScreening();
    const index = next++;
    const source = renderProgram(program);
    buffer.push({ index, program, source, predicted: o.predictAfterRun === true ? null : predictSafely(program, o.profile, o.predict) });
    if (buffer.length >= batchSize) {
      flush();
      while (inFlight.length > AHEAD) await inFlight.shift();
    } else if (index % YIELD_EVERY === 0) {
      await nextTurn();
    }
  });

  const details = await fc.check(property, { seed: o.seed, numRuns: o.runs, endOnFailure: true });
  if (details.failed && !(details.errorInstance instanceof StopScreening)) throw details.errorInstance;
  flush();
  await Promise.all(inFlight);
  return { screened, failure };
}
