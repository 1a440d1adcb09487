// Screening in batches finds, shrinks and reports exactly what a sequential fast-check run of the
// same property finds, shrinks and reports, while the oracle sees batches instead of one program
// per round trip; a deadline ends a campaign that has no run count.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Mode, Program } from '../language/ast.ts';
import { renderExpr, renderProgram } from '../language/render.ts';
import type { DetailedPrediction } from '../model/predict.ts';
import { profileFor } from '../model/profile.ts';
import type { InterpreterInfo, Oracle, OracleRequest, RunResult } from '../oracle/types.ts';
import { programArb } from './arbitraries/program.ts';
import { runCampaign } from './campaign.ts';
import { checkProgram } from './checkProgram.ts';

/** An oracle whose "CPython" is a function of the source text, recording the size of each call. */
class ScriptedOracle implements Oracle {
  calls: number[] = [];
  constructor(
    private readonly answer: (source: string) => RunResult,
    private readonly delayMs = 0,
  ) {}
  async info(): Promise<InterpreterInfo> {
    return { name: 'scripted', version: '3.11.7', bits: 64, kind: 'native' };
  }
  async run(requests: readonly OracleRequest[]): Promise<RunResult[]> {
    this.calls.push(requests.length);
    if (this.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, this.delayMs));
    return requests.map((r) => this.answer(r.source));
  }
  async close(): Promise<void> {}
}

const COLLECT = 'gc.collect()';
const collectsZero = (source: string): RunResult => ({ status: 'ok', observations: source.split('\n').filter((l) => l === COLLECT).map(() => '0') });
const collectsIn = (program: Program) => program.body.filter((s) => s.kind === 'ExprStmt' && renderExpr(s.value) === COLLECT).length;
/** Right about the first two collections of a program, wrong about any later one: failures are rare. */
const wrongAfterTwo = (program: Program): DetailedPrediction => ({
  observations: Array.from({ length: collectsIn(program) }, (_, i) => (i < 2 ? '0' : '1')),
});
const profile = profileFor('3.11.7', 64);
/** A model that declines everything: nothing ever diverges. */
const declines = (): DetailedPrediction => ({ observations: [], stopped: { reason: 'declines' } });

describe('screening', () => {
  it.each([1, 3, 11])('finds, shrinks and reports what a sequential fast-check run does (seed %i)', async (seed) => {
    const generator = programArb({ extensions: [] });
    const sequentialOracle = new ScriptedOracle(collectsZero);
    const sequential = await fc.check(
      fc.asyncProperty(generator, async (program) => {
        const checked = await checkProgram(program, sequentialOracle, profile, wrongAfterTwo);
        if (checked.verdict.divergent > 0) throw new Error('divergence');
      }),
      { seed, numRuns: 3000 },
    );
    const screened = await runCampaign({ oracle: new ScriptedOracle(collectsZero), profile, predict: wrongAfterTwo, seed, runs: 3000, extensions: [], batchSize: 64 });
    expect(sequential.failed).toBe(true);
    expect(screened.failure?.path).toBe(sequential.counterexamplePath);
    expect(screened.failure?.shrinks).toBe(sequential.numShrinks);
    const [shrunk] = sequential.counterexample as [Program];
    expect(screened.failure?.counterexample.source).toBe(renderProgram(shrunk));
    // The programs before the failing one and the failing one itself, as a sequential run counts them.
    expect(screened.totals.programs).toBe(Number(sequential.counterexamplePath!.split(':')[0]) + 1);
  });

  it('sends the oracle batches, not one program per call', async () => {
    const oracle = new ScriptedOracle(collectsZero);
    const result = await runCampaign({ oracle, profile, predict: declines, seed: 5, runs: 1000, extensions: [], batchSize: 100 });
    expect(result.totals.programs).toBe(1000);
    expect(oracle.calls).toEqual(Array.from({ length: 10 }, () => 100));
  });

  it('counts each program once, in run order, and none after the first failure', async () => {
    const seen: number[] = [];
    const result = await runCampaign({
      oracle: new ScriptedOracle(collectsZero),
      profile,
      predict: wrongAfterTwo,
      seed: 3,
      runs: 3000,
      extensions: [],
      batchSize: 50,
      onProgress: (n) => seen.push(n),
    });
    expect(seen).toEqual(Array.from({ length: result.totals.programs }, (_, i) => i + 1));
    expect(result.totals.divergentPrograms).toBe(1);
  });

  it('stops at its deadline when it has no run count', async () => {
    const oracle = new ScriptedOracle(collectsZero, 20);
    const started = Date.now();
    const result = await runCampaign({ oracle, profile, predict: declines, seed: 9, timeLimitMs: 300, extensions: [], batchSize: 32 });
    const elapsed = Date.now() - started;
    expect(result.failure).toBeNull();
    expect(result.totals.programs).toBeGreaterThan(0);
    expect(elapsed).toBeGreaterThanOrEqual(300);
    expect(elapsed).toBeLessThan(3000);
  });

  it('reports a failure that does not happen again as unshrunk and flaky', async () => {
    let calls = 0;
    // Diverges the first time it sees a collection, never again.
    const flaky = (source: string): RunResult => (source.includes(COLLECT) && calls++ === 0 ? { status: 'ok', observations: ['9'] } : collectsZero(source));
    const result = await runCampaign({
      oracle: new ScriptedOracle(flaky),
      profile,
      predict: (p: Program) => ({ observations: Array.from({ length: collectsIn(p) }, () => '0') }),
      seed: 4,
      runs: 500,
      extensions: [],
      mode: 'module' as Mode,
    });
    expect(result.failure).not.toBeNull();
    expect(result.failure!.shrinks).toBe(0);
    expect(result.failure!.path).toMatch(/^\d+$/);
    expect(result.failure!.counterexample.reproduced).toBe(false);
  });

  it("rejects with the oracle's error when a batch fails while an earlier one is still out, and leaves no rejection unhandled", async () => {
    // What Ctrl-C does to `cmm check`: the oracle is closed under the campaign, and the batches
    // still queued behind a slow one are refused. Unhandled, such a refusal ended the process
    // with status 1 before the interrupt's own exit (cli/interrupt.test.ts).
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown): void => {
      unhandled.push(reason);
    };
    process.on('unhandledRejection', onUnhandled);
    try {
      let calls = 0;
      const oracle: Oracle = {
        info: async () => ({ name: 'scripted', version: '3.11.7', bits: 64, kind: 'native' }),
        run: async (requests) => {
          calls++;
          if (calls > 1) throw new Error('the oracle for scripted is closed');
          await new Promise((resolve) => setTimeout(resolve, 300));
          return requests.map((r) => collectsZero(r.source));
        },
        close: async () => {},
      };
      await expect(runCampaign({ oracle, profile, predict: declines, seed: 4, runs: 1000, extensions: [], batchSize: 50 })).rejects.toThrow('the oracle for scripted is closed');
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(unhandled).toEqual([]);
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
  });
});
