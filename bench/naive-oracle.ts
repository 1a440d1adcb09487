// The naive design the benchmark compares against: a new interpreter process per program. Native:
// `python3` looked up on PATH every time (a version manager's shim included), the worker run once.
// Embedded: a child process that loads the build, runs one program and leaves.
import type { Outcome } from '../oracle/pool.ts';
import { PyodideOracle } from '../oracle/pyodide.ts';
import type { InterpreterInfo, Oracle, OracleRequest, RunResult } from '../oracle/types.ts';
import { WorkerProcess } from '../oracle/worker-process.ts';

const TIMEOUT_MS = 10_000;

const resultOf = (outcome: Outcome): RunResult =>
  outcome.ran ? outcome.result : { status: 'crash', observations: [], detail: 'the interpreter left before the program ran' };

export class NaiveNativeOracle implements Oracle {
  constructor(private readonly python = 'python3') {}

  async info(): Promise<InterpreterInfo> {
    const worker = await WorkerProcess.start(this.python, { design: 'once' });
    const { version, bits, executable } = worker.hello;
    await worker.close();
    return { name: this.python, version, bits, kind: 'native', executable, design: 'a new process per program' };
  }

  async run(requests: readonly OracleRequest[]): Promise<RunResult[]> {
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
  constructor(private readonly build: string) {}

  async info(): Promise<InterpreterInfo> {
    const oracle = new PyodideOracle(this.build, { jobs: 1 });
    try {
      return { ...(await oracle.info()), design: 'a freshly loaded build per program' };
    } finally {
      await oracle.close();
    }
  }

  async run(requests: readonly OracleRequest[]): Promise<RunResult[]> {
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
