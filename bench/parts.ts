// What each part of a campaign costs per program, measured apart: drawing programs with fast-check,
// rendering them to Python, predicting them with the model, running them on an oracle (throughput
// over all its workers) and comparing.
import fc from 'fast-check';
import type { Program } from '../language/ast.ts';
import { renderProgram } from '../language/render.ts';
import { predictDetailed } from '../model/predict.ts';
import type { Profile } from '../model/profile.ts';
import type { Oracle, OracleRequest } from '../oracle/types.ts';
import { programArb } from '../properties/arbitraries/program.ts';
import { judge, predictSafely } from '../properties/checkProgram.ts';

export interface PartCosts {
  /** Microseconds per program. */
  generate: number;
  render: number;
  predict: number;
  compare: number;
  oracle: number;
}

const perProgram = (started: number, n: number): number => Number((((performance.now() - started) * 1000) / n).toFixed(1));

/** `n` generated programs (the same for every oracle given the seed). */
export function programs(n: number, seed: number): Program[] {
  return fc.sample(programArb(), { numRuns: n, seed });
}

export async function measureParts(oracle: Oracle, profile: Profile, n: number, seed: number, workers: number): Promise<PartCosts> {
  // A first pass that is not timed: the JIT compiles the model and the generators, and every
  // worker of the oracle's pool starts.
  const warm = programs(400, seed + 1);
  warm.forEach((p) => predictSafely(p, profile, predictDetailed));
  await warmUp(oracle, warm.map((p) => ({ source: renderProgram(p), mode: p.mode })), workers);

  let t = performance.now();
  const drawn = programs(n, seed);
  const generate = perProgram(t, n);
  t = performance.now();
  const requests = drawn.map((p): OracleRequest => ({ source: renderProgram(p), mode: p.mode }));
  const render = perProgram(t, n);
  t = performance.now();
  const predicted = drawn.map((p) => predictSafely(p, profile, predictDetailed));
  const predict = perProgram(t, n);
  t = performance.now();
  const results = await oracle.run(requests);
  const oracleCost = perProgram(t, n);
  t = performance.now();
  results.forEach((r, i) => judge(requests[i]!.source, r, predicted[i]!));
  const compare = perProgram(t, n);
  return { generate, render, predict, compare, oracle: oracleCost };
}

/**
 * Runs programs until the oracle has `workers` interpreter processes (when it says how many it
 * has): starting them is not throughput. Gives up after a minute.
 */
export async function warmUp(oracle: Oracle, requests: readonly OracleRequest[], workers: number): Promise<void> {
  const alive = (): number => ('pids' in oracle && Array.isArray(oracle.pids) ? oracle.pids.length : workers);
  const until = Date.now() + 60_000;
  do await oracle.run(requests.slice(0, 200));
  while (alive() < workers && Date.now() < until);
}

/** The oracle alone: microseconds per program over `requests` (all its workers at work). */
export async function oracleCost(oracle: Oracle, requests: readonly OracleRequest[], workers: number): Promise<number> {
  await warmUp(oracle, requests, workers);
  const t = performance.now();
  await oracle.run(requests);
  return perProgram(t, requests.length);
}
