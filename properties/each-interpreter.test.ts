// The blocks describeEachInterpreter registers: one interpreter open at a time, each closed after
// its block, tests seeing their own block's interpreter and profile. The last test reads the log
// the blocks above wrote (vitest runs a file's blocks in the order they were registered).
import { describe, expect, test } from 'vitest';
import type { InterpreterEntry } from '../oracle/discover.ts';
import type { Oracle } from '../oracle/types.ts';
import { describeEachInterpreter, withFreshOracle } from './each-interpreter.ts';

const log: string[] = [];

const entry = (name: string, version: string, kind: InterpreterEntry['kind'], available = true): InterpreterEntry => ({
  name,
  kind,
  version,
  bits: kind === 'native' ? 64 : 32,
  available,
  ...(available ? {} : { reason: 'a scripted entry that is never run (this skip is the test)' }),
});

function scripted(e: InterpreterEntry): Oracle {
  log.push(`open ${e.name}`);
  return {
    info: async () => ({ name: e.name, version: e.version, bits: e.bits, kind: e.kind }),
    run: async (requests) => requests.map(() => ({ status: 'ok' as const, observations: [] })),
    close: async () => {
      log.push(`close ${e.name}`);
    },
  };
}

const matrix = {
  run: [entry('3.10.13', '3.10.13', 'native'), entry('wasm-3.12', '3.12.7', 'embedded')],
  skipped: [entry('scripted-missing', '3.14', 'embedded', false)],
};

describeEachInterpreter(
  'lifecycle',
  matrix,
  (current, registered) => {
    test(`${registered.name}: sees its own interpreter and its profile`, () => {
      const { entry: e, info, profile } = current();
      log.push(`test ${e.name}`);
      expect(e).toBe(registered);
      expect(info.name).toBe(e.name);
      expect(profile.bits).toBe(e.bits);
      expect(profile.strHash).toBe(e.kind === 'embedded' ? 'fnv' : 'siphash');
    });
  },
  scripted,
);

describe('after the blocks', () => {
  test('each interpreter was opened, used and closed before the next was opened', () => {
    expect(log).toEqual(['open 3.10.13', 'test 3.10.13', 'close 3.10.13', 'open wasm-3.12', 'test wasm-3.12', 'close wasm-3.12']);
  });

  test('withFreshOracle closes its oracle when the use throws', async () => {
    log.length = 0;
    const use = async (): Promise<never> => {
      throw new Error('boom');
    };
    await expect(withFreshOracle(matrix.run[0], use, scripted)).rejects.toThrow('boom');
    expect(log).toEqual(['open 3.10.13', 'close 3.10.13']);
  });
});
