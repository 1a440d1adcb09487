// Every case observes what it records on each embedded build however the build's heap is laid
// out before the program: started under each program name of cases/layout-probes.ts, whose
// lengths move every block allocated after it. A case failing here pins a fact of one heap, not
// of CPython (as the bytes(240)/bytes(241) reuse did, before it was taken out of
// cases/identity/freed-bytes-block-goes-to-the-next-bytes-of-its-size.yaml); the recorder
// refuses to write such a case, and this catches one recorded before the probes, or one that a
// new build makes depend on its layout.
import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';
import { discoverInterpreters, openOracle } from '../oracle/discover.ts';
import { describeEachInterpreter } from '../properties/each-interpreter.ts';
import { matrixOf } from '../properties/matrix.ts';
import { checkObserved, oracleCheckProblems } from './check.ts';
import { LAYOUT_PROBES } from './layout-probes.ts';
import { loadCases } from './load.ts';

const { cases } = loadCases([fileURLToPath(new URL('.', import.meta.url))]);
const matrix = matrixOf(await discoverInterpreters(), 'embedded');

for (const probe of LAYOUT_PROBES) {
  describeEachInterpreter(
    `each case started as ${probe}`,
    matrix,
    (current, entry) => {
      test(`observes what it records on ${entry.name}`, async () => {
        const { oracle, info } = current();
        const results = await oracle.run(cases.map((c) => ({ source: c.source, mode: c.mode })));
        const where = `${info.name} started as ${probe}`;
        expect(cases.flatMap((c, index) => oracleCheckProblems(checkObserved(c, info, results[index]!), where))).toEqual([]);
      });
    },
    (entry) => openOracle(entry, { executable: probe }),
  );
}
