// The embedded oracles (SPEC section 4): CPython compiled to WebAssembly, from the npm package
// pyodide installed under one alias per release (oracle/pyodide-builds.ts), no Python on the
// machine needed. One Node process can hold only one Pyodide build, so each oracle runs its build
// in a child process of its own (oracle/pyodide-child.ts), loaded once and reused for every
// program; each program starts from the same memory image of the prepared interpreter
// (oracle/pyodide-memory.ts). A program past its limit, or a child that dies, costs a new child.
import { buildStatus, findBuild, PYODIDE_BUILDS, type PyodideBuild } from './pyodide-builds.ts';
import { PyodideProcess } from './pyodide-process.ts';
import { OracleError, type InterpreterInfo, type Oracle, type OracleRequest, type RunResult } from './types.ts';

export { PYODIDE_BUILDS, pyodideBuilds, type BuildStatus, type PyodideBuild } from './pyodide-builds.ts';

export interface PyodideOracleOptions {
  /** Per-program wall-clock limit when a request gives none. Default 10 s. */
  timeoutMs?: number;
}

const DEFAULT_TIMEOUT_MS = 10_000;
const CLOSED = 'the oracle was closed before the program finished';

export class PyodideOracle implements Oracle {
  readonly build: PyodideBuild;
  private readonly timeoutMs: number;
  private child?: PyodideProcess;
  private starting?: Promise<PyodideProcess>;
  private closing?: Promise<void>;
  /** Programs run one at a time: a later run() waits for the earlier ones. */
  private queue: Promise<unknown> = Promise.resolve();

  /** `build`: a name (`wasm-3.12`), a CPython version (`3.12`) or an alias (`pyodide-0.27`). */
  constructor(build: string, options: PyodideOracleOptions = {}) {
    const found = findBuild(build);
    if (!found) {
      throw new OracleError(`'${build}' is no embedded build: choose one of ${PYODIDE_BUILDS.map((b) => b.name).join(', ')}`);
    }
    this.build = found;
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  }

  /** The pid of the running child, if one is running (for tests and diagnostics). */
  get pid(): number | undefined {
    return this.child?.alive ? this.child.pid : undefined;
  }

  async info(): Promise<InterpreterInfo> {
    const { hello } = await this.ready();
    return { name: this.build.name, version: hello.version, bits: hello.bits, kind: 'embedded' };
  }

  run(requests: readonly OracleRequest[]): Promise<RunResult[]> {
    if (this.closing) return Promise.reject(this.closedError());
    const results = this.queue.then(() => this.runInOrder(requests));
    this.queue = results.catch(() => undefined);
    return results;
  }

  close(): Promise<void> {
    this.closing ??= (async () => {
      const child = this.child ?? (await this.starting?.catch(() => undefined));
      this.child = undefined;
      await child?.close();
    })();
    return this.closing;
  }

  private async runInOrder(requests: readonly OracleRequest[]): Promise<RunResult[]> {
    const results: RunResult[] = [];
    for (const request of requests) {
      if (this.closing) {
        results.push({ status: 'crash', observations: [], detail: CLOSED });
        continue;
      }
      const child = await this.ready();
      results.push(await child.run(request, request.timeoutMs ?? this.timeoutMs));
    }
    return results;
  }

  private closedError(): OracleError {
    return new OracleError(`the oracle for ${this.build.name} is closed`);
  }

  private async ready(): Promise<PyodideProcess> {
    if (this.closing) throw this.closedError();
    if (this.child?.alive) return this.child;
    this.child = undefined;
    this.starting ??= this.start();
    try {
      const child = await this.starting;
      if (this.closing) {
        await child.close();
        throw this.closedError();
      }
      this.child = child;
      return child;
    } finally {
      this.starting = undefined;
    }
  }

  private async start(): Promise<PyodideProcess> {
    const status = buildStatus(this.build);
    const { name, alias, pyodide, python } = this.build;
    if (!status.installed || status.dir === undefined || status.installedVersion === undefined) {
      throw new OracleError(`${name} is not installed: npm install --save ${alias}@npm:pyodide@${pyodide}`);
    }
    const child = await PyodideProcess.start(alias, status.dir, status.installedVersion);
    if (!child.hello.version.startsWith(`${python}.`)) {
      await child.close();
      throw new OracleError(`${alias} (Pyodide ${status.installedVersion}) holds CPython ${child.hello.version}, not ${python}`);
    }
    if (child.hello.implementation !== 'cpython') {
      await child.close();
      throw new OracleError(`${alias} is ${child.hello.implementation} ${child.hello.version}, not CPython`);
    }
    return child;
  }
}
