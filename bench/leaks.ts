// Whether a design gives every program a clean interpreter: the isolation property (a program
// alone in a fresh interpreter, and after a random batch of others in a used one) on generated
// cases, and two probes that show the leaks the faster designs have: the order in which a set of
// instances is torn down (it follows their addresses) and a string interned by an earlier program.
import fc from 'fast-check';
import { renderProgram } from '../language/render.ts';
import type { Oracle, OracleRequest, RunResult } from '../oracle/types.ts';
import { checkIsolation, isolationCaseArb } from '../properties/isolation.ts';

export interface Leak {
  program: string;
  mode: string;
  alone: string[];
  afterOthers: string[];
}

export interface IsolationEvidence {
  /** Generated cases checked, and probes checked. */
  cases: number;
  probes: number;
  /** The first program that observed differently alone and after others, if any. */
  leak: Leak | null;
}

export const PROBES: readonly OracleRequest[] = [
  {
    mode: 'module',
    source: [
      'log = []',
      'class C:',
      '    def __init__(self, t):',
      '        self.t = t',
      '    def __del__(self):',
      '        log.append(self.t)',
      's = {C(1), C(2), C(3), C(4), C(5), C(6)}',
      'del s',
      'log',
    ].join('\n'),
  },
  { mode: 'module', source: "import sys\nx = ''.join(['abc', 'xyz'])\ny = sys.intern(x)\ny is x" },
];

/** What runs before the probes in the used interpreter: generated programs, and one that interns the probe's string. */
function others(seed: number): OracleRequest[] {
  const drawn = fc.sample(isolationCaseArb(), { numRuns: 40, seed }).flatMap((c) => [c.program, ...c.before]);
  return [{ mode: 'module', source: 'abcxyz = 1' }, ...drawn.map((p) => ({ source: renderProgram(p), mode: p.mode }))];
}

const same = (a: RunResult, b: RunResult): boolean => a.status === b.status && JSON.stringify(a.observations) === JSON.stringify(b.observations);

/** `open` gives a fresh oracle of the design; `cases` generated cases each get a fresh one. */
export async function isolationEvidence(open: () => Oracle, cases: number, seed: number): Promise<IsolationEvidence> {
  const used = open();
  try {
    await used.run(others(seed));
    for (const probe of PROBES) {
      const fresh = open();
      try {
        const [alone] = await fresh.run([probe]);
        const [after] = await used.run([probe]);
        if (!same(alone!, after!)) return { cases: 0, probes: PROBES.length, leak: { program: probe.source, mode: probe.mode, alone: alone!.observations, afterOthers: after!.observations } };
      } finally {
        await fresh.close();
      }
    }
    const drawn = fc.sample(isolationCaseArb(), { numRuns: cases, seed });
    for (const c of drawn) {
      const fresh = open();
      try {
        const out = await checkIsolation(c, fresh, used);
        if (!out.same) {
          return { cases, probes: PROBES.length, leak: { program: renderProgram(c.program), mode: c.program.mode, alone: out.alone.observations, afterOthers: out.afterOthers.observations } };
        }
      } finally {
        await fresh.close();
      }
    }
    return { cases, probes: PROBES.length, leak: null };
  } finally {
    await used.close();
  }
}
