// The model against the recorded corpus: thousands of generated programs, with what 13 real
// CPythons observed running them (cmm corpus --record). No interpreter is run, so this judges the
// model wherever the tests run, and it is what kills most mutants in `npm run mutate`.
// The programs are checked in slices, one test each: a mutant then runs only the slices whose
// programs reach the mutated code (StrykerJS's per-test coverage), and a failure names its slice.
import { describe, expect, test } from 'vitest';
import { declinesFileOf, DEFAULT_CORPUS, explanationsFileOf } from '../../cli/corpus.ts';
import { checkCorpusPrograms, describeCorpusFailure } from './check-corpus.ts';
import { loadPrograms, readCorpus, type LoadedProgram } from './corpus-file.ts';
import { describeDecline, newDeclines, readDeclines } from './declines-file.ts';
import { changedExplanations, describeChangedExplanation, readExplanations } from './explanations-file.ts';

const SLICE = 50;
const corpus = readCorpus(DEFAULT_CORPUS);
const programs = loadPrograms(corpus, DEFAULT_CORPUS);
const allowed = readDeclines(declinesFileOf(DEFAULT_CORPUS));
const explained = readExplanations(explanationsFileOf(DEFAULT_CORPUS), (message) => new Error(message));
const slices: [string, LoadedProgram[]][] = [];
for (let i = 0; i < programs.length; i += SLICE) slices.push([`programs ${i}-${Math.min(i + SLICE, programs.length) - 1}`, programs.slice(i, i + SLICE)]);

test('the corpus is large and recorded on native and embedded builds of several versions', () => {
  expect(programs.length).toBeGreaterThanOrEqual(1000);
  const interpreters = Object.values(corpus.interpreters);
  expect(new Set(interpreters.map((i) => i.version.split('.').slice(0, 2).join('.'))).size).toBeGreaterThanOrEqual(6);
  expect(new Set(interpreters.map((i) => i.kind))).toEqual(new Set(['native', 'embedded']));
});

describe('the model agrees with every recorded observation', () => {
  test.each(slices)('%s', (_name, slice) => {
    const check = checkCorpusPrograms(slice, corpus.interpreters);
    expect(check.failures.map((f) => describeCorpusFailure(f, 'cases/corpus/recorded.json'))).toEqual([]);
    // Declining never contradicts CPython, so a model that forgot a rule would pass the line above:
    // what it declines must stay within what it declined when the list was written.
    expect(newDeclines(check.declines, allowed).map((d) => describeDecline(d, programs[d.index]!.source))).toEqual([]);
    // Nor may the rules it credits, or its reasons to stop, change unseen: reports name them.
    expect(changedExplanations(check.explanations, explained).map((i) => describeChangedExplanation(i, programs[i]!.source))).toEqual([]);
  });
});
