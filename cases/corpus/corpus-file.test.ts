// A corpus file is untrusted data: each malformed part is an error that names the file and the
// entry, and a program outside the case language is refused before the model sees it.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { predictDetailed } from '../../model/predict.ts';
import { checkCorpusPrograms } from './check-corpus.ts';
import { CorpusFileError, loadPrograms, readCorpus, writeCorpus, type Corpus } from './corpus-file.ts';
import { newDeclines, readDeclines, writeDeclines } from './declines-file.ts';

const dir = mkdtempSync(join(tmpdir(), 'cmm-corpus-'));
const good: Corpus = {
  generator: { seed: 1, runs: 1 },
  interpreters: { 'a': { version: '3.12.1', bits: 64, kind: 'native' }, 'b': { version: '3.11.7', bits: 64, kind: 'native' } },
  programs: [{ mode: 'module', source: 'import sys\nx = []\nsys.getrefcount(x)\n', observed: [{ on: ['a', 'b'], observations: ['2'] }] }],
};

function fileWith(text: string): string {
  const file = join(dir, `c${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(file, text);
  return file;
}

test('what writeCorpus writes, readCorpus reads back', () => {
  const file = fileWith('');
  writeCorpus(file, good);
  expect(readCorpus(file)).toEqual(good);
});

test.each([
  ['not JSON', '{', /: not JSON: /],
  ['no programs', JSON.stringify({ ...good, programs: 3 }), /: programs: must be an array/],
  ['a bad mode', JSON.stringify({ ...good, programs: [{ ...good.programs[0], mode: 'script' }] }), /: programs\[0\]\.mode: must be one of/],
  ['an unknown interpreter', JSON.stringify({ ...good, programs: [{ ...good.programs[0], observed: [{ on: ['c'], observations: [] }] }] }), /programs\[0\]\.observed\[0\]\.on: must list names/],
  ['a bad width', JSON.stringify({ ...good, interpreters: { a: { version: '3.12.1', bits: 16, kind: 'native' } } }), /interpreters\["a"\]\.bits: must be 32 or 64/],
])('%s is an error naming the entry', (_name, text, message) => {
  const file = fileWith(text);
  expect(() => readCorpus(file)).toThrow(CorpusFileError);
  expect(() => readCorpus(file)).toThrow(message);
  expect(() => readCorpus(file)).toThrow(file);
});

test('a program outside the case language is refused with its entry, line and column', () => {
  const corpus: Corpus = { ...good, programs: [...good.programs, { mode: 'module', source: 'x = 1\nimport os\n', observed: [] }] };
  expect(() => loadPrograms(corpus, 'c.json')).toThrow(/^c\.json: programs\[1\]:2:1: /);
});

test('a recorded observation the model contradicts is a failure naming the program and interpreters', () => {
  const wrong: Corpus = { ...good, programs: [{ ...good.programs[0]!, observed: [{ on: ['a', 'b'], observations: ['3'] }] }] };
  const check = checkCorpusPrograms(loadPrograms(wrong, 'c.json'), wrong.interpreters);
  // The two interpreters observed alike, but each has a profile of its own: a failure each.
  expect(check.failures).toHaveLength(2);
  expect(check.failures[0]).toMatchObject({ index: 0, on: ['a'], divergences: [{ position: 0, model: '2', cpython: '3' }] });
  expect(check.failures[1]).toMatchObject({ index: 0, on: ['b'] });
  expect(checkCorpusPrograms(loadPrograms(good, 'c.json'), good.interpreters, predictDetailed)).toMatchObject({ agreed: 2, failures: [] });
});

test('a decline the list does not allow is reported; an allowed one, or one the model stopped making, is not', () => {
  const declines = [
    { index: 3, interpreter: 'a', position: 1 },
    { index: 3, interpreter: 'b', position: 1 },
    { index: 4, interpreter: 'a', position: 0 },
  ];
  const file = fileWith('');
  writeDeclines(file, declines.slice(0, 2));
  expect(readDeclines(file)).toEqual({ '3': { a: [1], b: [1] } });
  expect(newDeclines(declines, readDeclines(file))).toEqual([{ index: 4, interpreter: 'a', position: 0 }]);
  expect(newDeclines([], readDeclines(file))).toEqual([]);
  expect(() => readDeclines(fileWith('{"declined": {"3": {"a": ["x"]}}}'))).toThrow(/declined\["3"\]: must map each key to a list of positions/);
});
