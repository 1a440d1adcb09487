// One loaded Pyodide build that runs programs, each from the same clean state (the embedded
// oracle's child): the harness imported, its observation device open, the memory image taken.
import { readFileSync } from 'node:fs';
import type { Mode } from '../language/ast.ts';
import { loadBuild, type PyCallable, type PyodideInstance } from './pyodide-load.ts';
import { MemoryImage } from './pyodide-memory.ts';
import type { ProgramEnd } from './pyodide-protocol.ts';

const WORKER_PY = new URL('./worker.py', import.meta.url);
const HARNESS_PY = new URL('./pyodide_harness.py', import.meta.url);
const HOME = '/cmm';
const DEVICE = `${HOME}/out`;
/** A major device number Emscripten's own devices (1, 5 and 6) leave free. */
const DEVICE_MAJOR = 240;

/** What the build says about itself once the harness is in place. */
export interface EmbeddedHello {
  version: string;
  bits: number;
  implementation: string;
  hash_randomization: number;
}

function pyCallable(value: unknown, name: string): PyCallable {
  if (typeof value !== 'function') throw new Error(`the harness has no function ${name}`);
  return value as PyCallable;
}

export class EmbeddedInterpreter {
  private readonly runInPython: PyCallable;
  private readonly image: MemoryImage;
  readonly hello: EmbeddedHello;
  /** The current program's output: a line not yet whole, and where whole lines go. */
  private pending = '';
  private observe: (line: string) => void = () => undefined;
  private end?: ProgramEnd;

  private constructor(pyodide: PyodideInstance) {
    const { FS } = pyodide._module;
    const dev = FS.makedev(DEVICE_MAJOR, 0);
    FS.registerDevice(dev, {
      open: () => undefined,
      close: () => undefined,
      read: () => 0,
      write: (_stream, buffer, offset, length) => {
        this.receive(Buffer.from(buffer.buffer, buffer.byteOffset + offset, length).toString('latin1'));
        return length;
      },
    });
    FS.mkdir(HOME);
    FS.mkdev(DEVICE, 0o200, dev);
    FS.writeFile(`${HOME}/cmm_worker.py`, readFileSync(WORKER_PY));
    FS.writeFile(`${HOME}/cmm_harness.py`, readFileSync(HARNESS_PY));
    pyodide.runPython(
      [
        'import sys',
        `sys.path.insert(0, ${JSON.stringify(HOME)})`,
        'try:',
        '    import cmm_harness',
        'finally:',
        '    del sys.path[0]',
        'del sys, cmm_harness',
      ].join('\n'),
    );
    const harness = pyodide.pyimport('cmm_harness');
    const hello = pyCallable(harness.prepare, 'prepare')(DEVICE);
    if (typeof hello !== 'string') throw new Error('the harness answered no hello');
    this.hello = JSON.parse(hello) as EmbeddedHello;
    if (this.hello.hash_randomization !== 0) {
      throw new Error(`PYTHONHASHSEED=0 did not reach CPython ${this.hello.version} (sys.flags.hash_randomization is ${this.hello.hash_randomization})`);
    }
    this.runInPython = pyCallable(harness.run, 'run');
    pyCallable(harness.settle, 'settle')();
    this.image = MemoryImage.take(pyodide._module);
  }

  /** Loads the build installed in `dir`, named `executable`, and prepares it; rejects with what went wrong. */
  static async start(dir: string, version: string, executable?: string): Promise<EmbeddedInterpreter> {
    return new EmbeddedInterpreter(await loadBuild(dir, version, executable));
  }

  /** How far the memory has grown past its image (each later restore zeroes that much). */
  get grownBytes(): number {
    return this.image.grownBytes;
  }

  /**
   * Runs one program from the clean state; `observe` receives each observation as it happens,
   * as a line holding a JSON string. `crash` means the interpreter is no longer usable.
   */
  run(source: string, mode: Mode, observe: (line: string) => void): ProgramEnd {
    this.image.restore();
    this.pending = '';
    this.end = undefined;
    this.observe = observe;
    try {
      this.runInPython(source, mode);
    } catch (error) {
      const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      return { status: 'crash', detail: `the interpreter failed: ${text.split('\n')[0]}` };
    } finally {
      this.observe = () => undefined;
    }
    return this.end ?? { status: 'error', detail: 'the harness ended without a result' };
  }

  private receive(text: string): void {
    this.pending += text;
    let newline: number;
    while ((newline = this.pending.indexOf('\n')) >= 0) {
      const line = this.pending.slice(0, newline);
      this.pending = this.pending.slice(newline + 1);
      if (this.end) continue;
      if (line.startsWith('"')) this.observe(line);
      else if (line === '.') this.end = { status: 'ok' };
      else if (line.startsWith('E')) this.end = { status: 'error', detail: String(JSON.parse(line.slice(1))) };
      else this.end = { status: 'error', detail: `the harness wrote an unexpected line: ${line.slice(0, 80)}` };
    }
  }
}
