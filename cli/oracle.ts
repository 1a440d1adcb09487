// Opening the native oracle for one command and closing it whatever happens, so that no python
// process outlives the command (also on Ctrl-C).
import { NativeOracle } from '../oracle/native.ts';
import { OracleError, type InterpreterInfo, type Oracle } from '../oracle/types.ts';
import { UsageError } from './errors.ts';

export async function withOracle<T>(python: string, use: (oracle: Oracle, info: InterpreterInfo) => Promise<T>): Promise<T> {
  const oracle = new NativeOracle({ python });
  const onSignal = (signal: NodeJS.Signals): void => {
    void oracle.close().finally(() => process.exit(signal === 'SIGINT' ? 130 : 143));
  };
  // `on`, not `once`: execa's signal-exit re-raises a signal it sees no other listener for, and
  // `once` removes ours before it runs, which would kill us before the worker is closed.
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  try {
    let info: InterpreterInfo;
    try {
      info = await oracle.info();
    } catch (e) {
      // An interpreter that cannot start is the user's choice of --python: a usage error.
      if (e instanceof OracleError) throw new UsageError(e.message);
      throw e;
    }
    return await use(oracle, info);
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    await oracle.close();
  }
}
