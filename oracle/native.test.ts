// The native oracle against the machine's python3: what each mode observes, how programs that
// fail, hang or crash come back, and that every program starts from the same clean state.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Mode } from '../language/ast.ts';
import { NativeOracle } from './native.ts';
import { childrenOf, isRunning, waitFor } from './proc.ts';
import type { RunResult } from './types.ts';

const MODES: Mode[] = ['module', 'function', 'repl'];

let oracle: NativeOracle;
beforeAll(() => {
  oracle = new NativeOracle({ timeoutMs: 5000 });
});
afterAll(async () => {
  await oracle.close();
});

async function run(source: string, mode: Mode = 'module', timeoutMs?: number): Promise<RunResult> {
  const [result] = await oracle.run([{ source, mode, timeoutMs }]);
  return result!;
}

async function observe(source: string, mode: Mode = 'module'): Promise<string[]> {
  const result = await run(source, mode);
  expect(result.status, result.detail).toBe('ok');
  return result.observations;
}

describe('module mode', () => {
  it('observes every expression statement that is not None, inside functions each time it runs', async () => {
    const source = "x = 1\nx\n's'\nNone\ndef f():\n    2\nf()\nf()\n[x, 2.5]";
    expect(await observe(source)).toEqual(['1', "'s'", '2', '2', '[1, 2.5]']);
  });

  it('leaves docstrings of the module, functions and classes alone', async () => {
    const source = "'module doc'\ndef f():\n    'f doc'\n    3\nclass C:\n    'C doc'\n    4\nf()\nf.__doc__";
    expect(await observe(source)).toEqual(['4', '3', "'f doc'"]);
  });

  it('keeps __name__ as __main__ and top-level return a SyntaxError', async () => {
    expect(await observe('__name__')).toEqual(["'__main__'"]);
    expect(await observe('1\nreturn 2')).toEqual(['!SyntaxError']);
  });
});

describe('function mode', () => {
  it('runs the source as the body of a function called once: names are fast locals', async () => {
    expect(await observe('x = 1\nx\nreturn 5\n6', 'function')).toEqual(['1']);
    expect(await observe('x\nx = 1', 'function')).toEqual(['!UnboundLocalError']);
    expect(await observe('x\nx = 1', 'module')).toEqual(['!NameError']);
  });

  it('allows global, observes inside nested defs, and treats a leading string as the docstring', async () => {
    expect(await observe("'doc'\nglobal g\ng = 2\ng\ndef h():\n    g * 3\nh()", 'function')).toEqual(['2', '6']);
  });

  it('keeps triple-quoted strings exactly as written (the body is not re-indented text)', async () => {
    expect(await observe('s = """a\n  b\nc"""\ns', 'function')).toEqual(["'a\\n  b\\nc'"]);
  });

  it('runs an empty program', async () => {
    expect(await observe('', 'function')).toEqual([]);
  });
});

describe('repl mode', () => {
  it('echoes what the prompt echoes and binds _ as sys.displayhook does', async () => {
    expect(await observe('5\n_', 'repl')).toEqual(['5', '5']);
    expect(await observe('5\nNone\n_', 'repl')).toEqual(['5', '5']);
    expect(await observe('_', 'repl')).toEqual(['!NameError']);
  });

  it('echoes no expression statement inside a def, only top-level ones', async () => {
    expect(await observe('def f():\n    7\n    return 8\nf()\nf()', 'repl')).toEqual(['8', '8']);
  });

  it('takes the statements on one physical line as one input, each echoing', async () => {
    expect(await observe('a = 1; b = 2; a; b\nx = (1,\n 2)\nx', 'repl')).toEqual(['1', '2', '(1, 2)']);
  });

  it('echoes exactly what `python -i` echoes, reference counts of literals included', async () => {
    const source = [
      'import sys',
      "s = 'hello world'",
      'sys.getrefcount(s)',
      "sys.getrefcount('hello world x')",
      'sys.getrefcount(1000)',
      'x = 1000; sys.getrefcount(x); x',
      'def f():',
      "    return 'r' * 3",
      '',
      'f()',
      '_',
      'sys.getrefcount(_)',
      "[1, 'a']",
      'None',
      'len(_)',
      '',
    ].join('\n');
    const { executable } = await oracle.info();
    const prompt = await execa(executable!, ['-S', '-i', '-q'], { input: source, env: { PYTHONHASHSEED: '0' } });
    const echoed = prompt.stdout.split('\n').filter((line) => line !== '');
    expect(echoed).toHaveLength(10);
    expect(await observe(source, 'repl')).toEqual(echoed);
  });

  it('compiles each input when its turn comes', async () => {
    // A later input that fails to compile does not stop the earlier ones from running.
    expect(await observe('1\nreturn 2', 'repl')).toEqual(['1', '!SyntaxError']);
  });
});

describe('failures inside the program', () => {
  it.each(MODES)('ends the list with the exception name in %s mode', async (mode) => {
    expect(await observe('1\nundefined_name\n2', mode)).toEqual(['1', '!NameError']);
  });

  it.each(MODES)('reports a SyntaxError as an observation in %s mode', async (mode) => {
    expect(await observe('x = (', mode)).toEqual(['!SyntaxError']);
  });

  it('ignores exceptions raised in __del__ and observes expression statements in it', async () => {
    const source = "class C:\n    def __del__(self):\n        x = 1\n        'bye'\n        1/0\nc = C()\ndel c\n'after'";
    expect(await observe(source)).toEqual(["'bye'", "'after'"]);
  });

  it('carries any repr through the protocol: newlines, quotes, lone surrogates, 100 kB', async () => {
    const source = "class R:\n    def __repr__(self):\n        return 'a\\nb\"\\ud800é'\nR()\n'x' * 100000";
    const [odd, big] = await observe(source);
    expect(odd).toBe('a\nb"\ud800é');
    expect(big).toBe(`'${'x'.repeat(100000)}'`);
  });
});

describe('limits', () => {
  it('refuses more observations than a client can hold, and goes on', async () => {
    const results = await oracle.run([
      { source: "x = 'y' * (1 << 25)\nx\nx\nx", mode: 'module' },
      { source: '1', mode: 'module' },
    ]);
    expect(results[0]).toEqual({ status: 'error', observations: [], detail: 'the program sent back more than 64 MiB of observations' });
    expect(results[1]).toEqual({ status: 'ok', observations: ['1'] });
  });
});

describe('hangs and crashes', () => {
  it('kills a program past its limit, keeps what it observed, and runs the next one', async () => {
    const results = await oracle.run([
      { source: '1\nwhile True: pass', mode: 'module', timeoutMs: 500 },
      { source: '2', mode: 'module' },
    ]);
    expect(results[0]).toMatchObject({ status: 'timeout', observations: ['1'] });
    expect(results[1]).toEqual({ status: 'ok', observations: ['2'] });
  });

  it('reports a child killed by a signal or exiting early as crash, and goes on', async () => {
    const results = await oracle.run([
      { source: '1\nimport os; os.kill(os.getpid(), 11)', mode: 'module' },
      { source: 'import os; os._exit(3)', mode: 'module' },
      { source: '3', mode: 'module' },
    ]);
    expect(results[0]).toEqual({ status: 'crash', observations: ['1'], detail: 'killed by signal 11 (SIGSEGV)' });
    expect(results[1]).toEqual({ status: 'crash', observations: [], detail: 'exited with status 3 without a result' });
    expect(results[2]).toEqual({ status: 'ok', observations: ['3'] });
  });

  it('gives a program a memory limit: a huge allocation is a MemoryError', async () => {
    expect(await observe("x = 'x' * (4 << 30)")).toEqual(['!MemoryError']);
  });
});

describe('every program starts from the same clean state', () => {
  it('forgets names bound by the previous program', async () => {
    const results = await oracle.run([
      { source: 'leak = 1\nimport builtins\nbuiltins.leak2 = 2', mode: 'module' },
      { source: 'leak', mode: 'module' },
      { source: 'leak2', mode: 'module' },
      { source: '5', mode: 'repl' },
      { source: '_', mode: 'repl' },
    ]);
    expect(results.map((r) => r.observations)).toEqual([[], ['!NameError'], ['!NameError'], ['5'], ['!NameError']]);
  });

  it('forgets strings interned by the previous program', async () => {
    // The second intern of an equal string finds the first: the check can see interning.
    const source = "import sys\nt = ''.join(['zq', 'xw', '9'])\nsys.intern(t) is t\nu = ''.join(['zq', 'xw', '9'])\nsys.intern(u) is u";
    const results = await oracle.run([
      { source, mode: 'module' },
      { source, mode: 'module' },
    ]);
    expect(results.map((r) => r.observations)).toEqual([
      ['True', 'False'],
      ['True', 'False'],
    ]);
  });

  it('gives the very first program and later ones the same heap (same addresses)', async () => {
    const fresh = new NativeOracle();
    try {
      const results = await fresh.run(Array.from({ length: 3 }, () => ({ source: 'id(object())', mode: 'module' as const })));
      const ids = results.map((r) => r.observations[0]);
      expect(ids[0]).toMatch(/^\d+$/);
      expect(new Set(ids).size).toBe(1);
    } finally {
      await fresh.close();
    }
  });

  it.each(MODES)('starts %s programs with a disabled collector and nothing to collect', async (mode) => {
    expect(await observe('import gc\ngc.isenabled()\ngc.collect()', mode)).toEqual(['False', '0']);
  });

  it('runs with hash seed 0: the same hash in two fresh workers', async () => {
    const hashes: string[] = [];
    for (let i = 0; i < 2; i++) {
      const fresh = new NativeOracle();
      try {
        const [result] = await fresh.run([{ source: "import sys\nhash('a')\nsys.flags.hash_randomization", mode: 'module' }]);
        expect(result!.observations[1]).toBe('0');
        hashes.push(result!.observations[0]!);
      } finally {
        await fresh.close();
      }
    }
    expect(hashes[0]).toMatch(/^-?\d+$/);
    expect(hashes[1]).toBe(hashes[0]);
  });
});

describe('processes', () => {
  it('starts lazily and reports the interpreter', async () => {
    const fresh = new NativeOracle();
    expect(fresh.pid).toBeUndefined();
    const info = await fresh.info();
    expect(info).toMatchObject({ name: 'python3', kind: 'native', bits: 64 });
    expect(info.version).toMatch(/^3\.\d+\.\d+/);
    expect(fresh.pid).toBeGreaterThan(0);
    await fresh.close();
    await fresh.close();
    expect(fresh.pid).toBeUndefined();
    await expect(fresh.run([{ source: '1', mode: 'module' }])).rejects.toThrow(/is closed/);
  });

  it('leaves no process behind when closed in the middle of a program', async () => {
    const fresh = new NativeOracle({ jobs: 1 });
    await fresh.info();
    const pid = fresh.pid!;
    const running = fresh.run([{ source: 'while True: pass', mode: 'module', timeoutMs: 30_000 }]);
    expect(await waitFor(() => childrenOf(pid).length === 1, 5000)).toBe(true);
    const [child] = childrenOf(pid);
    const started = Date.now();
    await fresh.close();
    expect(Date.now() - started).toBeLessThan(2000);
    const [result] = await running;
    expect(result).toMatchObject({ status: 'crash', detail: expect.stringMatching(/closed/) });
    expect(isRunning(pid)).toBe(false);
    expect(isRunning(child!)).toBe(false);
  });

  it('answers crash when the worker dies, runs the programs it had not started on a fresh one, and ends the orphan', async () => {
    const fresh = new NativeOracle({ jobs: 1 });
    try {
      await fresh.info();
      const pid = fresh.pid!;
      const running = fresh.run([
        { source: 'while True: pass', mode: 'module', timeoutMs: 1000 },
        { source: '1', mode: 'module' },
      ]);
      expect(await waitFor(() => childrenOf(pid).length === 1, 5000)).toBe(true);
      const [orphan] = childrenOf(pid);
      const killedAt = Date.now();
      process.kill(pid, 'SIGKILL');
      const results = await running;
      // Known at once: the orphan holds none of the worker's pipes open.
      expect(Date.now() - killedAt).toBeLessThan(1000);
      expect(results.map((r) => r.status)).toEqual(['crash', 'ok']);
      expect(results[0]!.detail).toMatch(/the worker died \(signal SIGKILL\)/);
      expect(await fresh.run([{ source: '2', mode: 'module' }])).toEqual([{ status: 'ok', observations: ['2'] }]);
      expect(fresh.pid).not.toBe(pid);
      // The orphan is ended with its server: it would hold the result pipes open.
      expect(isRunning(orphan!)).toBe(false);
    } finally {
      await fresh.close();
    }
  });

  it('ends its running child too when the worker gets SIGTERM', async () => {
    const fresh = new NativeOracle({ jobs: 1 });
    try {
      await fresh.info();
      const pid = fresh.pid!;
      const running = fresh.run([{ source: 'while True: pass', mode: 'module', timeoutMs: 30_000 }]);
      expect(await waitFor(() => childrenOf(pid).length === 1, 5000)).toBe(true);
      const [child] = childrenOf(pid);
      process.kill(pid, 'SIGTERM');
      const [result] = await running;
      expect(result!.status).toBe('crash');
      expect(isRunning(pid)).toBe(false);
      expect(await waitFor(() => !isRunning(child!), 2000)).toBe(true);
    } finally {
      await fresh.close();
    }
  });

  it('leaves no process behind when Node exits without closing the oracle', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cmm-oracle-exit-'));
    try {
      const script = join(dir, 'exit-without-close.mts');
      writeFileSync(
        script,
        [
          `import { NativeOracle } from ${JSON.stringify(new URL('./native.ts', import.meta.url).href)};`,
          `import { childrenOf, waitFor } from ${JSON.stringify(new URL('./proc.ts', import.meta.url).href)};`,
          'const oracle = new NativeOracle({ jobs: 1 });',
          'await oracle.info();',
          "void oracle.run([{ source: 'while True: pass', mode: 'module', timeoutMs: 30000 }]);",
          'await waitFor(() => childrenOf(oracle.pid).length === 1, 5000);',
          'console.log(JSON.stringify({ worker: oracle.pid, children: childrenOf(oracle.pid) }));',
          'process.exit(0);',
        ].join('\n'),
      );
      const { stdout } = await execa(process.execPath, ['--import', 'tsx', script], { cwd: new URL('..', import.meta.url) });
      const { worker, children } = JSON.parse(stdout) as { worker: number; children: number[] };
      expect(children).toHaveLength(1);
      expect(await waitFor(() => !isRunning(worker) && !isRunning(children[0]!), 3000)).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
