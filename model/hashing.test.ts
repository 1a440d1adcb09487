// hash() of str, bytes, tuples and numbers, as the model computes it, against every CPython
// installed here, run with PYTHONHASHSEED=0 as the oracles run programs.
import { execa } from 'execa';
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { describe, expect, it } from 'vitest';
import { parseProgram } from '../language/parse.ts';
import { hashOf } from './hashing.ts';
import type { PyObj } from './objects.ts';
import { profileFor } from './profile.ts';
import { predictDetailed } from './predict.ts';

const VALUES = [
  "''", "'a'", "'ab'", "'abcdefg'", "'abcdefgh'", "'abcdefghi'", "'hello world'", "'é'", "'Ω'", "'😀x'",
  "b''", "b'a'", "b'abcdefgh!'", '()', '(1,)', '(1, 2)', "(1, 'a', (2.5, b'x'))", '-1', '2 ** 64', '1.5', '-0.0',
];

const PYENV = `${homedir()}/.pyenv/versions`;
const PYTHONS = ['3.8.18', '3.9.18', '3.10.13', '3.11.7', '3.12.1', '3.13.0'].map((v) => `${PYENV}/${v}/bin/python3`);

describe.each(PYTHONS)('hash() on %s', (python) => {
  it.skipIf(!existsSync(python))('matches the model for every value', async () => {
    const script = 'import sys, json\nprint(json.dumps([sys.version.split()[0]] + [str(hash(eval(e))) for e in json.load(sys.stdin)]))';
    const { stdout } = await execa(python, ['-c', script], {
      input: JSON.stringify(VALUES), env: { PYTHONHASHSEED: '0' }, extendEnv: true,
    });
    const [version, ...cpython] = JSON.parse(stdout) as string[];
    const profile = profileFor(version, 64);
    // Each value made by the model as a program makes it, then hashed by the model's hash().
    const model = VALUES.map((v) => predictDetailed(parseProgram(`hash(${v})\n`, { mode: 'module' }), profile).observations[0]);
    expect(model).toEqual(cpython);
  });
});

it('declines where the hash is an address', () => {
  const o = { payload: { kind: 'object' } } as unknown as PyObj;
  expect(hashOf(o, profileFor('3.11', 64))).toBeNull();
  const [h] = predictDetailed(parseProgram('hash(object())\n'), profileFor('3.11', 64)).observations;
  expect(h).toBeNull();
});

it('hashes str with FNV on the WebAssembly builds', () => {
  // Observed on the Pyodide builds (3.10 to 3.14, sys.hash_info.algorithm == 'fnv') under PYTHONHASHSEED=0.
  const profile = profileFor('3.12.7', 32, 'embedded');
  const hashes = predictDetailed(parseProgram("hash('a')\nhash('abc')\nhash('')\n"), profile).observations;
  expect(hashes).toEqual(['-468864544', '-1600925533', '0']);
  // Given only a version and a width, a 32-bit build's algorithm is unknown: declined.
  expect(predictDetailed(parseProgram("hash('a')\n"), profileFor('3.12.7', 32)).observations).toEqual([null]);
});
