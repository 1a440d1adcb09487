// worker.py must run unchanged on every CPython from 3.8 on: one small program per mode on each
// CPython installed here. An interpreter that is not installed shows up as a skipped test that
// names it, never as a silent pass.
import { existsSync, readdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { NativeOracle } from './native.ts';

const PYENV = join(homedir(), '.pyenv/versions');
const MINORS = [8, 9, 10, 11, 12, 13, 14, 15];

interface Candidate {
  label: string;
  python?: string;
  /** The version the interpreter must report, as far as its location tells. */
  expected: RegExp;
}

function pyenvCandidates(): Candidate[] {
  const dirs = existsSync(PYENV) ? readdirSync(PYENV) : [];
  return MINORS.map((minor) => {
    const dir = dirs.filter((d) => d.startsWith(`3.${minor}.`) && /^\d+\.\d+\.\d+\w*$/.test(d)).sort().pop();
    const python = dir === undefined ? undefined : join(PYENV, dir, 'bin/python3');
    const present = python !== undefined && existsSync(python);
    return {
      label: present ? python : `CPython 3.${minor} under ${PYENV} (absent on this machine)`,
      python: present ? python : undefined,
      expected: new RegExp(`^${(dir ?? `3.${minor}.`).replace(/\./g, '\\.')}$`),
    };
  });
}

const SYSTEM = '/usr/bin/python3.11';
const candidates: Candidate[] = [
  ...pyenvCandidates(),
  {
    label: existsSync(SYSTEM) ? SYSTEM : `${SYSTEM} (absent on this machine)`,
    python: existsSync(SYSTEM) ? SYSTEM : undefined,
    expected: /^3\.11\.\d+$/,
  },
];

describe('worker.py on every installed CPython', () => {
  for (const { label, python, expected } of candidates) {
    it.skipIf(python === undefined)(`${label}: reports itself and observes as SPEC says in every mode`, async () => {
      const oracle = new NativeOracle({ python, timeoutMs: 5000 });
      try {
        const info = await oracle.info();
        expect(info.version).toMatch(expected);
        expect(info.bits).toBe(64);
        const results = await oracle.run([
          { source: "'doc'\nx = 1\nx\ndef f():\n    'f doc'\n    x + 1\nf()\nNone\nundefined_name\n3", mode: 'module' },
          { source: 'x = """a\n  b"""\nx\nreturn 1\n2', mode: 'function' },
          { source: 'x\nx = 1', mode: 'function' },
          { source: "5\n_\ndef f():\n    7\n    return 8\nf()\na = 1; b = 'c'; a; b", mode: 'repl' },
          { source: 'x = (', mode: 'module' },
          ...(['module', 'function', 'repl'] as const).map((mode) => ({ source: 'import gc\ngc.isenabled()\ngc.collect()', mode })),
          { source: 'id(object())', mode: 'module' },
          { source: 'id(object())', mode: 'module' },
          { source: 'while True: pass', mode: 'module', timeoutMs: 300 },
        ]);
        expect(results.slice(0, 10).map((r) => r.status)).toEqual(Array(10).fill('ok'));
        expect(results.map((r) => r.observations).slice(0, 8)).toEqual([
          ['1', '2', '!NameError'],
          ["'a\\n  b'"],
          ['!UnboundLocalError'],
          ['5', '5', '8', '1', "'c'"],
          ['!SyntaxError'],
          ['False', '0'],
          ['False', '0'],
          ['False', '0'],
        ]);
        expect(results[8]!.observations).toEqual(results[9]!.observations);
        expect(results[10]!.status).toBe('timeout');

        // The repl mode echoes what this interpreter's own prompt echoes.
        const typed = "import sys\nsys.getrefcount('lit')\nx = 1000; sys.getrefcount(x); x\n[x, 'a']\n_\nsys.getrefcount(_)\n";
        const prompt = await execa(python!, ['-S', '-i', '-q'], { input: typed, env: { PYTHONHASHSEED: '0' } });
        const [repl] = await oracle.run([{ source: typed, mode: 'repl' }]);
        expect(repl!.observations).toEqual(prompt.stdout.split('\n').filter((line) => line !== ''));
        expect(repl!.observations).toHaveLength(6);
      } finally {
        await oracle.close();
      }
    });
  }
});
