// The isolation property against the machine's python3: two long-lived oracles, one of which
// has run a random batch of other programs before each program.
import { test } from '@fast-check/vitest';
import { afterAll, describe, expect } from 'vitest';
import { NativeOracle } from '../oracle/native.ts';
import type { Oracle } from '../oracle/types.ts';
import { renderProgram } from '../language/render.ts';
import { checkIsolation, isolationCaseArb } from './isolation.ts';

describe('isolation on python3', () => {
  const fresh = new NativeOracle();
  const used = new NativeOracle();
  afterAll(async () => {
    await fresh.close();
    await used.close();
  });

  test.prop([isolationCaseArb()], { numRuns: 40 })('a program observes the same alone and after others', async (c) => {
    const out = await checkIsolation(c, fresh, used);
    const shown = (r: typeof out.alone): string => `${r.status}${r.detail ? ` (${r.detail})` : ''} ${JSON.stringify(r.observations)}`;
    expect(out.same, `# mode: ${c.program.mode}\n${renderProgram(c.program)}\nalone: ${shown(out.alone)}\nafter others: ${shown(out.afterOthers)}`).toBe(true);
  });

  test('the check catches an interpreter whose state leaks from one program to the next', async () => {
    // A scripted oracle that remembers how many programs it ran: exactly the leak to catch.
    const leaky = (): Oracle => {
      let runs = 0;
      return {
        info: async () => ({ name: 'leaky', version: '3.11.0', bits: 64, kind: 'native' }),
        run: async (requests) => requests.map(() => ({ status: 'ok' as const, observations: [String(++runs)] })),
        close: async () => {},
      };
    };
    const program = { mode: 'module' as const, body: [] };
    const out = await checkIsolation({ program, before: [program, program] }, leaky(), leaky());
    expect(out.same).toBe(false);
    expect(out.afterOthers.observations).toEqual(['3']);
  });
});
