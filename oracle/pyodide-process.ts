// One running embedded-oracle child (oracle/pyodide-child.ts): spawning it, waiting for its hello,
// handing it programs ahead of time (it runs them in order), killing it when a program runs past
// its limit, and what happens when it dies or retires. PyodideOracle (a pool of these) decides
// when to start one. A child that is lost hands back the programs it had not started.
import { fileURLToPath } from 'node:url';
import { execa, type ResultPromise } from 'execa';
import { awaitHello, exitWithin } from './child-lifecycle.ts';
import type { Outcome, PoolWorker } from './pool.ts';
import { DEFAULT_EXECUTABLE } from './pyodide-load.ts';
import { parseChildLine, requestLine, type ChildHello } from './pyodide-protocol.ts';
import { OracleError, type OracleRequest, type RunResult } from './types.ts';
import { ProtocolError, clip } from './worker-protocol.ts';

const CHILD_PATH = fileURLToPath(new URL('./pyodide-child.mjs', import.meta.url));
/** Loading a build takes 1 to 3 s here; a slow machine gets far more. */
const HELLO_TIMEOUT_MS = 60_000;
const CLOSE_GRACE_MS = 2_000;
/** How long a program may wait for its start line past its own limit (the programs before it run first). */
const WATCHDOG_SLACK_MS = 10_000;
/** As the native worker: far more than any case observes, far less than a client can hold. */
const OUTPUT_LIMIT = 64 << 20;
const STDERR_KEPT = 4096;
const CLOSED = 'the oracle was closed before the program finished';

interface SpawnOptions {
  stdin: 'pipe';
  stdout: 'pipe';
  stderr: 'pipe';
  buffer: false;
  cleanup: true;
  reject: false;
}

interface Job {
  timeoutMs: number;
  resolve: (outcome: Outcome) => void;
  started: boolean;
  observations: string[];
  /** Bytes of observation lines received so far. */
  size: number;
}

export class PyodideProcess implements PoolWorker {
  /** For messages: `pyodide-0.27`. */
  readonly label: string;
  private readonly subprocess: ResultPromise<SpawnOptions>;
  private readonly exit: Promise<string>;
  private exited?: string;
  private helloValue?: ChildHello;
  private helloWaiter?: { resolve: (hello: ChildHello) => void; reject: (reason: string) => void };
  /** The pieces of the line not yet ended by a newline (a line may be tens of megabytes). */
  private partial: string[] = [];
  private partialSize = 0;
  private stderrTail = '';
  private readonly queue: Job[] = [];
  private timer?: NodeJS.Timeout;
  /** Why the child takes no more programs, once that is known. */
  private deathDetail?: string;
  private closing?: Promise<void>;

  /**
   * Spawns a child for the build in `dir`, to start it under the program name `executable`, and
   * waits for its hello; rejects with a one-line OracleError.
   */
  static async start(label: string, dir: string, pyodideVersion: string, executable = DEFAULT_EXECUTABLE): Promise<PyodideProcess> {
    const child = new PyodideProcess(label, dir, pyodideVersion, executable);
    await child.awaitHello();
    return child;
  }

  private constructor(label: string, dir: string, pyodideVersion: string, executable: string) {
    this.label = label;
    const options: SpawnOptions = { stdin: 'pipe', stdout: 'pipe', stderr: 'pipe', buffer: false, cleanup: true, reject: false };
    this.subprocess = execa(process.execPath, [CHILD_PATH, dir, pyodideVersion, executable], options);
    // Writing to a child that just died fails with EPIPE; its exit is handled below.
    this.subprocess.stdin.on('error', () => undefined);
    this.subprocess.stdout.setEncoding('utf8');
    this.subprocess.stdout.on('data', (chunk: string) => this.onStdout(chunk));
    this.subprocess.stderr.setEncoding('utf8');
    this.subprocess.stderr.on('data', (chunk: string) => {
      this.stderrTail = (this.stderrTail + chunk).slice(-STDERR_KEPT);
    });
    this.exit = this.subprocess.then((result) => {
      const how = result.signal ? `signal ${result.signal}` : `status ${result.exitCode ?? 'unknown'}`;
      this.onExit(how);
      return how;
    });
  }

  get pid(): number | undefined {
    return this.subprocess.pid;
  }

  get hello(): ChildHello {
    if (!this.helloValue) throw new Error('the child has not said hello');
    return this.helloValue;
  }

  /** False from the moment the child takes no more programs (given up, retired, closed or dead). */
  get alive(): boolean {
    return this.exited === undefined && this.deathDetail === undefined;
  }

  /** Runs one program after those sent before it; always resolves (`ran: false` if the child is gone first). */
  send(request: OracleRequest, timeoutMs: number): Promise<Outcome> {
    if (!this.alive) return Promise.resolve({ ran: false });
    return new Promise<Outcome>((resolve) => {
      this.queue.push({ timeoutMs, resolve, started: false, observations: [], size: 0 });
      if (this.queue.length === 1) this.armHead();
      this.subprocess.stdin.write(requestLine(request, timeoutMs));
    });
  }

  /** Ends the child (at once if a program runs, else after its stdin closes). Safe to call twice. */
  close(): Promise<void> {
    this.closing ??= (async () => {
      const running = this.queue.length > 0;
      this.deathDetail ??= CLOSED;
      clearTimeout(this.timer);
      for (const job of this.queue.splice(0)) job.resolve({ ran: true, result: { status: 'crash', observations: [], detail: CLOSED } });
      if (running && !this.exited) this.subprocess.kill('SIGKILL');
      this.subprocess.stdin.end();
      await this.waitForExit(CLOSE_GRACE_MS);
    })();
    return this.closing;
  }

  private waitForExit(graceMs: number): Promise<void> {
    return exitWithin(this.exit, () => this.exited !== undefined, () => this.subprocess.kill('SIGKILL'), graceMs);
  }

  private async awaitHello(): Promise<void> {
    const outcome = await awaitHello<ChildHello>((w) => {
      this.helloWaiter = w;
    }, HELLO_TIMEOUT_MS, `${this.label} did not load within ${HELLO_TIMEOUT_MS / 1000} s`);
    if ('hello' in outcome) {
      this.helloValue = outcome.hello;
      return;
    }
    this.deathDetail ??= 'the child did not start';
    this.subprocess.kill('SIGKILL');
    await this.exit;
    throw new OracleError(outcome.failure + this.stderrNote());
  }

  private onStdout(chunk: string): void {
    let start = 0;
    let newline: number;
    while ((newline = chunk.indexOf('\n', start)) >= 0) {
      this.partial.push(chunk.slice(start, newline));
      const line = this.partial.length === 1 ? this.partial[0]! : this.partial.join('');
      this.partial = [];
      this.partialSize = 0;
      start = newline + 1;
      this.onLine(line);
    }
    if (start < chunk.length) {
      this.partial.push(chunk.slice(start));
      this.partialSize += chunk.length - start;
      const head = this.queue[0];
      if (head && head.size + this.partialSize > OUTPUT_LIMIT) this.tooMuch();
    }
  }

  private onLine(line: string): void {
    if (this.exited) return;
    let message;
    try {
      message = parseChildLine(line);
    } catch (error) {
      if (!(error instanceof ProtocolError)) throw error;
      return this.broken(error.message);
    }
    if (this.helloWaiter) {
      if (message.kind === 'hello') this.helloWaiter.resolve(message.hello);
      else if (message.kind === 'failed') this.helloWaiter.reject(message.detail);
      else this.helloWaiter.reject(`${this.label} wrote '${clip(line)}' instead of its hello`);
      return;
    }
    const head = this.queue[0];
    if (!head) {
      if (this.deathDetail === undefined) this.broken(`a line while no program runs: ${clip(line)}`);
      return;
    }
    if (message.kind === 'start') {
      head.started = true;
      this.armHead();
    } else if (message.kind === 'observation') {
      head.size += line.length + 1;
      if (head.size > OUTPUT_LIMIT) return this.tooMuch();
      head.observations.push(message.text);
    } else if (message.kind === 'end') {
      this.finish(message.end.status === 'ok' ? { status: 'ok', observations: head.observations } : { status: message.end.status, observations: head.observations, detail: message.end.detail });
      // A retiring child leaves by itself after this answer; the programs after it go elsewhere.
      if (message.retire) this.retire('the child retired');
    } else {
      this.broken(`an unexpected ${message.kind} message`);
    }
  }

  private finish(result: RunResult): void {
    clearTimeout(this.timer);
    this.queue.shift()?.resolve({ ran: true, result });
    this.armHead();
  }

  /** Takes no more programs; those not started come back unrun. */
  private retire(reason: string): void {
    this.deathDetail ??= reason;
    clearTimeout(this.timer);
    for (const job of this.queue.splice(0)) job.resolve({ ran: false });
  }

  /** The running program ends with `result`, the child is killed, the others come back unrun. */
  private giveUp(result: RunResult): void {
    this.deathDetail ??= result.detail ?? result.status;
    if (!this.exited) this.subprocess.kill('SIGKILL');
    this.finish(result);
    this.retire(this.deathDetail);
  }

  private tooMuch(): void {
    this.giveUp({ status: 'error', observations: [], detail: `the program sent back more than ${OUTPUT_LIMIT >> 20} MiB of observations` });
  }

  private broken(what: string): void {
    this.giveUp({ status: 'error', observations: [], detail: `the child broke the protocol: ${what}` });
  }

  /** The head program's clock: its limit once it started, a watchdog while the ones before it run. */
  private armHead(): void {
    clearTimeout(this.timer);
    const head = this.queue[0];
    if (head === undefined) return;
    const limit = head.timeoutMs;
    this.timer = head.started
      ? setTimeout(() => this.giveUp({ status: 'timeout', observations: head.observations, detail: `ran past its limit of ${limit / 1000} s and was killed` }), limit)
      : setTimeout(() => this.giveUp({ status: 'crash', observations: [], detail: `the child stopped answering (no start ${WATCHDOG_SLACK_MS / 1000} s past the program's limit)` }), limit + WATCHDOG_SLACK_MS);
    this.timer.unref();
  }

  private onExit(how: string): void {
    this.exited = how;
    clearTimeout(this.timer);
    if (this.helloWaiter) this.helloWaiter.reject(`${this.label} exited with ${how} before it loaded`);
    const head = this.queue[0];
    if (head?.started) this.finish({ status: 'crash', observations: head.observations, detail: this.deathDetail ?? `the child died (${how})${this.stderrNote()}` });
    this.retire(`the child died (${how})`);
  }

  /** The last line of the child's stderr, as a suffix for a one-line message. */
  private stderrNote(): string {
    const lines = this.stderrTail.split('\n').map((l) => l.trim()).filter((l) => l !== '');
    const last = lines[lines.length - 1];
    return last === undefined ? '' : ` (stderr: ${clip(last)})`;
  }
}
