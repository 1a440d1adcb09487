// The isolation check itself (properties/isolation.ts): it must catch an interpreter whose state
// leaks from one program to the next, whether the two sides are two oracles or one. The property
// on the real interpreters is in isolation-native.test.ts and isolation-embedded.test.ts.
import { describe, expect, test } from 'vitest';
import type { Oracle } from '../oracle/types.ts';
import { checkIsolation } from './isolation.ts';

/** A scripted oracle that remembers how many programs it ran: exactly the leak to catch. */
function leaky(): Oracle {
  let runs = 0;
  return {
    info: async () => ({ name: 'leaky', version: '3.11.0', bits: 64, kind: 'native' }),
    run: async (requests) => requests.map(() => ({ status: 'ok' as const, observations: [String(++runs)] })),
    close: async () => {},
  };
}

/** A scripted oracle whose answer depends only on the program. */
function clean(): Oracle {
  return {
    info: async () => ({ name: 'clean', version: '3.11.0', bits: 64, kind: 'native' }),
    run: async (requests) => requests.map((r) => ({ status: 'ok' as const, observations: [String(r.source.length)] })),
    close: async () => {},
  };
}

const program = { mode: 'module' as const, body: [] };
const isolationCase = { program, before: [program, program] };

describe('the isolation check', () => {
  test('catches a leak between two oracles', async () => {
    const out = await checkIsolation(isolationCase, leaky(), leaky());
    expect(out.same).toBe(false);
    expect(out.alone.observations).toEqual(['1']);
    expect(out.afterOthers.observations).toEqual(['3']);
  });

  test('catches a leak when one oracle is both sides', async () => {
    const oracle = leaky();
    const out = await checkIsolation(isolationCase, oracle, oracle);
    expect(out.same).toBe(false);
    expect(out.afterOthers.observations).toEqual(['4']);
  });

  test('passes an oracle without a leak', async () => {
    const oracle = clean();
    expect((await checkIsolation(isolationCase, oracle, oracle)).same).toBe(true);
  });
});
