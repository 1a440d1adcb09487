// Quality tests of the harness (issue 6): a known bug planted in a copy of one rule, or in a copy
// of the profile, must be reported by a campaign and shrunk to the smallest program that shows it.
// Against the model playing CPython (deterministic, no interpreter) each shrunk program is asserted
// exactly; against the real python3 the same programs come out, and CPython observes on them what
// the correct model predicts. The same campaign without a planted bug finds nothing, so what each
// test catches is the planted bug.
import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { predictDetailed } from '../../model/predict.ts';
import { profileFor, type Profile } from '../../model/profile.ts';
import type { RuleId } from '../../model/rules.ts';
import { NativeOracle } from '../../oracle/native.ts';
import type { Oracle } from '../../oracle/types.ts';
import { runCampaign, type CampaignResult, type DivergentObservation } from '../campaign.ts';
import { checkProgram, type Predictor } from '../checkProgram.ts';
import { modelOracle } from './model-oracle.ts';
import { PLANTED_BUGS, type PlantedBug } from './planted-bugs.ts';

// Each rule copy stands in for the function it copies while its bug is planted (bug-switch.ts);
// with no bug planted every call goes to the model's own function.
vi.mock('../../model/small-ints.ts', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../model/small-ints.ts')>();
  const { isPlanted } = await import('./bug-switch.ts');
  const copy = await import('./planted-rules.ts');
  const on = (): boolean => isPlanted('small-int-cache-to-1024');
  return {
    ...real,
    smallIntMax: (...a: Parameters<typeof real.smallIntMax>) => (on() ? copy.smallIntMaxAlways1024(...a) : real.smallIntMax(...a)),
    isSmallInt: (...a: Parameters<typeof real.isSmallInt>) => (on() ? copy.isSmallIntTo1024(...a) : real.isSmallInt(...a)),
    newInt: (...a: Parameters<typeof real.newInt>) => (on() ? copy.newIntTo1024(...a) : real.newInt(...a)),
  };
});
vi.mock('../../model/refcount.ts', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../model/refcount.ts')>();
  const { isPlanted } = await import('./bug-switch.ts');
  const copy = await import('./planted-rules.ts');
  return {
    ...real,
    getrefcount: (...a: Parameters<typeof real.getrefcount>) =>
      (isPlanted('getrefcount-forgets-its-argument') ? copy.getrefcountWithoutItsArgument(real, ...a) : real.getrefcount(...a)),
  };
});
vi.mock('../../model/tracking.ts', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../model/tracking.ts')>();
  const { isPlanted } = await import('./bug-switch.ts');
  const copy = await import('./planted-rules.ts');
  return {
    ...real,
    trackedAtCreation: (...a: Parameters<typeof real.trackedAtCreation>) =>
      (isPlanted('dicts-tracked-at-creation') ? copy.trackedAtCreationEveryDict(real, ...a) : real.trackedAtCreation(...a)),
  };
});
vi.mock('../../model/dealloc.ts', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../model/dealloc.ts')>();
  const { isPlanted } = await import('./bug-switch.ts');
  const copy = await import('./planted-rules.ts');
  return {
    ...real,
    callFinalizer: (...a: Parameters<typeof real.callFinalizer>) =>
      (isPlanted('collector-skips-finalizers') ? copy.callFinalizerNotFromCollector(real, ...a) : real.callFinalizer(...a)),
  };
});

/**
 * One campaign for every bug: a fixed seed and few runs. How soon a bug shows depends on the seed:
 * with this one the five show at runs 56, 4, 7, 253 and 9. How far shrinking goes depends on it
 * too: of seeds 1 to 150, 5 (2, 8, 112, 119, 135) show all five within 300 runs and shrink each to its
 * smallest program; with others shrinking may stop at a larger one, such as an instance of a
 * class with a finalizer where a list would do, or the observation inside a called function.
 */
const SEED = 8;
const RUNS = 300;

interface Expected {
  /** The shrunk program (module mode), exactly. */
  source: string;
  /** Its one divergent observation (the model's value is the planted bug's). */
  divergence: Omit<DivergentObservation, 'rules'>;
  /** A rule the report names for that observation: the one the bug was planted in. */
  rule: RuleId;
}

// Why each is the smallest program that shows its bug is said beside it. The generator observes
// names, never literals: `sys.getrefcount([])` is not a program it can write.
const EXPECTED: Readonly<Record<string, Expected>> = {
  // One statement: 1000 is made at run time, freed, and 1001 takes its block; with 1000 and
  // 1001 in the cache neither is freed (one of the generator's memory-reuse observations).
  'small-int-cache-to-1024': {
    source: "id(int('1000')) == id(int('1001'))\n",
    divergence: { position: 0, line: 1, statement: "id(int('1000')) == id(int('1001'))", model: 'False', cpython: 'True' },
    rule: 'small-int-cache',
  },
  // An object whose count the model knows (not a shared one, such as a small int), a name
  // holding it, the count.
  'getrefcount-forgets-its-argument': {
    source: 'import sys\na = []\nsys.getrefcount(a)\n',
    divergence: { position: 0, line: 3, statement: 'sys.getrefcount(a)', model: '1', cpython: '2' },
    rule: 'getrefcount-argument',
  },
  // The empty dict, asked at once.
  'dicts-tracked-at-creation': {
    source: 'import gc\na = {}\ngc.is_tracked(a)\n',
    divergence: { position: 0, line: 3, statement: 'gc.is_tracked(a)', model: 'True', cpython: 'False' },
    rule: 'gc-dict-tracking',
  },
  // The generator's class R (its prelude comes with `log` and `keep`), whose __del__ makes the
  // object reachable again: run by the collector before it counts, nothing is left to count
  // (3.9+); left to run when clearing frees the object, the object is counted. A cycle of one,
  // dropped, collected. (A class whose __del__ only logs shows nothing: it runs either way.)
  'collector-skips-finalizers': {
    source: "import gc\nlog = []\nkeep = []\nclass R:\n    def __del__(self):\n        log.append('R')\n        keep.append(self)\na = R()\na.me = a\ndel a\ngc.collect()\n",
    divergence: { position: 0, line: 11, statement: 'gc.collect()', model: '1', cpython: '0' },
    rule: 'gc-unreachable-count',
  },
  // One hash of a str: SipHash-1-3 natively, FNV in the copied profile. From the first failing
  // program shrinking reaches a tuple holding the str, one statement; the report names the rule
  // of the tuple's hash, which mixes the str's (the str's own rule is not reported under it).
  'native-profile-hashing-with-fnv': {
    source: "hash((1, 'a'))\n",
    divergence: { position: 0, line: 1, statement: "hash((1, 'a'))", model: '-1431477477019126071', cpython: '3906047847676358913' },
    rule: 'hash-tuple',
  },
};

const expectedOf = (bug: PlantedBug): Expected => {
  const e = EXPECTED[bug.name];
  if (e === undefined) throw new Error(`no expected counterexample for the planted bug ${bug.name}`);
  return e;
};

const campaign = (oracle: Oracle, predict: Predictor, profile: Profile): Promise<CampaignResult> =>
  runCampaign({ oracle, predict, profile, seed: SEED, runs: RUNS });

/** The failure a campaign reports for a planted bug is the expected one, exactly. */
function expectCounterexample(result: CampaignResult, expected: Expected): void {
  expect(result.failure, 'the campaign found no divergence').not.toBeNull();
  expect(result.runs).toBeLessThanOrEqual(RUNS);
  const c = result.failure!.counterexample;
  expect(c).toMatchObject({ kind: 'divergence', reproduced: true, mode: 'module', status: 'ok' });
  expect(c.source).toBe(expected.source);
  expect(c.divergences.map(({ rules: _rules, ...d }) => d)).toEqual([expected.divergence]);
  expect(c.divergences[0]!.rules).toContain(expected.rule);
}

/** The correct model, run on the shrunk program, agrees with the oracle where the bug diverged. */
async function expectCorrectModelAgrees(result: CampaignResult, oracle: Oracle, predict: Predictor, profile: Profile, expected: Expected): Promise<void> {
  const checked = await checkProgram(result.failure!.counterexample.program, oracle, profile, predict);
  expect(checked.verdict.divergent).toBe(0);
  expect(checked.observed.observations[expected.divergence.position]).toBe(expected.divergence.cpython);
  expect(checked.prediction.observations[expected.divergence.position]).toBe(expected.divergence.cpython);
}

describe(`planted bugs, with the model of CPython 3.11.7 playing the interpreter (seed ${SEED}, ${RUNS} runs)`, () => {
  const profile = profileFor('3.11.7', 64, 'native');
  const correct = modelOracle(profile, predictDetailed);

  it.each(PLANTED_BUGS.map((bug) => [bug.name, bug] as const))('%s: found and shrunk to the smallest program that shows it', async (_name, bug) => {
    const expected = expectedOf(bug);
    const { oracle, predict } = modelOracle(profile, bug.predict);
    const result = await campaign(oracle, predict, profile);
    expectCounterexample(result, expected);
    await expectCorrectModelAgrees(result, correct.oracle, correct.predict, profile, expected);
  });

  it('finds nothing with no bug planted: the same seed and runs, every program agreeing', async () => {
    const result = await campaign(correct.oracle, correct.predict, profile);
    expect(result.failure).toBeNull();
    expect(result.runs).toBe(RUNS);
    expect(result.totals.divergent).toBe(0);
    expect(result.totals.agreed).toBeGreaterThan(RUNS);
  });
});

/** python3 on PATH, if it is a CPython 3.11 (the expected programs and values are 3.11's). */
function python311(): { ok: true } | { ok: false; why: string } {
  const r = spawnSync('python3', ['-c', 'import sys; print("%d.%d.%d" % sys.version_info[:3])'], { encoding: 'utf8', timeout: 20_000 });
  if (r.status !== 0) return { ok: false, why: 'no python3 on PATH' };
  const version = r.stdout.trim();
  return version.startsWith('3.11.') ? { ok: true } : { ok: false, why: `python3 is CPython ${version}, not 3.11` };
}
const native = python311();

describe.skipIf(!native.ok)(`planted bugs, on the real python3 (seed ${SEED}, ${RUNS} runs)${native.ok ? '' : ` (skipped: ${native.why})`}`, () => {
  let oracle: NativeOracle | undefined;
  let profile: Profile;

  beforeAll(async () => {
    // One worker: the campaigns are short, and the machine may be busy with other work.
    oracle = new NativeOracle({ python: 'python3', jobs: 1 });
    const info = await oracle.info();
    profile = profileFor(info.version, info.bits, info.kind);
  });
  afterAll(async () => {
    await oracle?.close();
  });

  it.each(PLANTED_BUGS.map((bug) => [bug.name, bug] as const))('%s: found on CPython and shrunk to the same program', async (_name, bug) => {
    const expected = expectedOf(bug);
    const result = await campaign(oracle!, bug.predict, profile);
    expectCounterexample(result, expected);
    await expectCorrectModelAgrees(result, oracle!, predictDetailed, profile, expected);
  });

  it('finds nothing with no bug planted: the correct model agrees with CPython on the same programs', async () => {
    const result = await campaign(oracle!, predictDetailed, profile);
    expect(result.failure).toBeNull();
    expect(result.runs).toBe(RUNS);
    expect(result.totals).toMatchObject({ divergent: 0, timeouts: 0, crashes: 0, errors: 0 });
  });
});
