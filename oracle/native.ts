// The native oracle (SPEC section 4): any CPython executable on the machine, run as a pool of
// persistent workers (oracle/worker.py), one per core by default, each a fork server that runs
// every program in a child forked from the same prepared state. Programs are spread over the
// workers and answered in order; a program a worker could not start goes to another.
import { availableParallelism } from 'node:os';
import { OracleError, type InterpreterInfo, type Oracle, type OracleRequest, type RunResult } from './types.ts';
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
  /** Pins worker i to core i (when there are no more workers than cores). Default true. */
  pin?: boolean;
}

const DEFAULT_TIMEOUT_MS = 10_000;
/** Programs handed to one worker ahead of its answers: enough to keep it busy, few enough to balance. */
const WINDOW = 16;
/**
 * Every lost worker answers at least the program it was running, so handing the others to another
 * worker always makes progress; this bound only keeps a bug from looping.
 */
const MAX_TRIES = 100;

interface Task {
  request: OracleRequest;
  timeoutMs: number;
  tries: number;
  resolve: (result: RunResult) => void;
}

interface Slot {
  index: number;
  worker?: WorkerProcess;
  starting?: Promise<WorkerProcess | undefined>;
  inFlight: number;
}

export class NativeOracle implements Oracle {
  private readonly python: string;
  private readonly timeoutMs: number;
  private readonly jobs: number;
  private readonly design: Exclude<WorkerDesign, 'once'>;
  private readonly pin: boolean;
  /** The file the first worker reported running: later workers skip PATH lookups and shims. */
  private executable?: string;
  private first?: Promise<WorkerProcess>;
  private readonly slots: Slot[];
  private readonly queue: Task[] = [];
  private closing?: Promise<void>;

  constructor(options: NativeOracleOptions = {}) {
    this.python = options.python ?? 'python3';
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.jobs = Math.max(1, options.jobs ?? availableParallelism());
    this.design = options.design ?? 'fork';
    this.pin = (options.pin ?? true) && this.jobs <= availableParallelism();
    this.slots = Array.from({ length: this.jobs }, (_, index) => ({ index, inFlight: 0 }));
  }

  /** The pid of the first running worker, if one is running (for tests and diagnostics). */
  get pid(): number | undefined {
    return this.pids[0];
  }

  /** The pids of the running workers. */
  get pids(): number[] {
    return this.slots.flatMap((s) => (s.worker?.alive && s.worker.pid !== undefined ? [s.worker.pid] : []));
  }

  async info(): Promise<InterpreterInfo> {
    const { hello } = await this.ready();
    return {
      name: this.python,
      version: hello.version,
      bits: hello.bits,
      kind: 'native',
      executable: hello.executable,
      design: this.design === 'fork' ? `fork server, ${this.jobs} worker${this.jobs === 1 ? '' : 's'}` : `in-process (not isolated), ${this.jobs} worker${this.jobs === 1 ? '' : 's'}`,
    };
  }

  async run(requests: readonly OracleRequest[]): Promise<RunResult[]> {
    if (requests.length === 0) return [];
    await this.ready();
    const results = requests.map(
      (request) =>
        new Promise<RunResult>((resolve) => {
          this.queue.push({ request, timeoutMs: request.timeoutMs ?? this.timeoutMs, tries: 0, resolve });
        }),
    );
    this.dispatch();
    return Promise.all(results);
  }

  close(): Promise<void> {
    this.closing ??= (async () => {
      const detail = 'the oracle was closed before the program finished';
      for (const task of this.queue.splice(0)) task.resolve({ status: 'crash', observations: [], detail });
      const workers = await Promise.all(this.slots.map(async (s) => s.worker ?? (await s.starting?.catch(() => undefined))));
      if (this.first) workers.push(await this.first.catch(() => undefined));
      await Promise.all([...new Set(workers)].map((w) => w?.close()));
    })();
    return this.closing;
  }

  /** The first worker, started once (its failure is the oracle's failure, tried again on the next call). */
  private async ready(): Promise<WorkerProcess> {
    if (this.closing) throw new OracleError(`the oracle for ${this.python} is closed`);
    this.first ??= this.spawn(this.slots[0]!, this.python);
    try {
      return await this.first;
    } catch (error) {
      this.first = undefined;
      throw error;
    }
  }

  private async spawn(slot: Slot, python: string): Promise<WorkerProcess> {
    const worker = await WorkerProcess.start(python, {
      design: this.design,
      ...(this.pin ? { cpu: slot.index } : {}),
    });
    if (this.closing) {
      await worker.close();
      throw new OracleError(`the oracle for ${this.python} is closed`);
    }
    this.executable ??= worker.hello.executable || undefined;
    slot.worker = worker;
    return worker;
  }

  /** Hands queued programs to workers with room, starting workers where a slot has none. */
  private dispatch(): void {
    if (this.closing) return;
    for (const slot of this.slots) {
      if (this.queue.length === 0) return;
      if (!slot.worker?.alive) {
        if (slot.worker && slot.inFlight > 0) continue; // its last answers are still coming
        this.startSlot(slot);
        continue;
      }
      while (slot.inFlight < WINDOW && this.queue.length > 0) this.send(slot, slot.worker, this.queue.shift()!);
    }
  }

  private startSlot(slot: Slot): void {
    if (slot.starting) return;
    slot.worker = undefined;
    slot.starting = this.spawn(slot, this.executable ?? this.python).then(
      (worker) => worker,
      (error: unknown) => {
        // A pool that cannot start its first worker rejects in ready(); later failures (the
        // machine ran out of processes, ...) fail the programs waiting, one line each.
        const detail = error instanceof Error ? error.message.split('\n')[0]! : String(error);
        if (this.slots.every((s) => !s.worker?.alive)) {
          for (const task of this.queue.splice(0)) task.resolve({ status: 'error', observations: [], detail });
        }
        return undefined;
      },
    );
    void slot.starting.finally(() => {
      slot.starting = undefined;
      this.dispatch();
    });
  }

  private send(slot: Slot, worker: WorkerProcess, task: Task): void {
    slot.inFlight++;
    task.tries++;
    void worker.send(task.request, task.timeoutMs).then((outcome) => {
      slot.inFlight--;
      if (outcome.ran) {
        task.resolve(outcome.result);
      } else if (task.tries >= MAX_TRIES || this.closing) {
        task.resolve({ status: 'crash', observations: [], detail: `the worker was lost ${task.tries} times before the program could run` });
      } else {
        this.queue.unshift(task);
      }
      this.dispatch();
    });
  }
}
