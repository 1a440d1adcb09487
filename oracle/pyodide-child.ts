// The embedded oracle's child process: one Pyodide build (one Node process can hold only one),
// loaded once, answering programs one at a time over stdin and stdout (oracle/pyodide-protocol.ts).
// Started through oracle/pyodide-child.mjs as
// `node pyodide-child.mjs <package dir> <pyodide version> <program name>`.
//
// A program runs on the main thread and cannot be interrupted there: the parent kills this process
// when a program runs past its limit. If the parent is gone and cannot, a watchdog thread ends the
// process a little after the limit, as worker.py's child ends itself with its own alarm.
import { createInterface } from 'node:readline';
import { Worker } from 'node:worker_threads';
import { EmbeddedInterpreter } from './pyodide-interpreter.ts';
import { endLine, failedLine, helloLine, parseRequest, startLine } from './pyodide-protocol.ts';

/** Past this much memory grown by programs, a fresh child is cheaper than zeroing it before each program. */
const RETIRE_GROWN_BYTES = 256 << 20;
const BACKSTOP_MS = 2000;

const WATCHDOG_SOURCE = `
const { workerData } = require('node:worker_threads');
const deadline = new BigInt64Array(workerData);
setInterval(() => {
  const at = Atomics.load(deadline, 0);
  if (at !== 0n && BigInt(Date.now()) > at) process.kill(process.pid, 'SIGKILL');
}, 100);
`;

interface Watchdog {
  arm(ms: number): void;
  disarm(): void;
}

function startWatchdog(): Watchdog {
  const deadline = new BigInt64Array(new SharedArrayBuffer(8));
  const worker = new Worker(WATCHDOG_SOURCE, { eval: true, workerData: deadline.buffer });
  worker.unref();
  return {
    arm: (ms) => Atomics.store(deadline, 0, BigInt(Date.now() + ms)),
    disarm: () => Atomics.store(deadline, 0, 0n),
  };
}

function write(line: string): void {
  // Synchronous for pipes on Linux: each line is out before the next statement of the program runs.
  process.stdout.write(line);
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '';
}

async function main(dir: string, version: string, executable: string): Promise<number> {
  let interpreter: EmbeddedInterpreter;
  try {
    interpreter = await EmbeddedInterpreter.start(dir, version, executable);
  } catch (error) {
    write(failedLine(`cannot load Pyodide ${version} from ${dir}: ${firstLine(error)}`));
    return 1;
  }
  const { hello } = interpreter;
  if (hello.bits !== 32 && hello.bits !== 64) {
    write(failedLine(`Pyodide ${version} reports ${hello.bits}-bit pointers`));
    return 1;
  }
  write(helloLine({ version: hello.version, bits: hello.bits, implementation: hello.implementation, pyodide: version, pid: process.pid }));
  const watchdog = startWatchdog();
  for await (const line of createInterface({ input: process.stdin, crlfDelay: Infinity })) {
    if (line.trim() === '') continue;
    let request;
    try {
      request = parseRequest(line);
    } catch (error) {
      write(endLine({ status: 'error', detail: `bad request: ${firstLine(error)}` }, false));
      continue;
    }
    write(startLine());
    watchdog.arm(request.timeoutMs + BACKSTOP_MS);
    const end = interpreter.run(request.source, request.mode, (observation) => write(`${observation}\n`));
    watchdog.disarm();
    const retire = end.status === 'crash' || interpreter.grownBytes > RETIRE_GROWN_BYTES;
    write(endLine(end, retire));
    if (retire) return 0;
  }
  return 0;
}

// An interrupt at the terminal is the parent's business: it closes this child when it wants to.
process.on('SIGINT', () => undefined);
const [dir, version, executable] = process.argv.slice(2);
if (dir === undefined || version === undefined || executable === undefined) {
  write(failedLine('usage: pyodide-child.mjs <package dir> <pyodide version> <program name>'));
  process.exit(2);
}
process.exit(await main(dir, version, executable));
