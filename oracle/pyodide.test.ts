// Every installed embedded build (oracle/pyodide.ts) against SPEC and against the native worker:
// its hello, the hash seed, the three modes, a failing program, isolation between programs, a
// timeout, and no process left after close. Each build is loaded once (and once more after the
// timeout). Loading is most of the time, so the builds play their whole part two at a time, each
// in its own child process, and the tests then check what each one did; a build that is not
// installed shows up as a skipped block that names it.
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Mode } from '../language/ast.ts';
import { NativeOracle } from './native.ts';
import { childrenOf, isRunning, waitFor } from './proc.ts';
import { PyodideOracle, pyodideBuilds, type BuildStatus } from './pyodide.ts';
import type { InterpreterInfo, OracleRequest, RunResult } from './types.ts';

const MODES: Mode[] = ['module', 'function', 'repl'];

/** Programs whose observations are the same on every CPython from 3.10 on, 32 or 64 bits. */
const SAME_EVERYWHERE: OracleRequest[] = [
  { source: "x = 1\nx\n's'\nNone\ndef f():\n    2\nf()\nf()\n[x, 2.5]", mode: 'module' },
  { source: "'module doc'\ndef f():\n    'f doc'\n    3\nclass C:\n    'C doc'\n    4\nf()\nf.__doc__", mode: 'module' },
  { source: '__name__\n1\nreturn 2', mode: 'module' },
  { source: 'x = 1\nx\nreturn 5\n6', mode: 'function' },
  { source: 'x\nx = 1', mode: 'function' },
  { source: "'doc'\nglobal g\ng = 2\ng\ndef h():\n    g * 3\nh()", mode: 'function' },
  { source: 's = """a\n  b\nc"""\ns', mode: 'function' },
  { source: '', mode: 'function' },
  { source: '5\n_\n5\nNone\n_', mode: 'repl' },
  { source: 'def f():\n    7\n    return 8\nf()\nf()', mode: 'repl' },
  { source: 'a = 1; b = 2; a; b\nx = (1,\n 2)\nx\n1\nreturn 2', mode: 'repl' },
  ...MODES.map((mode) => ({ source: 'x = (', mode })),
  ...MODES.map((mode) => ({ source: 'import gc\ngc.isenabled()\ngc.collect()', mode })),
  { source: "class C:\n    def __del__(self):\n        x = 1\n        'bye'\n        1/0\nc = C()\ndel c\n'after'", mode: 'module' },
  { source: 'import weakref\nclass C:\n    pass\nc = C()\nw = weakref.ref(c)\nw() is c\ndel c\nw() is None', mode: 'function' },
  { source: "class R:\n    def __repr__(self):\n        return 'a\\nb\"\\ud800é'\nR()\n'x' * 100000", mode: 'module' },
];

/**
 * What a program sees of the interpreter state it starts from: anything an earlier program left
 * (garbage, classes, interned strings, builtins, settings, memory) changes one of these.
 */
const PROBE: OracleRequest = {
  source: [
    'import gc, sys, builtins',
    'gc.collect()',
    'sys.getallocatedblocks()',
    'len(gc.get_objects())',
    'gc.get_count()',
    "hasattr(builtins, 'cmm_leak')",
    "hasattr(builtins, '_')",
    "t = ''.join(['zq', 'xw', '9'])",
    'sys.intern(t) is t',
    'len(object.__subclasses__())',
    'sys.getrefcount(None)',
    'sys.getrecursionlimit()',
    'id(object())',
  ].join('\n'),
  mode: 'module',
};

/** Programs that each leave something behind if the next program does not start afresh. */
const POLLUTERS: OracleRequest[] = [
  { source: "import sys\nsys.cmm_kept = sys.intern(''.join(['zq', 'xw', '9']))", mode: 'module' },
  { source: "import builtins\nbuiltins.cmm_leak = [1, 2]\ng = 'global'", mode: 'module' },
  { source: 'class K:\n    pass\nk = K()\nk.me = k\nx = [1]\nx.append(x)\ndel x', mode: 'module' },
  { source: "5\n'x' * 3", mode: 'repl' },
  { source: 'import sys\nsys.setrecursionlimit(200)\n1/0', mode: 'function' },
  { source: 'big = [0] * 1000000\nlen(big)', mode: 'module' },
];

/** The polluters' effects inside the probe's own program: what the probe sees when state leaks. */
const POLLUTED_PROBE: OracleRequest = {
  source: [
    'import sys, builtins',
    "sys.cmm_kept = sys.intern(''.join(['zq', 'xw', '9']))",
    'builtins.cmm_leak = [1, 2]',
    'class K:\n    pass',
    'k = K()\nk.me = k\nx = [1]\nx.append(x)\ndel x',
    'builtins._ = 1',
    'sys.setrecursionlimit(200)',
    PROBE.source,
  ].join('\n'),
  mode: 'module',
};

/**
 * The hash of 'a' every 32-bit build gives under PYTHONHASHSEED=0, recorded from a run. Where
 * Py_hash_t is 32 bits CPython hashes strings with FNV (sys.hash_info.algorithm 'fnv', Python/pyhash.c)
 * instead of SipHash, so it cannot equal a 64-bit native python3's hash('a') (4644417185603328019
 * under seed 0, SipHash-1-3); seed 0 makes FNV's prefix and suffix zero, which fnv32 below checks.
 */
const HASH_A_32 = '-468864544';

/** CPython's FNV string hash with the zero key of PYTHONHASHSEED=0, for an ASCII string. */
function fnv32(text: string): number {
  const bytes = Buffer.from(text, 'latin1');
  if (bytes.length === 0) return 0;
  let x = (bytes[0]! << 7) >>> 0;
  let remainder = bytes.length % 4 || 4;
  let blocks = Math.floor((bytes.length - 1) / 4);
  let p = 0;
  for (; blocks > 0; blocks--, p += 4) x = (Math.imul(1000003, x) ^ bytes.readUInt32LE(p)) >>> 0;
  for (; remainder > 0; remainder--) x = (Math.imul(1000003, x) ^ bytes[p++]!) >>> 0;
  x = (x ^ bytes.length) >>> 0;
  return (x === 0xffffffff ? 0xfffffffe : x) | 0;
}

/** The running embedded-oracle children of this process that hold `alias`. */
function childrenHolding(alias: string): number[] {
  return childrenOf(process.pid).filter((pid) => {
    try {
      return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(`/${alias}\0`);
    } catch {
      return false;
    }
  });
}

const TINY = 100;
const HANG: OracleRequest = { source: '1\nwhile True: pass', mode: 'module', timeoutMs: 300 };

/** What one build did, in order, from its first program to after its close. */
interface Play {
  /** The probe as the very first program of the freshly loaded build. */
  fresh: RunResult;
  info: InterpreterInfo;
  hash: RunResult;
  same: RunResult[];
  nameErrors: RunResult[];
  isolation: RunResult[];
  polluted: RunResult;
  tiny: { results: RunResult[]; perSecond: number };
  /** The hanging program, then the probe in the child started after it. */
  timeout: { results: RunResult[]; killed: boolean; replaced: boolean };
  close: { before: number[]; pids: number[]; pid: number; running: boolean; after: number[]; pidAfter: number | undefined };
}

async function play(build: BuildStatus): Promise<Play> {
  const oracle = new PyodideOracle(build.name, { timeoutMs: 5000 });
  try {
    const [fresh] = (await oracle.run([PROBE])) as [RunResult];
    const info = await oracle.info();
    const [hash] = (await oracle.run([{ source: "import sys\nsys.flags.hash_randomization\nhash('a')\nhash('hello world')\nsys.hash_info.algorithm", mode: 'module' }])) as [RunResult];
    const same = await oracle.run(SAME_EVERYWHERE);
    const nameErrors = await oracle.run(MODES.map((mode) => ({ source: '1\nundefined_name\n2', mode })));
    const isolation = await oracle.run([...POLLUTERS, PROBE, ...POLLUTERS.slice().reverse(), PROBE]);
    const [polluted] = (await oracle.run([POLLUTED_PROBE])) as [RunResult];

    const requests = Array.from({ length: TINY }, (_, i) => ({ source: `x = ${i}\nx\ny = [x, 'a']\nlen(y)`, mode: 'module' as const }));
    const started = performance.now();
    const tinyResults = await oracle.run(requests);
    const perSecond = TINY / ((performance.now() - started) / 1000);

    const hung = oracle.pid!;
    const timeoutResults = await oracle.run([HANG, PROBE]);
    const killed = await waitFor(() => !isRunning(hung), 2000);
    const replaced = oracle.pid !== undefined && oracle.pid !== hung;

    const before = childrenHolding(build.alias).sort();
    const pids = oracle.pids.sort();
    const pid = oracle.pid!;
    await oracle.close();
    return {
      fresh,
      info,
      hash,
      same,
      nameErrors,
      isolation,
      polluted,
      tiny: { results: tinyResults, perSecond },
      timeout: { results: timeoutResults, killed, replaced },
      close: { before, pids, pid, running: pids.some(isRunning), after: childrenHolding(build.alias), pidAfter: oracle.pid },
    };
  } finally {
    await oracle.close();
  }
}

/** Runs `task`s at most `n` at a time. */
function limiter(n: number): <T>(task: () => Promise<T>) => Promise<T> {
  let running = 0;
  const waiting: Array<() => void> = [];
  return async (task) => {
    if (running >= n) await new Promise<void>((resolve) => waiting.push(resolve));
    running++;
    try {
      return await task();
    } finally {
      running--;
      waiting.shift()?.();
    }
  };
}

const builds = pyodideBuilds();
const plays = new Map<string, Promise<Play>>();
let native: RunResult[];

beforeAll(async () => {
  const two = limiter(2);
  for (const build of builds.filter((b) => b.installed)) {
    const played = two(() => play(build));
    // Each build's tests await and report its failure; none is left unhandled meanwhile.
    played.catch(() => undefined);
    plays.set(build.name, played);
  }
  const oracle = new NativeOracle({ timeoutMs: 5000 });
  try {
    native = await oracle.run(SAME_EVERYWHERE);
  } finally {
    await oracle.close();
  }
});

for (const build of builds) {
  const label = build.installed ? `${build.name} (${build.alias}, Pyodide ${build.installedVersion})` : `${build.name}: ${build.alias} is not installed`;
  describe.skipIf(!build.installed)(label, () => {
    const played = (): Promise<Play> => plays.get(build.name)!;

    it('reports its exact CPython version, 32-bit pointers and kind', async () => {
      const { info } = await played();
      const version = new RegExp(`^${build.python.replace('.', '\\.')}\\.\\d+((a|b|rc)\\d+)?$`);
      expect(info).toEqual({ name: build.name, version: expect.stringMatching(version), bits: 32, kind: 'embedded', design: 'memory image restored per program, 1 child' });
    });

    it('runs with PYTHONHASHSEED=0: no hash randomization, FNV with a zero key', async () => {
      const { hash } = await played();
      expect(hash.observations).toEqual(['0', HASH_A_32, String(fnv32('hello world')), "'fnv'"]);
      expect(String(fnv32('a'))).toBe(HASH_A_32);
    });

    it('observes what the native worker observes, in the three modes', async () => {
      const { same } = await played();
      expect(native.every((r) => r.status === 'ok')).toBe(true);
      expect(same).toEqual(native);
    });

    it('ends the list with !NameError in every mode', async () => {
      const { nameErrors } = await played();
      expect(nameErrors).toEqual(MODES.map(() => ({ status: 'ok', observations: ['1', '!NameError'] })));
    });

    it('starts every program from the state a fresh build starts from', async () => {
      const { fresh, isolation } = await played();
      expect(fresh.status).toBe('ok');
      expect(fresh.observations[0]).toBe('0');
      expect(isolation.map((r) => r.status)).toEqual(Array(isolation.length).fill('ok'));
      expect(isolation[POLLUTERS.length]).toEqual(fresh);
      expect(isolation[isolation.length - 1]).toEqual(fresh);
    });

    it('has a probe that sees each kind of leftover state', async () => {
      const { fresh, polluted } = await played();
      const [collected, , , , leak, underscore, interned, classes, , limit] = polluted.observations;
      expect(Number(collected)).toBeGreaterThan(0);
      expect([leak, underscore, interned, limit]).toEqual(['True', 'True', 'False', '200']);
      expect(Number(classes)).toBe(Number(fresh.observations[7]) + 1);
    });

    it(`runs ${TINY} tiny programs at more than 20 a second`, async () => {
      const { tiny } = await played();
      console.log(`${build.name}: ${tiny.perSecond.toFixed(0)} programs/s`);
      expect(tiny.results.map((r) => r.observations)).toEqual(Array.from({ length: TINY }, (_, i) => [String(i), '2']));
      expect(tiny.perSecond).toBeGreaterThan(20);
    });

    it('kills a program past its limit and goes on in a fresh child that starts as the first did', async () => {
      const { fresh, timeout } = await played();
      expect(timeout.results[0]).toEqual({ status: 'timeout', observations: ['1'], detail: 'ran past its limit of 0.3 s and was killed' });
      expect(timeout.results[1]).toEqual(fresh);
      expect(timeout).toMatchObject({ killed: true, replaced: true });
    });

    it('leaves no process behind once closed', async () => {
      const { close } = await played();
      // The first child, and a second one if programs waited for it.
      expect(close.before).toEqual(close.pids);
      expect(close.pids).toContain(close.pid);
      expect(close).toMatchObject({ running: false, after: [], pidAfter: undefined });
    });
  });
}
