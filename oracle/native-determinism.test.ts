// Two workers of the same interpreter start alike: with address randomization off (worker.py
// re-executes itself under the Linux personality flag), details that depend on addresses — the
// count of references to None, the address id() reports — repeat from worker to worker.
import { afterAll, expect, it } from 'vitest';
import { NativeOracle } from './native.ts';

const oracles = [new NativeOracle(), new NativeOracle(), new NativeOracle()];
afterAll(() => Promise.all(oracles.map((o) => o.close())));

it.skipIf(process.platform !== 'linux')('observes the same interpreter-wide details in separate workers', async () => {
  const program = { source: 'import sys\nsys.getrefcount(None)\nid(object())\nsys.getrefcount(0)\n', mode: 'module' as const };
  const runs = await Promise.all(oracles.map(async (o) => (await o.run([program]))[0]));
  for (const r of runs) expect(r.status).toBe('ok');
  expect(new Set(runs.map((r) => JSON.stringify(r.observations))).size).toBe(1);
});
