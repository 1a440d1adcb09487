// The embedded oracles (SPEC section 4): CPython compiled to WebAssembly, from the npm package
// pyodide installed under one alias per release (oracle/pyodide-builds.ts), no Python on the
// machine needed. One Node process can hold only one Pyodide build, so each oracle runs its build
// in child processes of its own (oracle/pyodide-child.ts), a pool of them (oracle/pool.ts), each
// loaded once and handed programs ahead of time; each program starts from the same memory image
// of the prepared interpreter (oracle/pyodide-memory.ts). A program past its limit, or a child
// that dies, costs a new child.
import { WorkerPool } from './pool.ts';
import { buildStatus, findBuild, PYODIDE_BUILDS, type PyodideBuild } from './pyodide-builds.ts';
import { checkExecutable, DEFAULT_EXECUTABLE } from './pyodide-load.ts';
import { PyodideProcess } from './pyodide-process.ts';
import { OracleError, type InterpreterInfo, type Oracle, type OracleRequest, type RunResult } from './types.ts';

export { PYODIDE_BUILDS, pyodideBuilds, type BuildStatus, type PyodideBuild } from './pyodide-builds.ts';

export interface PyodideOracleOptions {
  /** Per-program wall-clock limit when a request gives none. Default 10 s. */
  timeoutMs?: number;
  /**
   * Children running programs at the same time, each with the build loaded (about 250 MB each;
   * a child beyond the first starts only when programs wait for it). Default 1: `cmm check`
   * asks for one per core.
   */
  jobs?: number;
  /**
   * The program name the build starts under (its sys.executable). Default /cmm/python, whatever
   * the checkout's path: the name is in memory before any program runs, so its length decides
   * where later blocks fall (oracle/pyodide-load.ts). An observation that changes with the name
   * is a fact of one heap's layout, not of CPython (cases/heap-layout.test.ts).
   */
  executable?: string;
}

const DEFAULT_TIMEOUT_MS = 10_000;
/** Programs handed to one child ahead of its answers. */
const WINDOW = 16;

export class PyodideOracle implements Oracle {
  readonly build: PyodideBuild;
  private readonly jobs: number;
  private readonly executable: string;
  private readonly pool: WorkerPool<PyodideProcess>;

  /** `build`: a name (`wasm-3.12`), a CPython version (`3.12`) or an alias (`pyodide-0.27`). */
  constructor(build: string, options: PyodideOracleOptions = {}) {
    const found = findBuild(build);
    if (!found) {
      throw new OracleError(`'${build}' is no embedded build: choose one of ${PYODIDE_BUILDS.map((b) => b.name).join(', ')}`);
    }
    this.build = found;
    this.jobs = Math.max(1, options.jobs ?? 1);
    try {
      this.executable = checkExecutable(options.executable ?? DEFAULT_EXECUTABLE);
    } catch (error) {
      throw new OracleError(error instanceof Error ? error.message : String(error));
    }
    this.pool = new WorkerPool({
      size: this.jobs,
      timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
      window: WINDOW,
      name: found.name,
      start: () => this.start(),
    });
  }

  /** The pid of the first running child, if one is running (for tests and diagnostics). */
  get pid(): number | undefined {
    return this.pids[0];
  }

  /** The pids of the running children. */
  get pids(): number[] {
    return this.pool.workers.flatMap((w) => (w.pid !== undefined ? [w.pid] : []));
  }

  async info(): Promise<InterpreterInfo> {
    const { hello } = await this.pool.first();
    const children = `${this.jobs} child${this.jobs === 1 ? '' : 'ren'}`;
    return { name: this.build.name, version: hello.version, bits: hello.bits, kind: 'embedded', design: `memory image restored per program, ${children}` };
  }

  run(requests: readonly OracleRequest[]): Promise<RunResult[]> {
    return this.pool.run(requests);
  }

  close(): Promise<void> {
    return this.pool.close();
  }

  private async start(): Promise<PyodideProcess> {
    const status = buildStatus(this.build);
    const { name, alias, pyodide, python } = this.build;
    if (!status.installed || status.dir === undefined || status.installedVersion === undefined) {
      throw new OracleError(`${name} is not installed: npm install --save ${alias}@npm:pyodide@${pyodide}`);
    }
    const child = await PyodideProcess.start(alias, status.dir, status.installedVersion, this.executable);
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
