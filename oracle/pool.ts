// A pool of interpreter processes behind one Oracle: programs are queued, handed to the workers a
// few ahead of their answers (so no worker waits on a round trip), and answered in order. A
// worker that is lost hands back the programs it had not started; they go to another worker,
// and a new worker takes the lost one's place.
import { OracleError, type OracleRequest, type RunResult } from './types.ts';

/** A program's fate in one worker: run (with its result), or handed back unrun because the worker is gone. */
export type Outcome = { ran: true; result: RunResult } | { ran: false };

export interface PoolWorker {
  /** False once the worker takes no more programs. */
  readonly alive: boolean;
  send(request: OracleRequest, timeoutMs: number): Promise<Outcome>;
  close(): Promise<void>;
}

export interface PoolOptions<W extends PoolWorker> {
  size: number;
  /** Starts the worker of slot `index` (0-based); rejects with a one-line OracleError. */
  start: (index: number) => Promise<W>;
  /** Per-program limit when a request gives none. */
  timeoutMs: number;
  /** Programs handed to one worker ahead of its answers. */
  window: number;
  /** What `closed` errors name. */
  name: string;
}

/**
 * Every lost worker answers at least the program it was running, so handing the others to another
 * worker always makes progress; this bound only keeps a bug from looping.
 */
const MAX_TRIES = 100;
const CLOSED = 'the oracle was closed before the program finished';

interface Task {
  request: OracleRequest;
  timeoutMs: number;
  tries: number;
  resolve: (result: RunResult) => void;
}

interface Slot<W> {
  index: number;
  worker?: W;
  starting?: Promise<W | undefined>;
  /** Why this slot could not start a worker (it is not tried again). */
  broken?: string;
  inFlight: number;
}

export class WorkerPool<W extends PoolWorker> {
  private readonly options: PoolOptions<W>;
  private readonly slots: Slot<W>[];
  private readonly queue: Task[] = [];
  private firstWorker?: Promise<W>;
  private closing?: Promise<void>;

  constructor(options: PoolOptions<W>) {
    this.options = options;
    this.slots = Array.from({ length: Math.max(1, options.size) }, (_, index) => ({ index, inFlight: 0 }));
  }

  /** The workers alive now. */
  get workers(): W[] {
    return this.slots.flatMap((s) => (s.worker?.alive ? [s.worker] : []));
  }

  /** The first worker, started once; a failure to start it is the oracle's, tried again on the next call. */
  async first(): Promise<W> {
    if (this.closing) throw new OracleError(`the oracle for ${this.options.name} is closed`);
    const slot = this.slots[0]!;
    this.firstWorker ??= this.startIn(slot);
    try {
      return await this.firstWorker;
    } catch (error) {
      this.firstWorker = undefined;
      throw error;
    }
  }

  async run(requests: readonly OracleRequest[]): Promise<RunResult[]> {
    if (requests.length === 0) return [];
    await this.first();
    const results = requests.map(
      (request) =>
        new Promise<RunResult>((resolve) => {
          this.queue.push({ request, timeoutMs: request.timeoutMs ?? this.options.timeoutMs, tries: 0, resolve });
        }),
    );
    this.dispatch();
    return Promise.all(results);
  }

  close(): Promise<void> {
    this.closing ??= (async () => {
      for (const task of this.queue.splice(0)) task.resolve({ status: 'crash', observations: [], detail: CLOSED });
      const workers: (W | undefined)[] = await Promise.all(this.slots.map(async (s) => s.worker ?? (await s.starting)));
      workers.push(await this.firstWorker?.catch(() => undefined));
      await Promise.all([...new Set(workers)].map((w) => w?.close()));
    })();
    return this.closing;
  }

  private async startIn(slot: Slot<W>): Promise<W> {
    const worker = await this.options.start(slot.index);
    if (this.closing) {
      await worker.close();
      throw new OracleError(`the oracle for ${this.options.name} is closed`);
    }
    slot.worker = worker;
    return worker;
  }

  /** Hands queued programs to workers with room, starting workers where a slot has none. */
  private dispatch(): void {
    if (this.closing) return;
    for (const slot of this.slots) {
      if (this.queue.length === 0) return;
      const worker = slot.worker;
      if (slot.broken !== undefined) continue;
      if (!worker?.alive) {
        this.startSlot(slot);
        continue;
      }
      while (slot.inFlight < this.options.window && this.queue.length > 0) this.send(slot, worker, this.queue.shift()!);
    }
  }

  private startSlot(slot: Slot<W>): void {
    if (slot.starting || slot.broken !== undefined) return;
    slot.worker = undefined;
    slot.starting = this.startIn(slot).then(
      (worker) => worker,
      (error: unknown) => {
        // A slot that cannot start a worker stays empty; the other slots go on.
        slot.broken = error instanceof Error ? (error.message.split('\n')[0] ?? error.message) : String(error);
        return undefined;
      },
    );
    void slot.starting.then(() => {
      slot.starting = undefined;
      this.failIfNoneCanRun();
      this.dispatch();
    });
  }

  /** When every slot is broken, the programs waiting fail, each with why. */
  private failIfNoneCanRun(): void {
    const broken = this.slots.map((s) => s.broken);
    if (broken.some((b) => b === undefined)) return;
    for (const task of this.queue.splice(0)) task.resolve({ status: 'error', observations: [], detail: broken[0]! });
  }

  private send(slot: Slot<W>, worker: W, task: Task): void {
    slot.inFlight++;
    task.tries++;
    void worker.send(task.request, task.timeoutMs).then((outcome) => {
      slot.inFlight--;
      if (outcome.ran) {
        task.resolve(outcome.result);
      } else if (this.closing) {
        task.resolve({ status: 'crash', observations: [], detail: CLOSED });
      } else if (task.tries >= MAX_TRIES) {
        task.resolve({ status: 'crash', observations: [], detail: `the worker was lost ${task.tries} times before the program could run` });
      } else {
        this.queue.unshift(task);
      }
      this.dispatch();
    });
  }
}
