// One running oracle/worker.py: spawning it, waiting for its hello, pipelining requests and
// matching answers, and what happens when it dies. NativeOracle decides when to start and
// restart one.
import { fileURLToPath } from 'node:url';
import { awaitHello, exitWithin } from './child-lifecycle.ts';
import { execa, type ResultPromise } from 'execa';
import { OracleError, type OracleRequest, type RunResult } from './types.ts';
import { clip, encodeRequest, parseAnswer, parseHello, ProtocolError, type WorkerHello } from './worker-protocol.ts';

const WORKER_PATH = fileURLToPath(new URL('./worker.py', import.meta.url));
const HELLO_TIMEOUT_MS = 30_000;
const CLOSE_GRACE_MS = 2_000;
/** How long a failed start waits for the process to end on its own, so that its stderr is whole. */
const FAILED_START_GRACE_MS = 1_000;
/** The worker enforces each program's limit itself; this only catches a worker that stopped answering. */
const WATCHDOG_SLACK_MS = 10_000;

export interface WorkerOptions {
  /** How long past a program's limit to wait for its answer before giving the worker up. */
  watchdogSlackMs?: number;
}
const STDERR_KEPT = 4096;

interface SpawnOptions {
  env: Record<string, string>;
  extendEnv: false;
  stdin: 'pipe';
  stdout: 'pipe';
  stderr: 'pipe';
  buffer: false;
  cleanup: true;
  reject: false;
}

interface Pending {
  timeoutMs: number;
  resolve: (result: RunResult) => void;
}

interface Exit {
  /** `status 3`, `signal SIGKILL`, ... */
  how: string;
  /** Set when the process could not be spawned at all (ENOENT, EACCES, ...). */
  spawnCode?: string;
  spawnMessage?: string;
}

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

export class WorkerProcess {
  readonly python: string;
  private readonly watchdogSlackMs: number;
  private readonly subprocess: ResultPromise<SpawnOptions>;
  private readonly exit: Promise<Exit>;
  private exited?: Exit;
  private helloValue?: WorkerHello;
  private helloWaiter?: { resolve: (hello: WorkerHello) => void; reject: (reason: string) => void };
  private stdoutRest = '';
  private stderrTail = '';
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private watchdog?: NodeJS.Timeout;
  /** Why the pending requests will not be answered, once that is known. */
  private deathDetail?: string;
  private closing?: Promise<void>;

  /** Spawns a worker and waits for its hello; rejects with a one-line OracleError. */
  static async start(python: string, options: WorkerOptions = {}): Promise<WorkerProcess> {
    const worker = new WorkerProcess(python, options.watchdogSlackMs ?? WATCHDOG_SLACK_MS);
    await worker.awaitHello();
    return worker;
  }

  private constructor(python: string, watchdogSlackMs: number) {
    this.python = python;
    this.watchdogSlackMs = watchdogSlackMs;
    const options: SpawnOptions = {
      env: workerEnv(),
      extendEnv: false,
      stdin: 'pipe',
      stdout: 'pipe',
      stderr: 'pipe',
      buffer: false,
      cleanup: true,
      reject: false,
    };
    this.subprocess = execa(python, ['-S', '-u', WORKER_PATH], options);
    // Writing to a worker that just died fails with EPIPE; its exit is handled below.
    this.subprocess.stdin.on('error', () => undefined);
    this.subprocess.stdout.setEncoding('utf8');
    this.subprocess.stdout.on('data', (chunk: string) => this.onStdout(chunk));
    this.subprocess.stderr.setEncoding('utf8');
    this.subprocess.stderr.on('data', (chunk: string) => {
      this.stderrTail = (this.stderrTail + chunk).slice(-STDERR_KEPT);
    });
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

  /** False from the moment the worker is given up, closed or found dead. */
  get alive(): boolean {
    return this.exited === undefined && this.deathDetail === undefined;
  }

  /** Runs one program; always resolves (a dead worker answers `crash`). */
  send(request: OracleRequest, timeoutMs: number): Promise<RunResult> {
    if (!this.alive) {
      return Promise.resolve({ status: 'crash', observations: [], detail: this.deathDetail ?? 'the worker is gone' });
    }
    const id = this.nextId++;
    return new Promise<RunResult>((resolve) => {
      this.pending.set(id, { timeoutMs, resolve });
      if (this.pending.size === 1) this.armWatchdog();
      this.subprocess.stdin.write(encodeRequest(id, request, timeoutMs));
    });
  }

  /** Ends stdin, gives the worker CLOSE_GRACE_MS to leave, then kills it. Safe to call twice. */
  close(): Promise<void> {
    this.closing ??= (async () => {
      this.deathDetail ??= 'the oracle was closed before the program finished';
      this.subprocess.stdin.end();
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
        await this.stop(0);
        throw new OracleError(`${this.python} is ${outcome.hello.implementation} ${outcome.hello.version}, not CPython`);
      }
      this.helloValue = outcome.hello;
      return;
    }
    await this.stop(FAILED_START_GRACE_MS);
    throw new OracleError(outcome.failure + this.stderrNote());
  }

  private async stop(graceMs: number): Promise<void> {
    this.deathDetail ??= 'the worker was stopped';
    this.closing ??= this.waitForExit(graceMs);
    await this.closing;
  }

  private onStdout(chunk: string): void {
    this.stdoutRest += chunk;
    let newline: number;
    while ((newline = this.stdoutRest.indexOf('\n')) >= 0) {
      const line = this.stdoutRest.slice(0, newline);
      this.stdoutRest = this.stdoutRest.slice(newline + 1);
      this.onLine(line);
    }
  }

  private onLine(line: string): void {
    if (this.helloWaiter) {
      const hello = parseHello(line);
      if (hello) this.helloWaiter.resolve(hello);
      else this.helloWaiter.reject(`${this.python} is not a usable CPython: it printed '${clip(line)}' instead of the worker's hello`);
      this.helloWaiter = undefined;
      return;
    }
    if (!this.helloValue) return; // output after a failed start: the process is being stopped
    try {
      const { id, result } = parseAnswer(line);
      const pending = this.pending.get(id);
      if (!pending) throw new ProtocolError(`an answer to request ${id}, which is not waiting`);
      this.pending.delete(id);
      this.armWatchdog();
      pending.resolve(result);
    } catch (error) {
      if (!(error instanceof ProtocolError)) throw error;
      this.abandon('error', `the worker broke the protocol: ${error.message}`);
    }
  }

  /** Answers everything pending with `status` and kills the worker. */
  private abandon(status: 'crash' | 'error', detail: string): void {
    this.deathDetail ??= detail;
    this.settlePending(status, detail);
    if (!this.exited) this.subprocess.kill('SIGKILL');
  }

  private settlePending(status: 'crash' | 'error', detail: string): void {
    clearTimeout(this.watchdog);
    const pending = [...this.pending.values()];
    this.pending.clear();
    for (const p of pending) p.resolve({ status, observations: [], detail });
  }

  private armWatchdog(): void {
    clearTimeout(this.watchdog);
    const head = this.pending.values().next();
    if (head.done) return;
    this.watchdog = setTimeout(
      () => this.abandon('crash', `the worker stopped answering (no answer ${this.watchdogSlackMs / 1000} s past the program's limit)`),
      head.value.timeoutMs + this.watchdogSlackMs,
    );
    this.watchdog.unref();
  }

  private onExit(exit: Exit): void {
    this.exited = exit;
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
    const detail = this.deathDetail ?? `the worker died (${exit.how})${this.stderrNote()}`;
    this.settlePending('crash', detail);
  }

  /** The last line of the worker's stderr, as a suffix for a one-line message. */
  private stderrNote(): string {
    const lines = this.stderrTail.split('\n').map((l) => l.trim()).filter((l) => l !== '');
    const last = lines[lines.length - 1];
    return last === undefined ? '' : ` (stderr: ${clip(last)})`;
  }
}
