// The recorded conformance corpus: generated programs and what real CPythons observed running them
// (`cmm corpus --record`). The model is checked against it with no interpreter at hand, so that
// `npm test` without CPython and mutation testing (`npm run mutate`) are judged by thousands of
// CPython's own observations rather than only by the hand-written cases. Only observations are
// ever written here: the model plays no part in recording.
//
// The file is data, not code, and untrusted like a case file: it is checked field by field and
// every program must parse in the case language before the model sees it.
import { readFileSync, writeFileSync } from 'node:fs';
import type { Mode, Program } from '../../language/ast.ts';
import { CaseLanguageError } from '../../language/errors.ts';
import { parseProgram } from '../../language/parse.ts';

/** The interpreter a recording was made on, as much of it as the model's profile needs. */
export interface RecordedInterpreter {
  version: string;
  bits: 32 | 64;
  kind: 'native' | 'embedded';
}

/** The observations some interpreters made alike, for one program. */
export interface RecordedRun {
  /** Names of interpreters in `Corpus.interpreters`. */
  on: string[];
  observations: string[];
}

export interface CorpusProgram {
  mode: Mode;
  source: string;
  /** Only runs that finished normally: a timeout or crash is no evidence about the model. */
  observed: RecordedRun[];
}

export interface Corpus {
  /** How the programs were generated (`cmm corpus --record --seed S --runs N`). */
  generator: { seed: number; runs: number };
  interpreters: Record<string, RecordedInterpreter>;
  programs: CorpusProgram[];
}

/** A program of the corpus, parsed; `index` is its place in the file (0-based). */
export interface LoadedProgram extends CorpusProgram {
  index: number;
  program: Program;
}

export class CorpusFileError extends Error {
  override name = 'CorpusFileError';
}

const MODES: readonly string[] = ['module', 'function', 'repl'];

export function readCorpus(file: string): Corpus {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new CorpusFileError(`${file}: cannot read: ${e instanceof Error ? e.message : String(e)}`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new CorpusFileError(`${file}: not JSON: ${e instanceof Error ? e.message : String(e)}`);
  }
  return checkShape(data, file);
}

/** Every program parsed in the case language; the first that is not is an error naming it. */
export function loadPrograms(corpus: Corpus, file: string): LoadedProgram[] {
  return corpus.programs.map((p, index) => {
    try {
      return { ...p, index, program: parseProgram(p.source, { file: `${file}: programs[${index}]`, mode: p.mode }) };
    } catch (e) {
      if (e instanceof CaseLanguageError) throw new CorpusFileError(e.message);
      throw e;
    }
  });
}

/**
 * One program a line: the file stays readable in a diff and small enough to keep in the
 * repository (runs that observed alike are stored once, with the list of interpreters).
 */
export function writeCorpus(file: string, corpus: Corpus): void {
  const lines = [
    '{',
    `"generator": ${JSON.stringify(corpus.generator)},`,
    `"interpreters": {`,
    Object.entries(corpus.interpreters)
      .map(([name, i]) => `  ${JSON.stringify(name)}: ${JSON.stringify(i)}`)
      .join(',\n'),
    '},',
    '"programs": [',
    corpus.programs.map((p) => JSON.stringify(p)).join(',\n'),
    ']',
    '}',
  ];
  writeFileSync(file, `${lines.join('\n')}\n`);
}

function checkShape(data: unknown, file: string): Corpus {
  const fail = (where: string, what: string): never => {
    throw new CorpusFileError(`${file}: ${where}: ${what}`);
  };
  if (!isObject(data)) return fail('the top level', 'must be an object');
  const { generator, interpreters, programs } = data;
  if (!isObject(generator) || !Number.isInteger(generator.seed) || !Number.isInteger(generator.runs)) {
    fail('generator', 'must be {"seed": integer, "runs": integer}');
  }
  if (!isObject(interpreters)) return fail('interpreters', 'must be an object');
  for (const [name, i] of Object.entries(interpreters)) {
    const where = `interpreters[${JSON.stringify(name)}]`;
    if (!isObject(i)) fail(where, 'must be an object');
    const { version, bits, kind } = i as Record<string, unknown>;
    if (typeof version !== 'string' || !/^\d+\.\d+\.\d+/.test(version)) fail(`${where}.version`, 'must be a version such as "3.12.1"');
    if (bits !== 32 && bits !== 64) fail(`${where}.bits`, 'must be 32 or 64');
    if (kind !== 'native' && kind !== 'embedded') fail(`${where}.kind`, 'must be "native" or "embedded"');
  }
  if (!Array.isArray(programs)) return fail('programs', 'must be an array');
  programs.forEach((p: unknown, n) => {
    const where = `programs[${n}]`;
    if (!isObject(p)) return fail(where, 'must be an object');
    if (typeof p.mode !== 'string' || !MODES.includes(p.mode)) fail(`${where}.mode`, `must be one of ${MODES.join(', ')}`);
    if (typeof p.source !== 'string') fail(`${where}.source`, 'must be a string');
    if (!Array.isArray(p.observed)) return fail(`${where}.observed`, 'must be an array');
    p.observed.forEach((run: unknown, r) => {
      const at = `${where}.observed[${r}]`;
      if (!isObject(run)) return fail(at, 'must be an object');
      if (!Array.isArray(run.on) || run.on.some((name) => typeof name !== 'string' || !Object.hasOwn(interpreters, name))) {
        fail(`${at}.on`, 'must list names of the interpreters above');
      }
      if (!Array.isArray(run.observations) || run.observations.some((o) => typeof o !== 'string')) {
        fail(`${at}.observations`, 'must be an array of strings');
      }
    });
  });
  return data as unknown as Corpus;
}

function isObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}
