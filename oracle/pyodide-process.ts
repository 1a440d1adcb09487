// One running embedded-oracle child (oracle/pyodide-child.ts): spawning it, waiting for its hello,
// sending it one program at a time, killing it when a program runs past its limit, and what
// happens when it dies. PyodideOracle decides when to start and restart one.
import { fileURLToPath } from 'node:url';
import { awaitHello, exitWithin } from './child-lifecycle.ts';
import { execa, type ResultPromise } from 'execa';
import { parseChildLine, requestLine, type ChildHello } from './pyodide-protocol.ts';
import { OracleError, type OracleRequest, type RunResult } from './types.ts';
import { ProtocolError, clip } from './worker-protocol.ts';

const CHILD_PATH = fileURLToPath(new URL('./pyodide-child.mjs', import.meta.url));
/** Loading a build takes 1 to 3 s here; a slow machine gets far more. */
const HELLO_TIMEOUT_MS = 60_000;
const CLOSE_GRACE_MS = 2_000;
/** As the native worker: far more than any case observes, far less than a client can hold. */
const OUTPUT_LIMIT = 64 << 20;
const STDERR_KEPT = 4096;

interface SpawnOptions {
  stdin: 'pipe';
  stdout: 'pipe';
  stderr: 'pipe';
  buffer: false;
  cleanup: true;
  reject: false;
}

/** The program the child is running now. */
interface Current {
  observations: string[];
  /** Bytes of observation lines received so far. */
  size: number;
  timer: NodeJS.Timeout;
  resolve: (result: RunResult) => void;
}

export class PyodideProcess {
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
  private current?: Current;
  /** Why the child will answer no more programs, once that is known. */
  private deathDetail?: string;
  private closing?: Promise<void>;

  /** Spawns a child for the build in `dir` and waits for its hello; rejects with a one-line OracleError. */
  static async start(label: string, dir: string, pyodideVersion: string): Promise<PyodideProcess> {
    const child = new PyodideProcess(label, dir, pyodideVersion);
    await child.awaitHello();
    return child;
  }

  private constructor(label: string, dir: string, pyodideVersion: string) {
    this.label = label;
    const options: SpawnOptions = { stdin: 'pipe', stdout: 'pipe', stderr: 'pipe', buffer: false, cleanup: true, reject: false };
    this.subprocess = execa(process.execPath, [CHILD_PATH, dir, pyodideVersion], options);
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

  /** False from the moment the child is given up, retired, closed or found dead. */
  get alive(): boolean {
    return this.exited === undefined && this.deathDetail === undefined;
  }

  /** Runs one program; always resolves. Call it again only once the previous call has resolved. */
  run(request: OracleRequest, timeoutMs: number): Promise<RunResult> {
    if (!this.alive) {
      return Promise.resolve({ status: 'crash', observations: [], detail: this.deathDetail ?? 'the child is gone' });
    }
    if (this.current) throw new Error('PyodideProcess.run called while a program runs');
    return new Promise<RunResult>((resolve) => {
      const timer = setTimeout(() => {
        const detail = `ran past its limit of ${timeoutMs / 1000} s and was killed`;
        this.giveUp(detail);
        this.finish('timeout', detail);
      }, timeoutMs);
      this.current = { observations: [], size: 0, timer, resolve };
      this.subprocess.stdin.write(requestLine(request, timeoutMs));
    });
  }

  /** Ends the child (at once if a program runs, else after its stdin closes). Safe to call twice. */
  close(): Promise<void> {
    this.closing ??= (async () => {
      const detail = 'the oracle was closed before the program finished';
      if (this.current) {
        this.giveUp(detail);
        this.finish('crash', detail);
      }
      this.deathDetail ??= detail;
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
      const line = this.partial.join('');
      this.partial = [];
      this.partialSize = 0;
      start = newline + 1;
      this.onLine(line);
    }
    if (start < chunk.length) {
      this.partial.push(chunk.slice(start));
      this.partialSize += chunk.length - start;
      if (this.current && this.current.size + this.partialSize > OUTPUT_LIMIT) this.tooMuch();
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
    const current = this.current;
    if (!current) {
      if (this.deathDetail === undefined) this.broken(`a line while no program runs: ${clip(line)}`);
      return;
    }
    if (message.kind === 'observation') {
      current.size += line.length + 1;
      if (current.size > OUTPUT_LIMIT) return this.tooMuch();
      current.observations.push(message.text);
    } else if (message.kind === 'end') {
      // A retiring child leaves by itself: it is no longer alive, but not killed.
      if (message.retire) this.deathDetail ??= 'the child retired';
      if (message.end.status === 'ok') this.finish('ok');
      else this.finish(message.end.status, message.end.detail);
    } else {
      this.broken(`an unexpected ${message.kind} message`);
    }
  }

  private tooMuch(): void {
    const detail = `the program sent back more than ${OUTPUT_LIMIT >> 20} MiB of observations`;
    this.giveUp(detail);
    if (this.current) this.current.observations = [];
    this.finish('error', detail);
  }

  private broken(what: string): void {
    const detail = `the child broke the protocol: ${what}`;
    this.giveUp(detail);
    this.finish('error', detail);
  }

  /** Kills the child; whatever it sends afterwards is ignored. */
  private giveUp(detail: string): void {
    this.deathDetail ??= detail;
    if (!this.exited) this.subprocess.kill('SIGKILL');
  }

  private finish(status: RunResult['status'], detail?: string): void {
    const current = this.current;
    if (!current) return;
    this.current = undefined;
    clearTimeout(current.timer);
    current.resolve(detail === undefined ? { status, observations: current.observations } : { status, observations: current.observations, detail });
  }

  private onExit(how: string): void {
    this.exited = how;
    if (this.helloWaiter) this.helloWaiter.reject(`${this.label} exited with ${how} before it loaded`);
    this.finish('crash', this.deathDetail ?? `the child died (${how})${this.stderrNote()}`);
  }

  /** The last line of the child's stderr, as a suffix for a one-line message. */
  private stderrNote(): string {
    const lines = this.stderrTail.split('\n').map((l) => l.trim()).filter((l) => l !== '');
    const last = lines[lines.length - 1];
    return last === undefined ? '' : ` (stderr: ${clip(last)})`;
  }
}
