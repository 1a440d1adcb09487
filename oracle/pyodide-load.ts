// Loading one Pyodide build inside the current Node process (the embedded oracle's child): from
// its npm package alone, with PYTHONHASHSEED=0, the program's standard streams going nowhere, and
// the program name it is given rather than the path of this checkout.
// Only the few parts of Pyodide's and Emscripten's API that the oracle uses are typed here.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** Emscripten's device operations, as FS.registerDevice takes them. */
export interface DeviceOps {
  open(): void;
  close(): void;
  read(): number;
  write(stream: unknown, buffer: Uint8Array, offset: number, length: number): number;
}

export interface EmscriptenFS {
  makedev(major: number, minor: number): number;
  registerDevice(dev: number, ops: DeviceOps): void;
  mkdir(path: string): void;
  mkdev(path: string, mode: number, dev: number): void;
  writeFile(path: string, data: string | Uint8Array): void;
}

export interface EmscriptenModule {
  /** Re-made by Emscripten whenever the memory grows: read it afresh each time. */
  HEAPU8: Uint8Array;
  FS: EmscriptenFS;
  ENV: Record<string, string>;
  preRun: Array<() => void>;
  /** Emscripten's file packager asks this for its data before reading the file itself. */
  getPreloadedPackage?: (name: string, size: number) => ArrayBuffer;
}

/** A Python object seen from JavaScript (a PyProxy); only calls and attribute reads are used. */
export type PyCallable = (...args: unknown[]) => unknown;

export interface PyodideInstance {
  _module: EmscriptenModule;
  runPython(code: string): unknown;
  pyimport(name: string): Record<string, unknown>;
}

type LoadPyodide = (options: Record<string, unknown>) => Promise<PyodideInstance>;
type CreateModule = (module: EmscriptenModule) => unknown;

/**
 * loadPyodide's `env` option came with Pyodide 0.24 (pyodide PR 3870). A build that ignored it
 * anyway would not load: the harness stops on sys.flags.hash_randomization.
 */
function lacksEnvOption(version: string): boolean {
  const [major, minor] = version.split('.').map(Number);
  return major === 0 && (minor ?? 0) < 24;
}

/**
 * Pyodide 0.22 (the oldest build here) needs two things done to its Emscripten module before
 * CPython starts, which its loadPyodide has no option for. Its pyodide.mjs loads pyodide.asm.js only when no
 * `_createPyodideModule` is defined yet: loading it first and wrapping that factory reaches the
 * module.
 * - The environment: 0.22 sets only HOME (in a preRun hook); one more hook adds ours.
 * - Its standard library (pyodide.asm.data) is read asynchronously and copied into the wasm heap
 *   whenever the read completes, before or after CPython's first allocations, so two loads did not
 *   leave the same heap (other addresses, other reference counts). Handing it over at once, through
 *   Emscripten's getPreloadedPackage hook, makes every load the same.
 */
async function prepareOldModule(dir: string, env: Record<string, string>): Promise<void> {
  await import(pathToFileURL(join(dir, 'pyodide.asm.js')).href);
  const scope = globalThis as unknown as { _createPyodideModule?: CreateModule };
  const create = scope._createPyodideModule;
  if (typeof create !== 'function') throw new Error(`${dir}/pyodide.asm.js did not define _createPyodideModule`);
  scope._createPyodideModule = (module) => {
    module.preRun.push(() => Object.assign(module.ENV, env));
    module.getPreloadedPackage = (name) => {
      const bytes = readFileSync(name);
      return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
    };
    return create(module);
  };
}

/**
 * Whatever would reach the network fails at once instead: a build must load from its package
 * directory alone (SPEC section 4), and the oracle never installs Pyodide packages.
 */
function forbidNetwork(): void {
  globalThis.fetch = (input: unknown) => Promise.reject(new Error(`the embedded oracle does not use the network (asked for ${String(input)})`));
}

/** The build this process loaded: Pyodide's loaders leave globals behind that a second build would trip over. */
let loadedFrom: string | undefined;

/** The program name a build is started under when the oracle is given none. */
export const DEFAULT_EXECUTABLE = '/cmm/python';

/**
 * A program name the oracle can start a build under: a path of printable ASCII, no spaces, so
 * that it passes through a command line and into C unchanged.
 */
export function checkExecutable(executable: string): string {
  if (!/^\/[\x21-\x7e]{0,200}$/.test(executable)) {
    throw new Error(`an embedded build's program name is an absolute path of printable ASCII without spaces, at most 201 characters, not ${JSON.stringify(executable)}`);
  }
  return executable;
}

/**
 * Emscripten names the program after process.argv[1], the path of this checkout's
 * oracle/pyodide-child.mjs (Pyodide 0.27 and later take `_sysExecutable` first, earlier ones
 * nothing else, so rewriting argv serves every build; the arguments after it are Pyodide's own
 * `args`, empty).
 * The name is copied into the build's memory at startup (sys.executable, sys.orig_argv), ahead of
 * everything a program allocates, so the length of the checkout's path moved every later block: a
 * freed bytes(240) went to the next bytes(241) on wasm-3.12 when the checkout was /p or
 * /check/work/main and not when it was /work/main. The child's own argv is read already; from
 * here on the build sees only `executable`.
 */
function nameTheProgram(executable: string): void {
  process.argv = [process.argv[0] ?? 'node', checkExecutable(executable)];
}

/**
 * Loads the build installed in `dir` (whose package.json says `version`), named `executable`;
 * once per process.
 */
export async function loadBuild(dir: string, version: string, executable = DEFAULT_EXECUTABLE): Promise<PyodideInstance> {
  if (loadedFrom !== undefined) throw new Error(`this process already loaded (or tried to load) the build in ${loadedFrom}: one process holds one build`);
  loadedFrom = dir;
  const entry = join(dir, 'pyodide.mjs');
  if (!existsSync(entry)) throw new Error(`${entry} is missing: reinstall the package`);
  forbidNetwork();
  nameTheProgram(executable);
  const env = { PYTHONHASHSEED: '0' };
  if (lacksEnvOption(version)) await prepareOldModule(dir, env);
  const loaded: unknown = await import(pathToFileURL(entry).href);
  const loadPyodide = (loaded as { loadPyodide?: unknown }).loadPyodide;
  if (typeof loadPyodide !== 'function') throw new Error(`${entry} exports no loadPyodide`);
  return (loadPyodide as LoadPyodide)({
    indexURL: dir.endsWith('/') ? dir : `${dir}/`,
    env,
    // What a program prints is no observation; input() finds the end of its input.
    stdout: () => undefined,
    stdin: () => null,
  });
}
