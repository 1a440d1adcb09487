// The fork server hands every child the same heap, on every native CPython here: a probe whose
// observations depend on addresses (id() values, the order in which a set of instances is torn
// down, which hashes by address) observes exactly the same as the first program of a fresh
// worker and between any other programs, however large, failing, crashing or timing out.
// (The worker that forked from its own request loop did not: what it had parsed shifted the heap.)
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { renderProgram } from '../language/render.ts';
import { programArb } from '../properties/arbitraries/program.ts';
import { discoverInterpreters } from './discover.ts';
import { NativeOracle } from './native.ts';
import type { OracleRequest } from './types.ts';

const PROBE: OracleRequest = {
  mode: 'module',
  source: [
    'import sys',
    'log = []',
    'class C:',
    '    def __init__(self, t):',
    '        self.t = t',
    '    def __del__(self):',
    '        log.append(self.t)',
    's = {C(1), C(2), C(3), C(4), C(5), C(6)}',
    'del s',
    'log',
    'id(object())',
    "x = [1, 'a', 2.5]",
    'id(x)',
    'sys.getrefcount(None)',
    'sys.getrefcount(1)',
  ].join('\n'),
};

/** Generated programs and a few unusual ones: a big source, non-ASCII text, a crash, a timeout. */
function others(): OracleRequest[] {
  const generated = fc.sample(programArb(), { numRuns: 60, seed: 5 }).map((p) => ({ source: renderProgram(p), mode: p.mode }));
  return [
    ...generated.slice(0, 20),
    { source: `x = ${JSON.stringify('ü'.repeat(3000))}\nlen(x)\n${'y = 1\n'.repeat(2000)}`, mode: 'module' },
    ...generated.slice(20, 40),
    { source: 'import os\nos.kill(os.getpid(), 9)', mode: 'module' },
    { source: 'while True: pass', mode: 'module', timeoutMs: 200 },
    ...generated.slice(40),
  ];
}

const natives = (await discoverInterpreters()).filter((e) => e.kind === 'native' && e.available);

describe.each(natives.map((e) => [e.name, e.executable ?? e.name] as const))('the fork server of %s', (_name, python) => {
  it('gives the probe the same heap first in a fresh worker and between 100 other programs', async () => {
    const fresh = new NativeOracle({ python, jobs: 1 });
    const used = new NativeOracle({ python, jobs: 1 });
    try {
      const [alone] = await fresh.run([PROBE]);
      expect(alone!.status).toBe('ok');
      const sequence: OracleRequest[] = [];
      others().forEach((p, i) => {
        if (i % 10 === 0) sequence.push(PROBE);
        sequence.push(p);
      });
      sequence.push(PROBE);
      const results = await used.run(sequence);
      const probes = results.filter((_, i) => sequence[i] === PROBE);
      expect(probes).toHaveLength(Math.ceil((sequence.length - 1) / 11) + 1);
      for (const r of probes) expect(r).toEqual(alone);
    } finally {
      await Promise.all([fresh.close(), used.close()]);
    }
  }, 60_000);
});
