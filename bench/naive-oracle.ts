// The naive design the benchmark compares against: a new interpreter process per program, one
// program at a time (as a campaign with one round trip per program runs them). Native: `python3`
// looked up on PATH every time (a version manager's shim included), the worker run once.
// Embedded: a child process that loads the build, runs one program and leaves.
import type { Outcome } from '../oracle/pool.ts';
import { PyodideOracle } from '../oracle/pyodide.ts';
import type { InterpreterInfo, Oracle, OracleRequest, RunResult } from '../oracle/types.ts';
import { WorkerProcess } from '../oracle/worker-process.ts';

const TIMEOUT_MS = 10_000;

const resultOf = (outcome: Outcome): RunResult =>
  outcome.ran ? outcome.result : { status: 'crash', observations: [], detail: 'the interpreter left before the program ran' };

/** Runs the calls it is given one after the other, even when they are made side by side. */
class OneAtATime {
  private last: Promise<unknown> = Promise.resolve();

  run<T>(task: () => Promise<T>): Promise<T> {
    const next = this.last.then(task, task);
    this.last = next.catch(() => undefined);
    return next;
  }
}

export class NaiveNativeOracle implements Oracle {
  private readonly queue = new OneAtATime();

  constructor(private readonly python = 'python3') {}

  async info(): Promise<InterpreterInfo> {
    const worker = await WorkerProcess.start(this.python, { design: 'once' });
    const { version, bits, executable } = worker.hello;
    await worker.close();
    return { name: this.python, version, bits, kind: 'native', executable, design: 'a new process per program' };
  }

  run(requests: readonly OracleRequest[]): Promise<RunResult[]> {
    return this.queue.run(() => this.runInTurn(requests));
  }

  private async runInTurn(requests: readonly OracleRequest[]): Promise<RunResult[]> {
    const results: RunResult[] = [];
    for (const request of requests) {
      const worker = await WorkerProcess.start(this.python, { design: 'once' });
      try {
        results.push(resultOf(await worker.send(request, request.timeoutMs ?? TIMEOUT_MS)));
      } finally {
        await worker.close();
      }
    }
    return results;
  }

  async close(): Promise<void> {}
}

export class NaiveEmbeddedOracle implements Oracle {
  private readonly queue = new OneAtATime();

  constructor(private readonly build: string) {}

  async info(): Promise<InterpreterInfo> {
    const oracle = new PyodideOracle(this.build, { jobs: 1 });
    try {
      return { ...(await oracle.info()), design: 'a freshly loaded build per program' };
    } finally {
      await oracle.close();
    }
  }

  run(requests: readonly OracleRequest[]): Promise<RunResult[]> {
    return this.queue.run(() => this.runInTurn(requests));
  }

  private async runInTurn(requests: readonly OracleRequest[]): Promise<RunResult[]> {
    const results: RunResult[] = [];
    for (const request of requests) {
      const oracle = new PyodideOracle(this.build, { jobs: 1 });
      try {
        results.push(...(await oracle.run([request])));
      } finally {
        await oracle.close();
      }
    }
    return results;
  }

  async close(): Promise<void> {}
}
