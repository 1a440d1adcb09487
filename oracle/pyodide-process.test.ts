// The embedded oracle's process handling, the same for every build, so checked on one: a child
// that dies, an interpreter that fails, too much output, a grown memory, closing in the middle of
// a program, and no child left when the Node process using the oracle exits or is killed.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isRunning, waitFor } from './proc.ts';
import { PyodideOracle, pyodideBuilds } from './pyodide.ts';
import { PyodideProcess } from './pyodide-process.ts';
import { OracleError } from './types.ts';

const build = pyodideBuilds().find((b) => b.installed);
const label = build ? `${build.name} (${build.alias})` : 'no embedded build is installed';

/** Starts `lines` as an ES module in a Node process of its own; resolves with its parsed stdout. */
async function script<T>(lines: string[], run: (child: ReturnType<typeof execa>) => Promise<T>): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), 'cmm-pyodide-'));
  try {
    const file = join(dir, 'script.mts');
    writeFileSync(file, lines.join('\n'));
    return await run(execa(process.execPath, ['--import', 'tsx', file], { cwd: new URL('..', import.meta.url), reject: false }));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function oracleScript(name: string, body: string[]): string[] {
  return [
    `import { PyodideOracle } from ${JSON.stringify(new URL('./pyodide.ts', import.meta.url).href)};`,
    `const oracle = new PyodideOracle(${JSON.stringify(name)});`,
    'await oracle.info();',
    ...body,
  ];
}

describe.skipIf(!build)(`the embedded oracle's processes, on ${label}`, () => {
  let oracle: PyodideOracle;
  beforeAll(() => {
    oracle = new PyodideOracle(build!.name, { timeoutMs: 5000 });
  });
  afterAll(() => oracle.close());

  it('starts lazily, once', async () => {
    expect(oracle.pid).toBeUndefined();
    const [info, again] = await Promise.all([oracle.info(), oracle.info()]);
    expect(again).toEqual(info);
    expect(oracle.pid).toBeGreaterThan(0);
  });

  it('answers crash when the child dies, with what was observed, and goes on in a new child', async () => {
    const pid = oracle.pid!;
    const running = oracle.run([
      { source: '1\nwhile True: pass', mode: 'module', timeoutMs: 30_000 },
      { source: '2', mode: 'module' },
    ]);
    await new Promise((resolve) => setTimeout(resolve, 300));
    process.kill(pid, 'SIGKILL');
    const results = await running;
    expect(results[0]).toEqual({ status: 'crash', observations: ['1'], detail: 'the child died (signal SIGKILL)' });
    expect(results[1]).toEqual({ status: 'ok', observations: ['2'] });
    expect(oracle.pid).not.toBe(pid);
  });

  it('answers crash when the interpreter fails, refuses too much output, sheds a grown memory, and goes on', async () => {
    const pids: Array<number | undefined> = [];
    const results = [];
    for (const source of ['1\nimport os\nos._exit(3)', "x = 'y' * (1 << 25)\nx\nx\nx", 'x = bytearray(300_000_000)\nlen(x)', '4']) {
      // What is checked is the output limit and the memory, not time: on a loaded machine making
      // 64 MiB of text can take longer than the default limit of 5 s.
      const [result] = await oracle.run([{ source, mode: 'module', timeoutMs: 60_000 }]);
      results.push(result);
      pids.push(oracle.pid);
    }
    expect(results).toEqual([
      { status: 'crash', observations: ['1'], detail: expect.stringMatching(/^the interpreter failed: .*exit\(3\)/) },
      { status: 'error', observations: [], detail: 'the program sent back more than 64 MiB of observations' },
      { status: 'ok', observations: ['300000000'] },
      { status: 'ok', observations: ['4'] },
    ]);
    // After each of the first three the child is gone: failed, killed, retired for its memory.
    expect(pids.slice(0, 3)).toEqual([undefined, undefined, undefined]);
    expect(pids[3]).toBeGreaterThan(0);
  });

  it('ends the child at once when closed in the middle of a program, and is closed for good', async () => {
    const fresh = new PyodideOracle(build!.name);
    await fresh.info();
    const pid = fresh.pid!;
    const running = fresh.run([
      { source: 'while True: pass', mode: 'module', timeoutMs: 30_000 },
      { source: '1', mode: 'module' },
    ]);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const started = Date.now();
    await fresh.close();
    await fresh.close();
    expect(Date.now() - started).toBeLessThan(1000);
    const detail = 'the oracle was closed before the program finished';
    expect(await running).toEqual([
      { status: 'crash', observations: [], detail },
      { status: 'crash', observations: [], detail },
    ]);
    expect(isRunning(pid)).toBe(false);
    expect(fresh.pid).toBeUndefined();
    await expect(fresh.run([{ source: '1', mode: 'module' }])).rejects.toThrow(`the oracle for ${build!.name} is closed`);
    await expect(fresh.info()).rejects.toThrow(OracleError);
  });

  it('leaves no child behind when Node exits without closing the oracle', async () => {
    const child = await script(
      oracleScript(build!.name, [
        "void oracle.run([{ source: 'while True: pass', mode: 'module', timeoutMs: 30000 }]);",
        'await new Promise((resolve) => setTimeout(resolve, 300));',
        'console.log(oracle.pid);',
        'process.exit(0);',
      ]),
      async (started) => Number((await started).stdout),
    );
    expect(child).toBeGreaterThan(0);
    expect(await waitFor(() => !isRunning(child), 3000)).toBe(true);
  });

  it('leaves no child behind when Node is killed in the middle of a program: the child ends itself past the limit', async () => {
    const child = await script(
      oracleScript(build!.name, [
        "void oracle.run([{ source: 'while True: pass', mode: 'module', timeoutMs: 1000 }]);",
        'await new Promise((resolve) => setTimeout(resolve, 300));',
        'console.log(oracle.pid);',
        'await new Promise(() => undefined);',
      ]),
      async (started) => {
        const pid = await new Promise<number>((resolve) => started.stdout!.once('data', (chunk: Buffer) => resolve(Number(chunk.toString()))));
        started.kill('SIGKILL');
        await started;
        return pid;
      },
    );
    expect(child).toBeGreaterThan(0);
    expect(isRunning(child)).toBe(true);
    // Its own watchdog: the program's limit (1 s) and 2 s more.
    expect(await waitFor(() => !isRunning(child), 6000)).toBe(true);
  });
});

describe('a build that cannot load', () => {
  it('is a one-line OracleError naming what is missing', async () => {
    const started = PyodideProcess.start('pyodide-0.27', '/nonexistent/pyodide-0.27', '0.27.7');
    await expect(started).rejects.toThrow(OracleError);
    await expect(started).rejects.toThrow(/^cannot load Pyodide 0\.27\.7 from \/nonexistent\/pyodide-0\.27: \/nonexistent\/pyodide-0\.27\/pyodide\.mjs is missing: reinstall the package$/);
  });
});
