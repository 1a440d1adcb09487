// A floor on how fast the native oracle runs tiny programs, far below what it does (about 300 to
// 500 a second on a 2-core machine), to catch a change that makes every program pay for
// something slow (an import, a whole-heap collection, a fresh interpreter).
import { expect, it } from 'vitest';
import { NativeOracle } from './native.ts';

const PROGRAMS = 300;
const FLOOR_PER_SECOND = 40;

it(`runs ${PROGRAMS} tiny programs at more than ${FLOOR_PER_SECOND} a second`, async () => {
  // The real executable, not a pyenv shim: the shim's start-up is not the oracle's speed.
  const probe = new NativeOracle();
  const executable = (await probe.info()).executable;
  await probe.close();
  const oracle = new NativeOracle({ python: executable });
  try {
    await oracle.info();
    const requests = Array.from({ length: PROGRAMS }, (_, i) => ({ source: `x = ${i}\nx\ny = [x, 'a']\nlen(y)`, mode: 'module' as const }));
    const started = performance.now();
    const results = await oracle.run(requests);
    const perSecond = PROGRAMS / ((performance.now() - started) / 1000);
    console.log(`native oracle (${executable}): ${perSecond.toFixed(0)} programs/s`);
    expect(results.map((r) => r.observations)).toEqual(requests.map((_, i) => [String(i), '2']));
    expect(perSecond).toBeGreaterThan(FLOOR_PER_SECOND);
  } finally {
    await oracle.close();
  }
});
