// One running oracle/worker.py: spawning it, waiting for its hello, pipelining requests, reading
// each program's observations as they come, killing a program past its limit, and what happens
// when a program or the worker dies. NativeOracle (a pool of these) decides when to start one.
//
// A worker that loses a program (a kill, a crash, a protocol error, its own death) is retired:
// the programs it had not started come back as `ran: false`, for the pool to give to a fresh one.
import { constants } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { Readable, Writable } from 'node:stream';
import { execa, type ResultPromise } from 'execa';
import { awaitHello, exitWithin } from './child-lifecycle.ts';
import type { Outcome, PoolWorker } from './pool.ts';
import { OracleError, type OracleRequest, type RunResult } from './types.ts';
import {
  clip,
  describeWaitStatus,
  encodeRequest,
  parseHello,
  parsePidLine,
  parseResultLine,
  ProtocolError,
  type ResultLine,
  type WorkerDesign,
  type WorkerHello,
} from './worker-protocol.ts';

const WORKER_PATH = fileURLToPath(new URL('./worker.py', import.meta.url));
const HELLO_TIMEOUT_MS = 30_000;
const CLOSE_GRACE_MS = 2_000;
/** How long a failed start waits for the process to end on its own, so that its stderr is whole. */
const FAILED_START_GRACE_MS = 1_000;
/** How long past a program's limit to wait for any sign of life before giving the worker up. */
const WATCHDOG_SLACK_MS = 10_000;
/** Programs run through the server before the first real one: its loop reaches its fixed state. */
const WARMUP_RUNS = 2;
const OUTPUT_LIMIT = 64 << 20;
const STDERR_KEPT = 4096;
const SIGALRM = constants.signals.SIGALRM;
const CLOSED = 'the oracle was closed before the program finished';
const TOO_MUCH = `the program sent back more than ${OUTPUT_LIMIT >> 20} MiB of observations`;

export interface WorkerOptions {
  design?: WorkerDesign;
  /** Pins the worker (and so each of its children) to this CPU. */
  cpu?: number;
  /** How long past a program's limit to wait for any answer before giving the worker up. */
  watchdogSlackMs?: number;
  /** Programs run before the worker counts as started (fork design only). */
  warmupRuns?: number;
}


interface SpawnOptions {
  env: Record<string, string>;
  extendEnv: false;
  stdio: ['pipe', 'pipe', 'pipe', 'pipe'];
  buffer: false;
  cleanup: true;
  reject: false;
}

interface Job {
  seq: number;
  timeoutMs: number;
  resolve: (outcome: Outcome) => void;
  observations: string[];
  size: number;
  end?: Extract<ResultLine, { kind: 'end' }>;
  childPid?: number;
  killed?: 'timeout' | 'too-much';
}

interface Exit {
  /** `status 3`, `signal SIGKILL`, ... */
  how: string;
  /** Set when the process could not be spawned at all (ENOENT, EACCES, ...). */
  spawnCode?: string;
  spawnMessage?: string;
}

const SIGNAL_NAMES = new Map(Object.entries(constants.signals).map(([name, number]) => [number as number, name]));

/**
 * The environment a worker runs in: the user's, without the PYTHON* variables that change what
 * a program observes or which modules the worker imports (PYTHONMALLOC, PYTHONDEVMODE,
 * PYTHONOPTIMIZE, PYTHONPATH, ...), and with a fixed hash seed. PYTHONHOME stays: some
 * installations need it to find their standard library.
 */
function workerEnv(): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (value === undefined) continue;
    if (key.startsWith('PYTHON') && key !== 'PYTHONHOME') continue;
    env[key] = value;
  }
  env.PYTHONHASHSEED = '0';
  return env;
}

/** Calls `onLine` for each whole line of a stream. */
function eachLine(stream: Readable, onLine: (line: string) => void): void {
  let rest = '';
  stream.setEncoding('utf8');
  stream.on('data', (chunk: string) => {
    let start = 0;
    let newline: number;
    while ((newline = chunk.indexOf('\n', start)) >= 0) {
      const line = rest === '' ? chunk.slice(start, newline) : rest + chunk.slice(start, newline);
      rest = '';
      start = newline + 1;
      onLine(line);
    }
    rest += chunk.slice(start);
  });
}

export class WorkerProcess implements PoolWorker {
  readonly python: string;
  readonly design: WorkerDesign;
  private readonly watchdogSlackMs: number;
  private readonly subprocess: ResultPromise<SpawnOptions>;
  private readonly requests: Writable;
  private readonly exit: Promise<Exit>;
  private exited?: Exit;
  private helloValue?: WorkerHello;
  private helloWaiter?: { resolve: (hello: WorkerHello) => void; reject: (reason: string) => void };
  private stderrTail = '';
  private readonly queue: Job[] = [];
  private nextSeq = 0;
  private pidRecords = 0;
  private timer?: NodeJS.Timeout;
  /** Why this worker takes no more programs, once that is known. */
  private retiredBecause?: string;
  private closing?: Promise<void>;

  /** Spawns a worker, waits for its hello and warms it up; rejects with a one-line OracleError. */
  static async start(python: string, options: WorkerOptions = {}): Promise<WorkerProcess> {
    const worker = new WorkerProcess(python, options);
    await worker.awaitHello();
    if (worker.design === 'fork') await worker.warmUp(options.warmupRuns ?? WARMUP_RUNS);
    return worker;
  }

  private constructor(python: string, options: WorkerOptions) {
    this.python = python;
    this.design = options.design ?? 'fork';
    this.watchdogSlackMs = options.watchdogSlackMs ?? WATCHDOG_SLACK_MS;
    const spawnOptions: SpawnOptions = {
      env: workerEnv(),
      extendEnv: false,
      stdio: ['pipe', 'pipe', 'pipe', 'pipe'],
      buffer: false,
      cleanup: true,
      reject: false,
    };
    // The same arguments, of the same lengths, for every worker: they live in its heap, which
    // every child inherits (a pinned worker and a free one must start alike).
    const cpu = options.cpu === undefined ? 'any' : String(options.cpu).padStart(3, '0');
    const args = ['-S', '-u', WORKER_PATH, '--design', this.design, '--cpu', cpu];
    this.subprocess = execa(python, args, spawnOptions);
    this.requests = this.subprocess.stdin;
    // Writing to a worker that just died fails with EPIPE; its exit is handled below.
    this.requests.on('error', () => undefined);
    eachLine(this.subprocess.stdout, (line) => this.onResultLine(line));
    const pids = this.subprocess.stdio[3] as Readable;
    pids.on('error', () => undefined);
    eachLine(pids, (line) => this.onPidLine(line));
    this.subprocess.stderr.setEncoding('utf8');
    this.subprocess.stderr.on('data', (chunk: string) => {
      this.stderrTail = (this.stderrTail + chunk).slice(-STDERR_KEPT);
    });
    // A child orphaned by its server's death holds the result pipes open (so the streams, and
    // with them the exit below, would wait for it): it is ended as soon as the server is gone.
    this.subprocess.on('exit', () => this.killRunningChild());
    this.exit = this.subprocess.then((result) => {
      const exit: Exit = {
        how: result.signal ? `signal ${result.signal}` : `status ${result.exitCode ?? 'unknown'}`,
      };
      if (result.exitCode === undefined && !result.signal && 'code' in result && typeof result.code === 'string') {
        exit.spawnCode = result.code;
        exit.spawnMessage = result.originalMessage;
      }
      this.onExit(exit);
      return exit;
    });
  }

  /** The interpreter's own pid once it said hello, else the spawned one (a wrapper script may not `exec`). */
  get pid(): number | undefined {
    return this.helloValue?.pid ?? this.subprocess.pid;
  }

  get hello(): WorkerHello {
    if (!this.helloValue) throw new Error('the worker has not said hello');
    return this.helloValue;
  }

  /** False from the moment the worker takes no more programs (retired, closed or dead). */
  get alive(): boolean {
    return this.exited === undefined && this.retiredBecause === undefined;
  }

  /** Runs one program; always resolves (`ran: false` when the worker is gone before starting it). */
  send(request: OracleRequest, timeoutMs: number): Promise<Outcome> {
    if (!this.alive) return Promise.resolve({ ran: false });
    return new Promise<Outcome>((resolve) => {
      const job: Job = { seq: this.nextSeq++, timeoutMs, resolve, observations: [], size: 0 };
      this.queue.push(job);
      if (this.queue.length === 1) this.armHead();
      this.requests.write(encodeRequest(request, timeoutMs));
    });
  }

  /** Answers what is pending as closed, ends the worker (and its running program). Safe to call twice. */
  close(): Promise<void> {
    this.closing ??= (async () => {
      this.retiredBecause ??= CLOSED;
      clearTimeout(this.timer);
      const jobs = this.queue.splice(0);
      for (const job of jobs) job.resolve({ ran: true, result: { status: 'crash', observations: [], detail: CLOSED } });
      // SIGTERM: the server kills its running child before it leaves.
      if (jobs.length > 0 && !this.exited) this.subprocess.kill('SIGTERM');
      this.requests.end();
      await this.waitForExit(CLOSE_GRACE_MS);
    })();
    return this.closing;
  }

  private waitForExit(graceMs: number): Promise<void> {
    return exitWithin(this.exit, () => this.exited !== undefined, () => this.subprocess.kill('SIGKILL'), graceMs);
  }

  private async awaitHello(): Promise<void> {
    const outcome = await awaitHello<WorkerHello>((w) => {
      this.helloWaiter = w;
    }, HELLO_TIMEOUT_MS, `${this.python} did not start the worker within ${HELLO_TIMEOUT_MS / 1000} s`);
    if ('hello' in outcome) {
      if (outcome.hello.implementation !== 'cpython') {
        this.helloValue = undefined;
        await this.stop(0);
        throw new OracleError(`${this.python} is ${outcome.hello.implementation} ${outcome.hello.version}, not CPython`);
      }
      this.helloValue = outcome.hello;
      return;
    }
    await this.stop(FAILED_START_GRACE_MS);
    throw new OracleError(outcome.failure + this.stderrNote());
  }

  private async warmUp(runs: number): Promise<void> {
    for (let i = 0; i < runs; i++) {
      const outcome = await this.send({ source: '', mode: 'module' }, HELLO_TIMEOUT_MS);
      if (!outcome.ran || outcome.result.status !== 'ok') {
        const detail = outcome.ran ? (outcome.result.detail ?? outcome.result.status) : (this.retiredBecause ?? 'it stopped');
        await this.stop(FAILED_START_GRACE_MS);
        throw new OracleError(`${this.python} started the worker but could not run a program: ${clip(detail)}${this.stderrNote()}`);
      }
    }
  }

  private async stop(graceMs: number): Promise<void> {
    this.retiredBecause ??= 'the worker was stopped';
    this.closing ??= this.waitForExit(graceMs);
    await this.closing;
  }

  private onPidLine(line: string): void {
    if (line === '' || this.exited) return;
    let pid: number;
    try {
      pid = parsePidLine(line);
    } catch (error) {
      if (!(error instanceof ProtocolError)) throw error;
      return this.abandon('error', `the worker broke the protocol: ${error.message}`);
    }
    const seq = this.pidRecords++;
    // Records come in the order programs start, but on a stream of their own: one may arrive
    // before the previous program's results, or after its own (then it starts nothing).
    const job = this.queue.find((j) => j.seq === seq);
    if (job === undefined) return;
    job.childPid = pid;
    if (job === this.queue[0]) this.armHead();
  }

  private onResultLine(line: string): void {
    if (this.helloWaiter) {
      const hello = parseHello(line);
      // Known at once: the next line may come in the same chunk.
      if (hello) this.helloValue = hello;
      if (hello) this.helloWaiter.resolve(hello);
      else this.helloWaiter.reject(`${this.python} is not a usable CPython: it printed '${clip(line)}' instead of the worker's hello`);
      this.helloWaiter = undefined;
      return;
    }
    if (!this.helloValue || this.exited) return;
    const head = this.queue[0];
    let parsed: ResultLine;
    try {
      parsed = parseResultLine(line);
    } catch (error) {
      if (!(error instanceof ProtocolError)) throw error;
      // A line cut short by a kill ends the program that was killed; anything else is a broken worker.
      if (head?.killed) return;
      return this.abandon('error', `the worker broke the protocol: ${error.message}`);
    }
    if (parsed.kind === 'blank') return;
    if (head === undefined) return this.abandon('error', `the worker broke the protocol: a line while no program runs: ${clip(line)}`);
    if (parsed.kind === 'observation') {
      if (head.end || head.killed) return;
      head.size += line.length + 1;
      if (head.size > OUTPUT_LIMIT) return this.kill(head, 'too-much');
      head.observations.push(parsed.text);
    } else if (parsed.kind === 'end') {
      head.end ??= parsed;
    } else {
      this.finish(head, parsed.waitStatus);
      if (parsed.retire) this.retire('the worker retired');
    }
  }

  /** The head program's child is gone: its result, then the next program (or retirement). */
  private finish(job: Job, waitStatus: number): void {
    clearTimeout(this.timer);
    this.queue.shift();
    const result = this.resultOf(job, waitStatus);
    job.resolve({ ran: true, result });
    if (job.killed || !job.end) {
      // A program that was killed or died may have left its request half read: nothing after it
      // can be trusted to this worker.
      this.retire(`the worker lost a program (${result.detail ?? result.status})`);
    } else {
      this.armHead();
    }
  }

  private resultOf(job: Job, waitStatus: number): RunResult {
    const observations = job.observations;
    if (job.killed === 'timeout') return { status: 'timeout', observations, detail: `ran past its limit of ${job.timeoutMs / 1000} s and was killed` };
    if (job.killed === 'too-much' || job.end?.status === 'too-much') return { status: 'error', observations: [], detail: TOO_MUCH };
    if (job.end?.status === 'ok') return { status: 'ok', observations };
    if (job.end?.status === 'error') return { status: 'error', observations, detail: job.end.detail };
    const how = describeWaitStatus(waitStatus);
    if ('signal' in how) {
      // The child's own alarm: its limit passed and nobody killed it.
      if (how.signal === SIGALRM) return { status: 'timeout', observations, detail: `ran past its limit of ${job.timeoutMs / 1000} s and was killed` };
      return { status: 'crash', observations, detail: `killed by signal ${how.signal} (${SIGNAL_NAMES.get(how.signal) ?? 'unknown signal'})` };
    }
    return { status: 'crash', observations, detail: `exited with status ${how.exitCode} without a result` };
  }

  /** Takes no more programs: those not started come back unrun, and the worker is ended. */
  private retire(reason: string): void {
    this.retiredBecause ??= reason;
    clearTimeout(this.timer);
    for (const job of this.queue.splice(0)) job.resolve({ ran: false });
    if (!this.exited) this.subprocess.kill('SIGTERM');
    this.requests.end();
    void this.waitForExit(CLOSE_GRACE_MS);
  }

  /** The head program gives up (`status`) and the worker is killed; the rest come back unrun. */
  private abandon(status: 'crash' | 'error', detail: string): void {
    this.retiredBecause ??= detail;
    clearTimeout(this.timer);
    const [head, ...rest] = this.queue.splice(0);
    head?.resolve({ ran: true, result: { status, observations: [], detail } });
    for (const job of rest) job.resolve({ ran: false });
    if (!this.exited) this.subprocess.kill('SIGKILL');
  }

  private kill(job: Job, why: 'timeout' | 'too-much'): void {
    job.killed = why;
    try {
      if (job.childPid !== undefined) process.kill(job.childPid, 'SIGKILL');
    } catch {
      // already gone: its exit record is on its way
    }
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.abandonStalled(), this.watchdogSlackMs);
    this.timer.unref();
  }

  private killRunningChild(): void {
    const pid = this.queue[0]?.childPid;
    if (this.design !== 'fork' || pid === undefined) return;
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }

  /** The head program's clock: its limit once its child started, a watchdog until then. */
  private armHead(): void {
    clearTimeout(this.timer);
    const head = this.queue[0];
    if (head === undefined || head.killed) return;
    this.timer =
      head.childPid === undefined
        ? setTimeout(() => this.abandonStalled(), head.timeoutMs + this.watchdogSlackMs)
        : setTimeout(() => this.kill(head, 'timeout'), head.timeoutMs);
    this.timer.unref();
  }

  private abandonStalled(): void {
    this.abandon('crash', `the worker stopped answering (no answer ${this.watchdogSlackMs / 1000} s past the program's limit)`);
  }

  private onExit(exit: Exit): void {
    this.exited = exit;
    clearTimeout(this.timer);
    if (this.helloWaiter) {
      const failure =
        exit.spawnCode === 'ENOENT'
          ? `cannot start ${this.python}: not found (choose another with --python PATH)`
          : exit.spawnCode === 'EACCES'
            ? `cannot start ${this.python}: permission denied (choose another with --python PATH)`
            : exit.spawnCode
              ? `cannot start ${this.python}: ${clip(exit.spawnMessage ?? exit.spawnCode)}`
              : `${this.python} is not a usable CPython: it exited with ${exit.how} before the worker started`;
      this.helloWaiter.reject(failure);
      this.helloWaiter = undefined;
    }
    const [head, ...rest] = this.queue.splice(0);
    if (head !== undefined) head.resolve({ ran: true, result: this.deathResult(head, exit) });
    for (const job of rest) job.resolve({ ran: false });
    this.retiredBecause ??= `the worker died (${exit.how})`;
  }

  /** The running program's result when the worker itself ended. */
  private deathResult(job: Job, exit: Exit): RunResult {
    if (job.killed || job.end) return this.resultOf(job, this.waitStatusOf(exit));
    if (this.retiredBecause !== undefined) return { status: 'crash', observations: job.observations, detail: this.retiredBecause };
    // In the in-process designs the worker is the program's interpreter: its death is the program's.
    if (this.design !== 'fork') return this.resultOf(job, this.waitStatusOf(exit));
    return { status: 'crash', observations: job.observations, detail: `the worker died (${exit.how})${this.stderrNote()}` };
  }

  private waitStatusOf(exit: Exit): number {
    const signal = /^signal (\w+)$/.exec(exit.how)?.[1];
    if (signal !== undefined) return (constants.signals as Record<string, number>)[signal] ?? 0x7f;
    const code = /^status (\d+)$/.exec(exit.how)?.[1];
    return code === undefined ? 0 : (Number(code) & 0xff) << 8;
  }

  /** The last line of the worker's stderr, as a suffix for a one-line message. */
  private stderrNote(): string {
    const lines = this.stderrTail.split('\n').map((l) => l.trim()).filter((l) => l !== '');
    const last = lines[lines.length - 1];
    return last === undefined ? '' : ` (stderr: ${clip(last)})`;
  }
}
