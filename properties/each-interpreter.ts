// Registers one block of tests per interpreter of a matrix. Blocks run one after another, and each
// opens its oracle before its first test and closes it after its last (afterAll runs even when a
// test or the opening fails), so a test file holds one interpreter at a time and leaves no process.
import { afterAll, beforeAll, describe, test } from 'vitest';
import { profileFor, type Profile } from '../model/profile.ts';
import { openOracle, type InterpreterEntry } from '../oracle/discover.ts';
import type { InterpreterInfo, Oracle } from '../oracle/types.ts';
import { interpreterTitle, skippedTitle, type Matrix } from './matrix.ts';

export interface OpenInterpreter {
  entry: InterpreterEntry;
  oracle: Oracle;
  info: InterpreterInfo;
  profile: Profile;
}

export type OpenOracle = (entry: InterpreterEntry) => Oracle;

/**
 * `what on <interpreter>` blocks for the interpreters to run, and a skipped test
 * `what on <name>: <reason>` for each one missing. `body` registers a block's tests (given the
 * entry, to name them: the default reporter shows a slow test by its own name only); `current()`
 * is that block's open interpreter, to be called inside its tests.
 */
export function describeEachInterpreter(
  what: string,
  matrix: Matrix,
  body: (current: () => OpenInterpreter, entry: InterpreterEntry) => void,
  open: OpenOracle = openOracle,
): void {
  for (const entry of matrix.skipped) test.skip(skippedTitle(what, entry), () => {});
  for (const entry of matrix.run) {
    describe.sequential(`${what} on ${interpreterTitle(entry)}`, () => {
      let oracle: Oracle | undefined;
      let opened: OpenInterpreter | undefined;
      beforeAll(async () => {
        oracle = open(entry);
        const info = await oracle.info();
        opened = { entry, oracle, info, profile: profileFor(info.version, info.bits, info.kind) };
      });
      afterAll(async () => {
        await oracle?.close();
      });
      const current = (): OpenInterpreter => {
        if (opened === undefined) throw new Error(`${entry.name} was not opened`);
        return opened;
      };
      body(current, entry);
    });
  }
}

/** Runs `use` on an oracle of its own for `entry`, closed afterwards whatever happens. */
export async function withFreshOracle<T>(entry: InterpreterEntry, use: (oracle: Oracle) => Promise<T>, open: OpenOracle = openOracle): Promise<T> {
  const oracle = open(entry);
  try {
    return await use(oracle);
  } finally {
    await oracle.close();
  }
}
