// The campaign's machinery against a scripted oracle and a scripted model: totals, shrinking,
// replay by seed and path, interpreter problems kept apart, model errors, the text report.
import { describe, expect, it } from 'vitest';
import type { Mode, Program } from '../language/ast.ts';
import { renderExpr } from '../language/render.ts';
import type { DetailedPrediction } from '../model/predict.ts';
import { profileFor } from '../model/profile.ts';
import type { InterpreterInfo, Oracle, OracleRequest, RunResult } from '../oracle/types.ts';
import { runCampaign, type CampaignOptions } from './campaign.ts';
import { formatCampaign } from './campaignReport.ts';

/** An oracle whose "CPython" is a function of the source text. */
class ScriptedOracle implements Oracle {
  programs = 0;
  constructor(private readonly answer: (source: string, mode: Mode) => RunResult) {}
  async info(): Promise<InterpreterInfo> {
    return { name: 'scripted', version: '3.11.7', bits: 64, kind: 'native' };
  }
  async run(requests: readonly OracleRequest[]): Promise<RunResult[]> {
    this.programs += requests.length;
    return requests.map((r) => this.answer(r.source, r.mode));
  }
  async close(): Promise<void> {}
}

const COLLECT = 'gc.collect()';
/** The scripted CPython: every top-level `gc.collect()` observes 0, nothing else observes. */
const collectsZero = (source: string): RunResult => ({
  status: 'ok',
  observations: source.split('\n').filter((l) => l === COLLECT).map(() => '0'),
});
const collectsIn = (program: Program) => program.body.filter((s) => s.kind === 'ExprStmt' && renderExpr(s.value) === COLLECT).length;
/** A scripted model that is right about the first collection and wrong about every later one. */
const wrongAfterFirst = (program: Program): DetailedPrediction => ({
  observations: Array.from({ length: collectsIn(program) }, (_, i) => (i === 0 ? '0' : '1')),
});

const profile = profileFor('3.11.7', 64);
// The core generator only: these tests are about the campaign's machinery, and what the default
// generator makes changes as extensions are switched on.
const options = (oracle: Oracle, rest: Partial<CampaignOptions>): CampaignOptions => ({ oracle, profile, runs: 200, seed: 42, extensions: [], ...rest });

describe('runCampaign', () => {
  it('totals every generated program when the model agrees', async () => {
    const oracle = new ScriptedOracle(collectsZero);
    const seen: number[] = [];
    const result = await runCampaign(options(oracle, {
      predict: (p) => ({ observations: Array.from({ length: collectsIn(p) }, () => '0') }),
      onProgress: (n) => seen.push(n),
    }));
    expect(result.failure).toBeNull();
    expect(result.totals.programs).toBe(200);
    expect(result.totals.compared).toBeGreaterThan(0);
    expect(result.totals).toMatchObject({ agreed: result.totals.compared, declined: 0, divergent: 0, divergentPrograms: 0 });
    expect(seen.at(-1)).toBe(200);
  });

  it('counts what the model declines, never as agreement', async () => {
    const oracle = new ScriptedOracle(collectsZero);
    const result = await runCampaign(options(oracle, { predict: () => ({ observations: [], stopped: { reason: 'not yet' } }) }));
    expect(result.totals.compared).toBeGreaterThan(0);
    expect(result.totals).toMatchObject({ agreed: 0, declined: result.totals.compared, divergent: 0 });
  });

  it('shrinks a divergence to a small program and locates each divergent observation', async () => {
    const oracle = new ScriptedOracle(collectsZero);
    const result = await runCampaign(options(oracle, { predict: wrongAfterFirst }));
    const failure = result.failure!;
    expect(failure).not.toBeNull();
    const c = failure.counterexample;
    expect(c.kind).toBe('divergence');
    expect(c.reproduced).toBe(true);
    // Minimal: what the failure needs and nothing else, in the simplest mode.
    expect(c.mode).toBe('module');
    expect(c.source).toBe('import gc\ngc.collect()\ngc.collect()\n');
    expect(c.divergences).toEqual([{ position: 1, line: 3, statement: COLLECT, model: '1', cpython: '0', rules: [] }]);
    expect(result.totals.divergentPrograms).toBe(1);
    expect(result.totals.programs).toBeLessThanOrEqual(200);
  });

  it('replays exactly the same counterexample from its seed and path', async () => {
    const first = await runCampaign(options(new ScriptedOracle(collectsZero), { predict: wrongAfterFirst, seed: 7 }));
    const replayOracle = new ScriptedOracle(collectsZero);
    const again = await runCampaign(options(replayOracle, { predict: wrongAfterFirst, seed: 7, path: first.failure!.path }));
    expect(again.failure!.counterexample.source).toBe(first.failure!.counterexample.source);
    expect(again.failure!.counterexample.mode).toBe(first.failure!.counterexample.mode);
    // A replay goes straight to the counterexample: far fewer programs than the search ran.
    expect(replayOracle.programs).toBeLessThan(first.totals.programs + first.failure!.shrinks);
  });

  it('keeps runs that did not finish apart, as interpreter problems, and does not fail on them', async () => {
    const oracle = new ScriptedOracle((source) =>
      source.includes('del ') ? { status: 'timeout', observations: [], detail: 'ran past 10 s' } : collectsZero(source));
    const result = await runCampaign(options(oracle, { predict: wrongAfterFirst, mode: 'module', runs: 100 }));
    expect(result.totals.timeouts).toBeGreaterThan(0);
    expect(result.problems[0]).toMatchObject({ status: 'timeout', detail: 'ran past 10 s', mode: 'module' });
    expect(result.problems[0]!.source).toContain('del ');
    expect(formatCampaign(result)).toContain('timeouts');
  });

  it('reports a model that throws, with the shrunk program', async () => {
    const oracle = new ScriptedOracle(collectsZero);
    const result = await runCampaign(options(oracle, {
      predict: (p) => {
        if (collectsIn(p) > 0) throw new Error('no rule for gc.collect');
        return { observations: [] };
      },
    }));
    const c = result.failure!.counterexample;
    expect(c.kind).toBe('model-error');
    expect(c.modelError).toBe('Error: no rule for gc.collect');
    expect(c.source).toBe('import gc\ngc.collect()\n');
  });

  it('formats a short report: summary, replay, each divergence, the program with its mode', async () => {
    const result = await runCampaign(options(new ScriptedOracle(collectsZero), { predict: wrongAfterFirst, mode: 'repl' }));
    const text = formatCampaign(result);
    const c = result.failure!.counterexample;
    expect(text).toMatch(/^DIVERGENCE · CPython 3\.11\.7 \(64-bit\) \(scripted\) · \d+ programs · seed 42\n/);
    expect(text).toContain(`replay with seed 42 and path "${result.failure!.path}"`);
    expect(text).toContain(`observation 2 (line ${c.divergences[0]!.line}: gc.collect()): model 1, CPython 0`);
    expect(text).toContain(`# mode: repl\n${c.source.trimEnd()}\n`);
  });
});
