// The conformance campaign: generate programs, run each on a real CPython, predict it with the
// model, compare; on a divergence fast-check shrinks the program, and the result carries what it
// takes to replay it exactly (seed and path) and to read it (the program, each divergent value).
//
// Programs are screened in batches (screen.ts): no round trip to the interpreter per program.
// Only the first failing program is shrunk, by replaying its run index as fast-check's path, so
// the counterexample and its path are exactly those of a sequential fast-check run. A campaign
// that reports each kind of failure on its own (groups/run-groups.ts) shrinks with a predictor
// that keeps only the first failing program's kind (`focus`), so the shrink cannot wander off to
// another kind of failure.
//
// A run that does not finish normally (timeout, crash, oracle error) does not fail the property: it
// is no evidence against the model, and shrinking toward it would chase the machine's load or an
// interpreter bug instead of the model's. Such runs are counted and kept apart as interpreter
// problems, and the campaign goes on looking for divergences.
import fc from 'fast-check';
import type { Mode, Program } from '../language/ast.ts';
import { predictDetailed } from '../model/predict.ts';
import type { Profile } from '../model/profile.ts';
import type { InterpreterInfo, Oracle, RunStatus } from '../oracle/types.ts';
import type { Extension } from './arbitraries/extensions.ts';
import { programArb } from './arbitraries/program.ts';
import { checkProgram, failed, judge, predictSafely, type Checked, type Predictor } from './checkProgram.ts';
import { describeDivergences, programTextOf } from './describe.ts';
import { locate, type DivergentObservation } from './locate.ts';
import { screen, UNBOUNDED_RUNS, type ScreenFailure } from './screen.ts';
import { Tally, type CampaignTotals, type InterpreterProblem } from './tally.ts';

export type { DivergentObservation } from './locate.ts';

export interface CampaignOptions {
  oracle: Oracle;
  profile: Profile;
  /** How many programs to generate (fast-check's numRuns); unbounded when only `timeLimitMs` is given. */
  runs?: number;
  /** Stop generating after this long (the campaign then reports what it ran). */
  timeLimitMs?: number;
  /** Programs per oracle call while screening. */
  batchSize?: number;
  seed?: number;
  /** With `seed`: replays the counterexample a previous campaign reported. */
  path?: string;
  /** One mode only; all three by default. */
  mode?: Mode;
  maxSteps?: number;
  /** The generator's extensions (default: those `programArb` generates by default). */
  extensions?: readonly Extension[];
  /** Per-program limit handed to the oracle. */
  timeoutMs?: number;
  /** The model; `predictDetailed` unless a test substitutes its own. */
  predict?: Predictor;
  /** Called after each generated program has been compared (not during shrinking). */
  onProgress?: (done: number) => void;
  /** Predict after the oracle has run each batch (see ScreenOptions.predictAfterRun). */
  predictAfterRun?: boolean;
  /**
   * The predictor to shrink with, chosen from the first program the shrink finds failing (the
   * screened one, or the one at a replayed path): `predict` when absent.
   */
  focus?: (program: Program, checked: Checked) => Predictor;
}

/** What a campaign with neither a run count nor a time limit runs. */
export const DEFAULT_RUNS = 2000;

export interface Counterexample {
  kind: 'divergence' | 'model-error';
  mode: Mode;
  /** The shrunk program as runnable Python (its mode is `mode`). */
  source: string;
  program: Program;
  status: RunStatus;
  observed: string[];
  predicted: (string | null)[];
  stopped: string | null;
  divergences: DivergentObservation[];
  /** For `model-error`: what the model threw. */
  modelError: string | null;
  /** Run once more after shrinking: did it fail the same way? (If not, the failure is flaky.) */
  reproduced: boolean;
}

export interface CampaignFailure {
  /** With the seed, `runCampaign({ seed, path })` reproduces this counterexample. */
  path: string;
  shrinks: number;
  counterexample: Counterexample;
}

export interface CampaignResult {
  interpreter: InterpreterInfo;
  profile: Profile;
  seed: number;
  /** Programs generated and compared before the campaign ended. */
  runs: number;
  /** Wall-clock time of the whole campaign, shrinking included. */
  elapsedMs: number;
  /** Of which shrinking the failure (0 without one). */
  shrinkMs: number;
  totals: CampaignTotals;
  /** Runs that did not finish normally (the first few). */
  problems: InterpreterProblem[];
  failure: CampaignFailure | null;
}

/** A divergence found by the property; its message shows the program and the divergent values. */
export class DivergenceError extends Error {
  override name = 'DivergenceError';
}

/** The model threw on a program: reported (and shrunk) like a divergence. */
export class ModelError extends Error {
  override name = 'ModelError';
}

export function randomSeed(): number {
  return (Date.now() ^ (Math.random() * 0x100000000)) | 0;
}

export async function runCampaign(options: CampaignOptions): Promise<CampaignResult> {
  const started = performance.now();
  const { oracle, profile } = options;
  const predict = options.predict ?? predictDetailed;
  const interpreter = await oracle.info();
  const seed = options.seed ?? randomSeed();
  const tally = new Tally();
  const generator = programArb({ mode: options.mode, maxSteps: options.maxSteps, extensions: options.extensions });
  let shrinkStarted: number | undefined;
  const result = (failure: CampaignFailure | null): CampaignResult => ({
    interpreter,
    profile,
    seed,
    runs: tally.totals.programs,
    elapsedMs: performance.now() - started,
    shrinkMs: shrinkStarted === undefined ? 0 : performance.now() - shrinkStarted,
    totals: tally.totals,
    problems: tally.problems,
    failure,
  });

  // A path given by the user: straight to that counterexample, one program at a time.
  if (options.path !== undefined) {
    shrinkStarted = started;
    return result(await shrink(generator, options, predict, seed, options.path, tally));
  }

  const deadline = options.timeLimitMs !== undefined ? Date.now() + options.timeLimitMs : undefined;
  const runs = options.runs ?? (deadline === undefined ? DEFAULT_RUNS : UNBOUNDED_RUNS);
  const screened = await screen({
    oracle,
    profile,
    predict,
    generator,
    seed,
    runs,
    ...(deadline !== undefined ? { deadline } : {}),
    ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}),
    ...(options.batchSize !== undefined ? { batchSize: options.batchSize } : {}),
    ...(options.predictAfterRun === true ? { predictAfterRun: true } : {}),
    onChecked: (checked, program) => {
      tally.add(checked, program.mode);
      options.onProgress?.(tally.totals.programs);
    },
  });
  if (screened.failure === null) return result(null);
  shrinkStarted = performance.now();
  const found = await shrink(generator, options, predict, seed, String(screened.failure.index));
  return result(found ?? (await unreproduced(screened.failure, options, predict)));
}

/**
 * fast-check's own run from `path` (a run index, or a full path to replay): the program at the
 * path, then fast-check's shrinking if it fails. `tally` counts the first program when given (a
 * replay by path counts what it replays). Null when the program at the path does not fail.
 */
async function shrink(
  generator: fc.Arbitrary<Program>,
  options: CampaignOptions,
  predict: Predictor,
  seed: number,
  path: string,
  tally?: Tally,
): Promise<CampaignFailure | null> {
  let first = true;
  let current = predict;
  const property = fc.asyncProperty(generator, async (program) => {
    let checked = await checkProgram(program, options.oracle, options.profile, current, options.timeoutMs);
    if (first && tally) {
      tally.add(checked, program.mode);
      options.onProgress?.(tally.totals.programs);
    }
    if (first && options.focus !== undefined && failed(checked)) {
      // The same run judged again: only what the focus keeps counts from here on.
      current = options.focus(program, checked);
      checked = judge(checked.source, checked.observed, predictSafely(program, options.profile, current));
    }
    first = false;
    if (checked.modelError !== null) throw new ModelError(`${checked.modelError}\n${programTextOf(checked, program.mode)}`);
    if (checked.verdict.divergent > 0) throw new DivergenceError(describeDivergences(checked, program.mode));
  });
  const details = await fc.check(property, { seed, path, numRuns: 1 });
  if (!details.failed) return null;
  if (details.counterexample === null) throw new Error(`the campaign stopped without a counterexample (seed ${details.seed})`);
  const error = details.errorInstance;
  if (!(error instanceof DivergenceError) && !(error instanceof ModelError)) throw error;
  const [program] = details.counterexample;
  return {
    path: details.counterexamplePath,
    shrinks: details.numShrinks,
    counterexample: await replay(program, options, current, error instanceof ModelError ? 'model-error' : 'divergence'),
  };
}

/** A screened failure that did not fail again when replayed: reported as found, unshrunk and flaky. */
async function unreproduced(found: ScreenFailure, options: CampaignOptions, predict: Predictor): Promise<CampaignFailure> {
  const kind = found.checked.modelError !== null ? 'model-error' : 'divergence';
  const counterexample = counterexampleOf(found.program, found.checked, kind);
  return { path: String(found.index), shrinks: 0, counterexample: { ...counterexample, reproduced: false } };
}

/** Runs the shrunk program once more, for its details and to tell a steady failure from a flaky one. */
async function replay(program: Program, options: CampaignOptions, predict: Predictor, kind: Counterexample['kind']): Promise<Counterexample> {
  const checked = await checkProgram(program, options.oracle, options.profile, predict, options.timeoutMs);
  return counterexampleOf(program, checked, kind);
}

function counterexampleOf(program: Program, checked: Checked, kind: Counterexample['kind']): Counterexample {
  return {
    kind,
    mode: program.mode,
    source: checked.source,
    program,
    status: checked.observed.status,
    observed: checked.observed.observations,
    predicted: checked.prediction.observations,
    stopped: checked.prediction.stopped?.reason ?? null,
    divergences: locate(checked, program.mode),
    modelError: checked.modelError,
    reproduced: kind === 'model-error' ? checked.modelError !== null : checked.verdict.divergent > 0,
  };
}
