// The native oracle (SPEC section 4): any CPython executable on the machine, run as a pool of
// persistent workers (oracle/worker.py), one per core by default, each a fork server that runs
// every program in a child forked from the same prepared state (oracle/pool.ts spreads the
// programs and answers them in order).
import { availableParallelism } from 'node:os';
import { WorkerPool } from './pool.ts';
import type { InterpreterInfo, Oracle, OracleRequest, RunResult } from './types.ts';
import type { WorkerDesign } from './worker-protocol.ts';
import { WorkerProcess } from './worker-process.ts';

export interface NativeOracleOptions {
  /** The executable: a name looked up on PATH or a path. Default `python3`. */
  python?: string;
  /** Per-program wall-clock limit when a request gives none. Default 10 s. */
  timeoutMs?: number;
  /** Workers running programs at the same time. Default: one per core. */
  jobs?: number;
  /**
   * `fork` (the default): a child forked per program from a prepared server, isolated.
   * `inprocess`: every program in the worker's own interpreter, NOT isolated (bench/RESULTS.md
   * shows the leaks); for measurements only.
   */
  design?: Exclude<WorkerDesign, 'once'>;
  /**
   * Pins worker i to core i (its children run where it runs: a fork then costs a fraction of what
   * it costs when the child starts on another core). Default: when there is one worker per core,
   * a pool that has the machine to itself; smaller pools, of which a process may hold several,
   * are left to the scheduler.
   */
  pin?: boolean;
}

const DEFAULT_TIMEOUT_MS = 10_000;
/** Programs handed to one worker ahead of its answers: enough to keep it busy while Node computes. */
const WINDOW = 64;

export class NativeOracle implements Oracle {
  private readonly python: string;
  private readonly jobs: number;
  private readonly design: Exclude<WorkerDesign, 'once'>;
  private readonly pool: WorkerPool<WorkerProcess>;
  /** The file the first worker reported running: later workers skip PATH lookups and shims. */
  private executable?: string;

  constructor(options: NativeOracleOptions = {}) {
    this.python = options.python ?? 'python3';
    this.jobs = Math.max(1, options.jobs ?? availableParallelism());
    this.design = options.design ?? 'fork';
    const pin = options.pin ?? this.jobs === availableParallelism();
    this.pool = new WorkerPool({
      size: this.jobs,
      timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
      window: WINDOW,
      name: this.python,
      start: async (index) => {
        const worker = await WorkerProcess.start(this.executable ?? this.python, { design: this.design, ...(pin ? { cpu: index % availableParallelism() } : {}) });
        this.executable ??= worker.hello.executable || undefined;
        return worker;
      },
    });
  }

  /** The pid of the first running worker, if one is running (for tests and diagnostics). */
  get pid(): number | undefined {
    return this.pids[0];
  }

  /** The pids of the running workers. */
  get pids(): number[] {
    return this.pool.workers.flatMap((w) => (w.pid !== undefined ? [w.pid] : []));
  }

  async info(): Promise<InterpreterInfo> {
    const { hello } = await this.pool.first();
    const workers = `${this.jobs} worker${this.jobs === 1 ? '' : 's'}`;
    return {
      name: this.python,
      version: hello.version,
      bits: hello.bits,
      kind: 'native',
      executable: hello.executable,
      design: this.design === 'fork' ? `fork server, ${workers}` : `in-process (not isolated), ${workers}`,
    };
  }

  run(requests: readonly OracleRequest[]): Promise<RunResult[]> {
    return this.pool.run(requests);
  }

  close(): Promise<void> {
    return this.pool.close();
  }
}
