// The native oracle (SPEC section 4): any CPython executable on the machine, spawned once as a
// persistent worker (oracle/worker.py) that runs each program in a forked child.
import { OracleError, type InterpreterInfo, type Oracle, type OracleRequest, type RunResult } from './types.ts';
import { WorkerProcess } from './worker-process.ts';

export interface NativeOracleOptions {
  /** The executable: a name looked up on PATH or a path. Default `python3`. */
  python?: string;
  /** Per-program wall-clock limit when a request gives none. Default 10 s. */
  timeoutMs?: number;
}

const DEFAULT_TIMEOUT_MS = 10_000;

export class NativeOracle implements Oracle {
  private readonly python: string;
  private readonly timeoutMs: number;
  private worker?: WorkerProcess;
  private starting?: Promise<WorkerProcess>;
  private closing?: Promise<void>;

  constructor(options: NativeOracleOptions = {}) {
    this.python = options.python ?? 'python3';
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  }

  /** The pid of the running worker, if one is running (for tests and diagnostics). */
  get pid(): number | undefined {
    return this.worker?.alive ? this.worker.pid : undefined;
  }

  async info(): Promise<InterpreterInfo> {
    const { hello } = await this.ready();
    return { name: this.python, version: hello.version, bits: hello.bits, kind: 'native', executable: hello.executable };
  }

  async run(requests: readonly OracleRequest[]): Promise<RunResult[]> {
    if (requests.length === 0) return [];
    const worker = await this.ready();
    // All requests go down the pipe at once; the worker answers them in order. If it dies, the
    // ones it had not answered come back as `crash` and the next run starts a fresh worker.
    return Promise.all(requests.map((r) => worker.send(r, r.timeoutMs ?? this.timeoutMs)));
  }

  close(): Promise<void> {
    this.closing ??= (async () => {
      const worker = this.worker ?? (await this.starting?.catch(() => undefined));
      this.worker = undefined;
      await worker?.close();
    })();
    return this.closing;
  }

  private async ready(): Promise<WorkerProcess> {
    if (this.closing) throw new OracleError(`the oracle for ${this.python} is closed`);
    if (this.worker?.alive) return this.worker;
    this.worker = undefined;
    this.starting ??= WorkerProcess.start(this.python);
    try {
      const worker = await this.starting;
      if (this.closing) {
        await worker.close();
        throw new OracleError(`the oracle for ${this.python} is closed`);
      }
      this.worker = worker;
      return worker;
    } finally {
      this.starting = undefined;
    }
  }
}
